package org.carecycle.commissioning;

import java.util.EnumSet;

import org.carecycle.shared.Role;
import org.carecycle.web.AccessRule;
import org.carecycle.web.PublicPages;
import org.carecycle.web.Section;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The commissioning section (the cycle view is its landing page) for every member of
 * council staff, the pages that write and change strategies, intentions and the Market
 * Position Statement for commissioners, and the published statement for anyone.
 */
@Configuration(proxyBeanMethods = false)
class CommissioningPlansWebConfiguration {

	static final EnumSet<Role> COMMISSIONERS = EnumSet.of(Role.COMMISSIONER);

	@Bean
	Section commissioningSection() {
		return Section.forCouncilStaff("nav.commissioning", "/commissioning", 125);
	}

	@Bean
	AccessRule strategyWriting() {
		return new AccessRule("/commissioning/strategies/new", COMMISSIONERS);
	}

	@Bean
	AccessRule strategyChanges() {
		return new AccessRule("/commissioning/strategies/*/{step:edit|care-act-review|status|review}", COMMISSIONERS);
	}

	@Bean
	AccessRule strategyAdditions() {
		return new AccessRule("/commissioning/strategies/*/{step:priorities|evidence|intentions}/**", COMMISSIONERS);
	}

	@Bean
	AccessRule intentionChanges() {
		return new AccessRule("/commissioning/intentions/*/edit", COMMISSIONERS);
	}

	@Bean
	AccessRule marketPositionEditing() {
		return new AccessRule("/commissioning/market-position/**", COMMISSIONERS);
	}

	@Bean
	PublicPages marketPositionStatement() {
		return new PublicPages("/market-position-statement", "/market-position-statement/**");
	}

}
