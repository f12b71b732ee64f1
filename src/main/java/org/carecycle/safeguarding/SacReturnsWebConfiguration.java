package org.carecycle.safeguarding;

import org.carecycle.shared.Role;
import org.carecycle.web.AccessRule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may open the Safeguarding Adults Collection return (ADR 0034): the return itself,
 * its downloads and the cases behind each count are for safeguarding leads only; the
 * published version, with no count under 5 and the rest rounded to the nearest 5, is also
 * for commissioners and administrators, who share it with the Safeguarding Adults Board.
 */
@Configuration(proxyBeanMethods = false)
class SacReturnsWebConfiguration {

	@Bean
	AccessRule sacReturn() {
		return AccessRule.of("/safeguarding/returns/**", Role.SAFEGUARDING_LEAD);
	}

	@Bean
	AccessRule sacPublishedReturn() {
		return AccessRule.of("/safeguarding/published-returns/**", Role.SAFEGUARDING_LEAD, Role.COMMISSIONER,
				Role.ADMIN);
	}

}
