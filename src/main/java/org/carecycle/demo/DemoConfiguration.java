package org.carecycle.demo;

import java.util.List;

import org.carecycle.identity.DemoAccounts;
import org.carecycle.identity.Organisation;
import org.carecycle.identity.OrganisationDirectory;
import org.carecycle.identity.UserDirectory;
import org.carecycle.identity.UserSummary;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Demo mode: the county on an empty database, and the sign-ins on the sign-in page. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoProperties.class)
@ConditionalOnBooleanProperty("carecycle.demo.enabled")
class DemoConfiguration {

	/**
	 * The authenticator key of the demo administrator and safeguarding lead: published in
	 * the README and on the sign-in page, so it protects nothing, and only ever given to
	 * demo accounts.
	 */
	static final String SECOND_FACTOR_KEY = "CARE CYCL EDEM OKEY PUBL ISHE DNOT SAFE";

	/** Their recovery codes, published likewise; each works once for each account. */
	static final List<String> RECOVERY_CODES = List.of("demo-code-01", "demo-code-02", "demo-code-03", "demo-code-04",
			"demo-code-05", "demo-code-06", "demo-code-07", "demo-code-08", "demo-code-09", "demo-code-10");

	/**
	 * Loads the county once every bean is ready but before the web server opens, so
	 * nobody sees a half-filled service.
	 */
	@Bean
	SmartInitializingSingleton demoCounty(DemoCountyLoader loader, DemoProperties properties) {
		return () -> {
			if (loader.isDatabaseEmpty()) {
				loader.load(loader.generate(properties), properties);
			}
		};
	}

	@Bean
	DemoAccounts demoAccounts(DemoProperties properties, UserDirectory users, OrganisationDirectory organisations) {
		return new DemoAccounts() {

			@Override
			public List<DemoAccount> accounts() {
				return DemoCountyGenerator.PEOPLE.stream()
					.map(person -> new DemoAccount(person.role(), person.email(), organisationOf(person.email())))
					.toList();
			}

			private String organisationOf(String email) {
				return users.findByEmail(email)
					.map(UserSummary::providerId)
					.flatMap(organisations::find)
					.map(Organisation::name)
					.orElse(null);
			}

			@Override
			public String password() {
				return properties.password();
			}

			@Override
			public String secondFactorKey() {
				return SECOND_FACTOR_KEY;
			}

			@Override
			public List<String> recoveryCodes() {
				return RECOVERY_CODES;
			}

		};
	}

}
