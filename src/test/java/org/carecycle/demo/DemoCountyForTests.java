package org.carecycle.demo;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Loads the demo county into the tests' database where demo mode is off, as it always is
 * under the production profile, so that tests of that profile have people to sign in as.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoProperties.class)
public class DemoCountyForTests {

	@Bean
	SmartInitializingSingleton demoCountyForTests(DemoCountyLoader loader, DemoProperties properties) {
		return new DemoConfiguration().demoCounty(loader, properties);
	}

}
