package org.carecycle.commissioning;

import org.carecycle.web.AccessRule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may open area profiles ({@link AreaProfiles#READERS}), as access rules so that they
 * hold whoever may open the rest of the commissioning pages. No navigation entry: the
 * commissioning cycle's pages link to the list.
 */
@Configuration(proxyBeanMethods = false)
class AreaProfileWebConfiguration {

	@Bean
	AccessRule areaProfileList() {
		return new AccessRule("/commissioning/areas", AreaProfiles.READERS);
	}

	@Bean
	AccessRule areaProfilePages() {
		return new AccessRule("/commissioning/areas/**", AreaProfiles.READERS);
	}

}
