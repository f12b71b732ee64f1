package org.carecycle.providers;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.carecycle.ApplicationTest;
import org.carecycle.HostileValues;
import org.carecycle.SignIn;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A case manager asks which care home near a postcode has a room today: postcodes and
 * their districts are found exactly, distances are measured between district centres, and
 * only recent reports of a vacancy count.
 */
@ApplicationTest
class ServiceNearbySearchTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	/** Words in the names of this test's own homes, so that searches find only them. */
	private String marker;

	private String inTruro;

	private String inPenryn;

	private String fullInTruroDistrict;

	private String staleNearTruro;

	private String inPenzance;

	@BeforeEach
	void homes() {
		this.marker = "Tregothnan " + UUID.randomUUID().toString().substring(0, 8);
		// TR1 is Truro; TR4 about 4 miles west, TR10 (Penryn) about 7 miles south west,
		// TR18 (Penzance) about 24 miles west
		this.inTruro = home("Lemon Quay", "TR1 3LJ", "TR1", 2, Duration.ofDays(1));
		this.fullInTruroDistrict = home("Chacewater", "TR4 8QT", "TR4", 0, Duration.ofDays(2));
		this.staleNearTruro = home("Threemilestone", "TR4 9AA", "TR4", 3, Duration.ofDays(30));
		this.inPenryn = home("Penryn", "TR10 8AA", "TR10", 1, Duration.ofDays(3));
		this.inPenzance = home("Penzance", "TR18 4AA", "TR18", 2, Duration.ofDays(1));
	}

	private String home(String place, String postcode, String district, int vacancies, Duration age) {
		String name = this.marker + " " + place + " House";
		UUID provider = this.jdbc.sql("select id from provider order by id limit 1").query(UUID.class).single();
		Instant now = Instant.now();
		this.jdbc.sql("""
				insert into care_service (id, version, provider_id, name, service_type, postcode, postcode_district,
				                          locality_id, beds, status, vacancies, vacancies_reported_at, created_at,
				                          updated_at)
				values (:id, 0, :provider, :name, 'CARE_HOME', :postcode, :district,
				        (select locality_id from postcode_district where outcode = :district), 30, 'ACTIVE',
				        :vacancies, :at, :now, :now)""")
			.param("id", UUID.randomUUID())
			.param("provider", provider)
			.param("name", name)
			.param("postcode", postcode)
			.param("district", district)
			.param("vacancies", vacancies)
			.param("at", Timestamp.from(now.minus(age)))
			.param("now", Timestamp.from(now))
			.update();
		return name;
	}

	private String csv(MockHttpSession session, String... params) throws Exception {
		var request = get("/services/export").param("format", "csv").session(session);
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString();
	}

	private String page(MockHttpSession session, String... params) throws Exception {
		var request = get("/services").session(session);
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		var response = this.mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString();
	}

	@Test
	void anOutcodeFindsItsOwnDistrictAndNotLongerOnesStartingTheSame() throws Exception {
		MockHttpSession session = SignIn.as(this.mvc, Role.CASE_MANAGER);
		for (String typed : new String[] { "TR1", "tr1", " Tr 1 " }) {
			// "Tr 1" is TR1 with a stray space
			String found = csv(session, "q", typed);
			assertThat(found).as(typed).contains(this.inTruro).doesNotContain(this.inPenryn);
			assertThat(found.lines().skip(1).filter(line -> line.contains(",TR10 ") || line.contains(",TR18 ")))
				.as(typed)
				.isEmpty();
		}
	}

	@Test
	void aFullPostcodeFindsThatPostcodeHoweverItIsTyped() throws Exception {
		MockHttpSession session = SignIn.as(this.mvc, Role.CASE_MANAGER);
		for (String typed : new String[] { "TR1 3LJ", "tr13lj", "tr1  3lj", "TR1 3" }) {
			assertThat(csv(session, "q", typed)).as(typed).contains(this.inTruro).doesNotContain(this.inPenryn);
		}
	}

	@Test
	void aPostcodeFindsServicesInItsDistrictAndItsNeighboursWithinTheDistanceNearestFirst() throws Exception {
		MockHttpSession session = SignIn.as(this.mvc, Role.CASE_MANAGER);
		String within10 = csv(session, "near", "tr13lj", "within", "10");
		assertThat(within10).contains(this.inTruro, this.fullInTruroDistrict, this.inPenryn)
			.doesNotContain(this.inPenzance)
			.contains("Miles from TR1");
		assertThat(within10.indexOf(this.inTruro)).isLessThan(within10.indexOf(this.fullInTruroDistrict));
		assertThat(within10.indexOf(this.fullInTruroDistrict)).isLessThan(within10.indexOf(this.inPenryn));
		assertThat(csv(session, "near", "TR1", "within", "5")).contains(this.fullInTruroDistrict)
			.doesNotContain(this.inPenryn);
		assertThat(csv(session, "near", "TR1 3LJ", "within", "50")).contains(this.inPenzance);

		String shown = page(session, "q", this.marker, "near", "TR1 3LJ", "within", "10");
		assertThat(shown).contains("Distances are measured between the centres of postcode districts")
			.contains("less than 1 mile")
			.contains("about 4 miles")
			.contains("about 7 miles")
			.doesNotContain(this.inPenzance);
		assertThat(shown.indexOf(this.inTruro)).isLessThan(shown.indexOf(this.inPenryn));
	}

	@Test
	void showsVacanciesWithTheirAgeAndFlagsOldOnes() throws Exception {
		MockHttpSession session = SignIn.as(this.mvc, Role.CASE_MANAGER);
		String shown = page(session, "q", this.marker);
		assertThat(shown).contains("2 beds vacant")
			.contains("updated yesterday")
			.contains("Full, no beds vacant")
			.contains("updated 30 days ago")
			.contains("May be out of date");
		assertThat(csv(session, "q", this.marker)).contains("Vacancies reported on", "Vacancies may be out of date");
	}

	@Test
	void theVacancyFilterLeavesOutFullHomesAndOldReports() throws Exception {
		MockHttpSession session = SignIn.as(this.mvc, Role.CASE_MANAGER);
		String withRoom = csv(session, "q", this.marker, "vacancy", "yes");
		assertThat(withRoom).contains(this.inTruro, this.inPenryn, this.inPenzance)
			.doesNotContain(this.fullInTruroDistrict)
			.doesNotContain(this.staleNearTruro);
		String nearWithRoom = page(session, "q", this.marker, "near", "TR1 3LJ", "within", "10", "vacancy", "yes");
		assertThat(nearWithRoom).contains(this.inTruro, this.inPenryn)
			.doesNotContain(this.fullInTruroDistrict)
			.doesNotContain(this.staleNearTruro)
			.doesNotContain(this.inPenzance)
			.contains("reported a vacancy in the last 7 days");
	}

	@Test
	void aPostcodeThatIsNotRealOrNotKnownIsAnErrorOnTheForm() throws Exception {
		MockHttpSession session = SignIn.as(this.mvc, Role.CASE_MANAGER);
		String malformed = page(session, "near", "Truro please");
		assertThat(malformed).contains("There is a problem")
			.contains("Error:")
			.contains("Enter a real postcode, like TR1 3LJ, or the first part of one, like TR1")
			.contains("href=\"#near\"");
		String unknown = page(session, "near", "TR99 1AA");
		assertThat(unknown).contains("There is a problem").contains("No postcode district TR99 is known");
		for (String hostile : HostileValues.ALL) {
			String answered = page(session, "near", hostile, "within", hostile, "vacancy", hostile);
			assertThat(answered).as(hostile).doesNotContain(HostileValues.SCRIPT);
		}
	}

	@Test
	void aProviderReportsItsOwnVacanciesAuditedAndCannotTouchAnotherProvidersService() throws Exception {
		MockHttpSession provider = SignIn.as(this.mvc, Role.PROVIDER);
		UUID own = this.jdbc.sql("""
				select s.id from care_service s join app_user u on u.provider_id = s.provider_id
				where u.email = 'provider@carecycle.example' and s.status = 'ACTIVE'
				  and coalesce(s.beds, s.places, s.weekly_hours) >= 3 order by s.id limit 1""")
			.query(UUID.class)
			.single();
		UUID theirs = this.jdbc.sql("""
				select s.id from care_service s where s.status = 'ACTIVE' and s.provider_id <> (select provider_id
				from app_user where email = 'provider@carecycle.example') order by s.id limit 1""")
			.query(UUID.class)
			.single();
		Integer before = vacancies(theirs);
		for (String hostile : new String[] { "abc", HostileValues.SCRIPT, "2.5", "99999999999", "-3", "" }) {
			String answered = this.mvc
				.perform(post("/my-organisation/services/" + own + "/vacancies").session(provider)
					.param("vacancies", hostile)
					.with(csrf()))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(answered).as(hostile).contains("There is a problem").doesNotContain(HostileValues.SCRIPT);
		}
		this.mvc
			.perform(post("/my-organisation/services/" + own + "/vacancies").session(provider)
				.param("vacancies", "1")
				.with(csrf()))
			.andReturn();
		assertThat(vacancies(own)).isEqualTo(1);
		assertThat(this.jdbc
			.sql("select count(*) from audit_event where record_type = 'CareService' and record_id = :id"
					+ " and action = 'CHANGED' and changes::text like '%vacancies%'"
					+ " and occurred_at > now() - interval '10 minutes'")
			.param("id", own.toString())
			.query(Long.class)
			.single()).isPositive();
		assertThat(this.mvc.perform(get("/my-organisation/services/" + theirs + "/vacancies").session(provider))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(this.mvc
			.perform(post("/my-organisation/services/" + theirs + "/vacancies").session(provider)
				.param("vacancies", "3")
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(vacancies(theirs)).isEqualTo(before);
	}

	private Integer vacancies(UUID service) {
		return this.jdbc.sql("select vacancies from care_service where id = :id")
			.param("id", service)
			.query(Integer.class)
			.optional()
			.orElse(null);
	}

}
