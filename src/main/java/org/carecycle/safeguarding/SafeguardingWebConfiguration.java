package org.carecycle.safeguarding;

import org.carecycle.web.Section;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The safeguarding section: open to safeguarding leads and QA officers only, and inside
 * it each case decides who may read it ({@link CaseAccess}). Pages of this module add
 * their narrower {@code AccessRule}s in their own configuration classes.
 */
@Configuration(proxyBeanMethods = false)
class SafeguardingWebConfiguration {

	@Bean
	Section safeguardingSection() {
		return new Section("nav.safeguarding", "/safeguarding", CaseAccess.SECTION_ROLES, 108, true);
	}

}
