package org.carecycle.providers;

import org.carecycle.shared.Role;
import org.carecycle.web.AccessRule;
import org.carecycle.web.PublicPages;
import org.carecycle.web.Section;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The register's sections and rules: lists and profiles for all council staff, changes
 * for commissioners and quality assurance officers, contracts for commissioners, imports
 * for those who load data, the provider portal, and the public directory.
 */
@Configuration(proxyBeanMethods = false)
class RegisterWebConfiguration {

	@Bean
	Section providersSection() {
		return Section.forCouncilStaff("nav.providers", "/providers", 100);
	}

	@Bean
	Section servicesSection() {
		return Section.forCouncilStaff("nav.services", "/services", 110);
	}

	@Bean
	Section marketSection() {
		return Section.forCouncilStaff("nav.market", "/market", 120);
	}

	@Bean
	Section contractsSection() {
		return Section.of("nav.contracts", "/contracts", 130, Role.COMMISSIONER, Role.QA_OFFICER, Role.ADMIN);
	}

	@Bean
	Section importsSection() {
		return Section.of("nav.imports", "/imports", 800, Role.COMMISSIONER, Role.QA_OFFICER, Role.ADMIN);
	}

	@Bean
	Section myOrganisationSection() {
		return Section.of("nav.myOrganisation", "/my-organisation", 100, Role.PROVIDER);
	}

	@Bean
	AccessRule registerEditing() {
		return new AccessRule("/providers/new", java.util.EnumSet.of(Role.COMMISSIONER, Role.QA_OFFICER));
	}

	@Bean
	AccessRule providerEditing() {
		return new AccessRule("/providers/*/{page:edit|contacts}",
				java.util.EnumSet.of(Role.COMMISSIONER, Role.QA_OFFICER));
	}

	@Bean
	AccessRule serviceAdding() {
		return new AccessRule("/providers/*/services/new", java.util.EnumSet.of(Role.COMMISSIONER, Role.QA_OFFICER));
	}

	@Bean
	AccessRule serviceEditing() {
		return new AccessRule("/services/*/{page:edit|status}",
				java.util.EnumSet.of(Role.COMMISSIONER, Role.QA_OFFICER));
	}

	@Bean
	AccessRule contractAdding() {
		return AccessRule.of("/services/*/contracts/new", Role.COMMISSIONER);
	}

	@Bean
	AccessRule contractEditing() {
		return AccessRule.of("/contracts/*/edit", Role.COMMISSIONER);
	}

	@Bean
	PublicPages directory() {
		return new PublicPages("/directory", "/directory/**");
	}

}
