package org.carecycle.concerns;

import org.carecycle.shared.Role;
import org.carecycle.web.AccessRule;
import org.carecycle.web.PublicPages;
import org.carecycle.web.Section;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The concerns module's pages: the public form for anyone, the queue and concern pages
 * for the council staff who handle concerns, and the safeguarding rules for
 * administrators.
 */
@Configuration(proxyBeanMethods = false)
class ConcernsWebConfiguration {

	@Bean
	Section concernsSection() {
		return new Section("nav.concerns", "/concerns", Concerns.READERS, 105, true);
	}

	@Bean
	AccessRule concernHandling() {
		return new AccessRule("/concerns/{path:new|bulk}", Concerns.HANDLERS);
	}

	@Bean
	AccessRule concernSteps() {
		return new AccessRule("/concerns/*/{step:acknowledge|assign|assess|close|duplicate|response}",
				Concerns.HANDLERS);
	}

	/**
	 * Who has seen a concern, and legal hold: for safeguarding leads and administrators
	 * only, not the officers whose reading the record is there to show.
	 */
	@Bean
	AccessRule concernRecordKeeping() {
		return new AccessRule("/concerns/*/{page:seen-by|legal-hold}", Concerns.RECORD_KEEPERS);
	}

	@Bean
	AccessRule concernLegalHoldLifting() {
		return new AccessRule("/concerns/*/legal-hold/lift", Concerns.RECORD_KEEPERS);
	}

	@Bean
	Section safeguardingRulesSection() {
		return Section.of("nav.safeguardingRules", "/admin/safeguarding-rules", 920, Role.ADMIN, Role.SAFEGUARDING_LEAD)
			.hidden();
	}

	@Bean
	PublicPages tellUs() {
		return new PublicPages("/tell-us", "/tell-us/**");
	}

}
