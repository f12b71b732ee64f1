package org.carecycle.demo;

import org.carecycle.ApplicationTest;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** On an empty database the demo county is loaded whole, once. */
@ApplicationTest
class DemoCountyLoaderTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoCountyLoader loader;

	@Test
	void loadedTheWholeCountyIntoTheDatabase() {
		assertThat(count("provider")).isEqualTo(300);
		assertThat(count("care_service")).isBetween(540L, 680L);
		assertThat(count("locality")).isEqualTo(19);
		assertThat(count("cqc_rating")).isGreaterThan(5000);
		assertThat(count("care_service where locality_id is null")).isZero();
		assertThat(count("postcode_district where locality_id is not null")).isEqualTo(45);
	}

	@Test
	void createdOneSignInForEachRole() {
		for (Role role : Role.values()) {
			assertThat(count("app_user where role = '" + role.name() + "' and email like '%@carecycle.example'"))
				.as(role.name())
				.isEqualTo(1);
		}
		assertThat(count("app_user u join provider p on p.id = u.provider_id")).isGreaterThanOrEqualTo(1);
	}

	@Test
	void doesNothingOnADatabaseThatHoldsData() {
		assertThat(this.loader.isDatabaseEmpty()).isFalse();
	}

	private long count(String from) {
		return this.jdbc.sql("select count(*) from " + from).query(Long.class).single();
	}

}
