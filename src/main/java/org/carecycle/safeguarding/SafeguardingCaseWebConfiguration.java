package org.carecycle.safeguarding;

import java.util.EnumSet;

import org.carecycle.shared.Role;
import org.carecycle.web.AccessRule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Inside the safeguarding section, the steps only safeguarding leads take on a case: the
 * section 42 decision, correcting its details, naming staff, merging, closing and seeing
 * who has opened it. A QA officer named on a case reads it and nothing more.
 */
@Configuration(proxyBeanMethods = false)
class SafeguardingCaseWebConfiguration {

	@Bean
	AccessRule safeguardingLeadSteps() {
		return new AccessRule("/safeguarding/concerns/*/{step:decision|edit|officers|merge|close|seen-by}",
				EnumSet.of(Role.SAFEGUARDING_LEAD));
	}

}
