package org.carecycle.matching;

import java.util.EnumSet;
import java.util.Set;

import org.carecycle.shared.Role;
import org.carecycle.web.Section;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The matching pages: the needs-based search and shortlists for case managers and
 * commissioners. The public search sits under the directory (public already), and the
 * providers' vacancy upload under their own organisation's pages (providers only).
 */
@Configuration(proxyBeanMethods = false)
class MatchingWebConfiguration {

	/** Who searches by needs and keeps shortlists. */
	static final Set<Role> MATCHERS = EnumSet.of(Role.CASE_MANAGER, Role.COMMISSIONER);

	@Bean
	org.carecycle.web.AccessRule specialismsKeeping() {
		return new org.carecycle.web.AccessRule("/services/*/specialisms", SpecialismsProfileSection.KEEPERS);
	}

	@Bean
	Section matchingSection() {
		return new Section("nav.matching", "/matching", MATCHERS, 125, true);
	}

}
