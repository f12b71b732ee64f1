package org.carecycle.providers;

import org.carecycle.shared.Role;
import org.carecycle.web.Section;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The register's sections: the lists for council staff, and the provider portal. */
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
	Section myOrganisationSection() {
		return Section.of("nav.myOrganisation", "/my-organisation", 100, Role.PROVIDER);
	}

}
