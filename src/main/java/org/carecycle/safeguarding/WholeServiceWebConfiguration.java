package org.carecycle.safeguarding;

import java.util.EnumSet;

import org.carecycle.shared.Role;
import org.carecycle.web.AccessRule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The whole-service enquiry pages that only safeguarding leads may use: raising one, the
 * senior manager's decision, counting adults at risk, naming officers and closing. QA
 * officers named on an enquiry read it and record meetings and communication, which the
 * section allows and the enquiry then checks.
 */
@Configuration(proxyBeanMethods = false)
class WholeServiceWebConfiguration {

	@Bean
	AccessRule wholeServiceRaising() {
		return new AccessRule("/safeguarding/whole-service/new", EnumSet.of(Role.SAFEGUARDING_LEAD));
	}

	@Bean
	AccessRule wholeServiceLeadSteps() {
		return new AccessRule("/safeguarding/whole-service/*/{step:decide|concerns|officers|close}",
				EnumSet.of(Role.SAFEGUARDING_LEAD));
	}

	@Bean
	AccessRule wholeServiceConcernRemoval() {
		return new AccessRule("/safeguarding/whole-service/*/concerns/*/remove", EnumSet.of(Role.SAFEGUARDING_LEAD));
	}

}
