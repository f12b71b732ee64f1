package org.carecycle.shared;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for the whole application, on UK time, so that deadlines and working days are
 * counted as the council counts them and tests can fix the date.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

	/** The zone in which dates are shown and deadlines counted. */
	static final ZoneId UK = ZoneId.of("Europe/London");

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.system(UK);
	}

}
