package org.carecycle.oversight;

import org.carecycle.web.AccessRule;
import org.carecycle.web.Section;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The oversight pages: the dashboard and the escalation ladders for the staff who read
 * them; moving a ladder and recording its letters, plans, appeals and meetings for the
 * officers and senior managers who decide.
 */
@Configuration(proxyBeanMethods = false)
class OversightWebConfiguration {

	@Bean
	Section oversightSection() {
		return new Section("nav.oversight", "/oversight", Escalations.READERS, 115, true);
	}

	@Bean
	Section kpisSection() {
		return new Section("nav.kpis", "/admin/kpis", java.util.EnumSet.of(org.carecycle.shared.Role.ADMIN), 935, true);
	}

	@Bean
	AccessRule escalationDecisions() {
		return new AccessRule("/oversight/escalations/new", Escalations.DECIDERS);
	}

	@Bean
	AccessRule recomputeRisk() {
		return new AccessRule("/oversight/risk/recompute", Escalations.DECIDERS);
	}

	@Bean
	AccessRule acknowledgeWarnings() {
		return new AccessRule("/oversight/warnings/*/acknowledge", Escalations.DECIDERS);
	}

	@Bean
	AccessRule escalationSteps() {
		return new AccessRule("/oversight/escalations/*/{step:move|letter|plan|appeal|meetings}", Escalations.DECIDERS);
	}

}
