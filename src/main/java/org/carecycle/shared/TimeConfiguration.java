package org.carecycle.shared;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for the whole application, on UK time, so that deadlines and working days are
 * counted as the council counts them and tests can fix the date. {@link UkTime} reads it
 * in UK time.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.system(UkTime.ZONE);
	}

}
