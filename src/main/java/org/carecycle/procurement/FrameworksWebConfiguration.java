package org.carecycle.procurement;

import java.util.EnumSet;

import org.carecycle.shared.Role;
import org.carecycle.web.AccessRule;
import org.carecycle.web.Section;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Frameworks, dynamic markets and partnerships: council staff read them; commissioners
 * record them and decide on admissions. Providers apply to dynamic markets from their own
 * pages (under /my-organisation, open to provider users only).
 */
@Configuration(proxyBeanMethods = false)
class FrameworksWebConfiguration {

	/** Who records frameworks, lots and partnerships, and decides on admissions. */
	static final EnumSet<Role> DECIDERS = EnumSet.of(Role.COMMISSIONER);

	@Bean
	Section frameworksSection() {
		return Section.forCouncilStaff("nav.frameworks", "/procurement/frameworks", 125);
	}

	@Bean
	Section partnershipsSection() {
		return Section.forCouncilStaff("nav.partnerships", "/procurement/partnerships", 126).hidden();
	}

	@Bean
	AccessRule frameworkRecording() {
		return new AccessRule("/procurement/frameworks/new", DECIDERS);
	}

	@Bean
	AccessRule frameworkLotAdding() {
		return new AccessRule("/procurement/frameworks/*/lots/new", DECIDERS);
	}

	@Bean
	AccessRule frameworkAwarding() {
		return new AccessRule("/procurement/frameworks/*/lots/*/admit", DECIDERS);
	}

	@Bean
	AccessRule admissionDeciding() {
		return new AccessRule("/procurement/frameworks/admissions/*/decide", DECIDERS);
	}

	@Bean
	AccessRule partnershipRecording() {
		return new AccessRule("/procurement/partnerships/new", DECIDERS);
	}

}
