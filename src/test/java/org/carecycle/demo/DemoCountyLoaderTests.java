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

	@Autowired
	DemoProperties properties;

	@Test
	void loadedTheWholeCountyIntoTheDatabase() {
		// other tests add to the register, so look for the county's own records
		DemoCounty county = this.loader.generate(this.properties);
		assertThat(county.providers()).hasSize(300);
		assertThat(county.services()).hasSizeBetween(540, 680);
		assertThat(countOf("provider", county.providers().stream().map(p -> p.id()).toList()))
			.isEqualTo(county.providers().size());
		assertThat(countOf("care_service", county.services().stream().map(s -> s.id()).toList()))
			.isEqualTo(county.services().size());
		assertThat(countOf("contract", county.contracts().stream().map(c -> c.id()).toList()))
			.isEqualTo(county.contracts().size());
		assertThat(this.jdbc.sql("select count(*) from locality where code in (:codes)")
			.param("codes", county.geography().localities().stream().map(l -> l.code()).toList())
			.query(Long.class)
			.single()).isEqualTo(19);
		assertThat(count("cqc_rating")).isGreaterThan(5000);
		assertThat(count("concern_event where actor = 'Demo' and kind = 'RECEIVED'")).as("two years of demo concerns")
			.isGreaterThan(1000);
		// the demo's own services (other tests in this context add services elsewhere)
		assertThat(this.jdbc.sql("select count(*) from care_service where locality_id is null and id in (:ids)")
			.param("ids", county.services().stream().map(s -> s.id()).toList())
			.query(Long.class)
			.single()).isZero();
		assertThat(count("postcode_district where locality_id is not null")).isEqualTo(45);
	}

	private long countOf(String table, java.util.List<java.util.UUID> ids) {
		return this.jdbc.sql("select count(*) from " + table + " where id in (:ids)")
			.param("ids", ids)
			.query(Long.class)
			.single();
	}

	@Test
	void gaveMostCareHomesAFewVacanciesDatedFromTodaySomeFullAndSomeStale() {
		// other tests import homes into the register, so look at the county's own homes
		DemoCounty county = this.loader.generate(this.properties);
		var counts = this.jdbc.sql("""
				select count(*) filter (where vacancies between 1 and 3) as few,
				       count(*) filter (where vacancies = 0) as full_homes,
				       count(*) filter (where vacancies_reported_at < now() - interval '14 days') as stale,
				       count(*) filter (where vacancies_reported_at > now()) as future,
				       count(*) as homes
				from care_service where service_type in ('CARE_HOME', 'CARE_HOME_NURSING') and status = 'ACTIVE'
				  and name not like 'Tregothnan %' and id in (:ids)""")
			.param("ids", county.services().stream().map(s -> s.id()).toList())
			.query((rs,
					row) -> new long[] { rs.getLong("few"), rs.getLong("full_homes"), rs.getLong("stale"),
							rs.getLong("future"), rs.getLong("homes") })
			.single();
		assertThat(counts[0]).as("homes with 1 to 3 vacant beds").isGreaterThan(counts[4] / 2);
		assertThat(counts[1]).as("full homes").isGreaterThan(counts[4] / 10);
		assertThat(counts[2]).as("stale reports").isPositive().isLessThan(counts[4] / 4);
		assertThat(counts[3]).as("reports from the future").isZero();
	}

	@Test
	void createdOneSignInForEachRoleAndATeamOfQualityOfficers() {
		for (Role role : Role.values()) {
			assertThat(count("app_user where role = '" + role.name() + "' and email like '%@carecycle.example'"))
				.as(role.name())
				.isEqualTo((role == Role.QA_OFFICER) ? 1 + DemoCountyGenerator.OTHER_QA_OFFICERS.size() : 1);
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
