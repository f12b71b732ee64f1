package org.carecycle.matching;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.carecycle.ApplicationTest;
import org.carecycle.SignIn;
import org.carecycle.geography.Places;
import org.carecycle.providers.ServiceType;
import org.carecycle.providers.Specialism;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What a case manager expects of the needs-based search, on nursing homes made for the
 * test around Kendal (far from the demo county the weights were chosen on): a nearer,
 * better-rated home with a vacancy above a farther, worse one; a fresh vacancy above a
 * stale one; quality beating a little distance where the simplest baseline (nearest
 * first) gets it wrong; the embargoed home and a home without the care needed never
 * listed; a home at high risk listed with a warning and shortlisted only with a reason.
 */
@ApplicationTest
class NeedsSearchRankingTests {

	private static final String MARKER = "Matchtest ";

	private static final Set<Specialism> NEEDED = EnumSet.of(Specialism.NURSING, Specialism.ACQUIRED_BRAIN_INJURY,
			Specialism.BRITISH_SIGN_LANGUAGE);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	NeedsSearch search;

	@Autowired
	Places places;

	private UUID provider;

	private UUID nearGood;

	private UUID farWorse;

	private UUID staleTwin;

	private UUID embargoed;

	private UUID lacksCare;

	private UUID highRisk;

	private UUID fartherOutstanding;

	private UUID nearerInadequate;

	@BeforeEach
	void homes() {
		List<UUID> earlier = this.jdbc.sql("select id from care_service where name like :m")
			.param("m", MARKER + "%")
			.query(UUID.class)
			.list();
		if (!earlier.isEmpty()) {
			for (String table : List.of("matching_shortlist_entry", "risk_profile", "escalation")) {
				this.jdbc.sql("delete from " + table + " where care_service_id in (:ids)")
					.param("ids", earlier)
					.update();
			}
			this.jdbc.sql("delete from care_service where id in (:ids)").param("ids", earlier).update();
		}
		this.provider = this.jdbc.sql("select id from provider order by id limit 1").query(UUID.class).single();
		// LA9 is Kendal; LA8 under a mile away, LA23 about 8 miles, LA22 about 12, LA12
		// about 16
		this.nearGood = home("Near Good", "LA8", "GOOD", 2, Duration.ofDays(1), NEEDED);
		this.farWorse = home("Far Worse", "LA12", "REQUIRES_IMPROVEMENT", 1, Duration.ofDays(1), NEEDED);
		this.staleTwin = home("Stale Twin", "LA8", "GOOD", 2, Duration.ofDays(20), NEEDED);
		this.embargoed = home("Embargoed Best", "LA9", "OUTSTANDING", 3, Duration.ofDays(1), NEEDED);
		this.lacksCare = home("Lacks Care", "LA9", "OUTSTANDING", 3, Duration.ofDays(1),
				EnumSet.of(Specialism.NURSING));
		this.highRisk = home("High Risk", "LA23", "GOOD", 1, Duration.ofDays(2), NEEDED);
		this.fartherOutstanding = home("Farther Outstanding", "LA22", "OUTSTANDING", 1, Duration.ofDays(1), NEEDED);
		this.nearerInadequate = home("Nearer Inadequate", "LA23", "INADEQUATE", 1, Duration.ofDays(1), NEEDED);
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.sql("""
				insert into escalation (id, version, reference, subject_kind, provider_id, care_service_id, stage,
				                        stage_since, created_at, updated_at)
				values (:id, 0, :ref, 'SERVICE', :provider, :service, 'SUSPENSION', :today, :now, :now)""")
			.param("id", UUID.randomUUID())
			.param("ref", "MT-" + UUID.randomUUID().toString().substring(0, 8))
			.param("provider", this.provider)
			.param("service", this.embargoed)
			.param("today", java.sql.Date.valueOf(LocalDate.now()))
			.param("now", now)
			.update();
		this.jdbc.sql("""
				insert into risk_profile (care_service_id, score, band, contributions, unknown, caveats, computed_at)
				values (:service, 48, 'HIGH', '{}', '{}', '{}', :now)""")
			.param("service", this.highRisk)
			.param("now", now)
			.update();
	}

	private UUID home(String name, String district, String rating, int vacancies, Duration age,
			Set<Specialism> specialisms) {
		UUID id = UUID.randomUUID();
		Instant now = Instant.now();
		this.jdbc.sql("""
				insert into care_service (id, version, provider_id, name, service_type, postcode, postcode_district,
				                          beds, status, vacancies, vacancies_reported_at, cqc_overall, specialisms,
				                          created_at, updated_at)
				values (:id, 0, :provider, :name, 'CARE_HOME_NURSING', :postcode, :district, 40, 'ACTIVE',
				        :vacancies, :at, null, cast(:specialisms as text[]), :now, :now)""")
			.param("id", id)
			.param("provider", this.provider)
			.param("name", MARKER + name)
			.param("postcode", district + " 1AA")
			.param("district", district)
			.param("vacancies", vacancies)
			.param("at", Timestamp.from(now.minus(age)))
			.param("specialisms",
					"{" + String.join(",", specialisms.stream().map(Specialism::name).sorted().toList()) + "}")
			.param("now", Timestamp.from(now))
			.update();
		// the register takes a service's CQC rating from its CQC location; these have
		// none,
		// so the rating is set after the insert (the trigger runs on the location id
		// only)
		this.jdbc.sql("update care_service set cqc_overall = :rating where id = :id")
			.param("rating", rating)
			.param("id", id)
			.update();
		return id;
	}

	private Needs needs(int miles) {
		return new Needs(ServiceType.CARE_HOME_NURSING, null, NEEDED, this.places.district("LA9").orElseThrow(), miles,
				false, MinimumQuality.ANY, null, null);
	}

	private static List<UUID> ids(NeedsSearch.Found found) {
		return found.matches().stream().map(Match::serviceId).toList();
	}

	@Test
	void ranksWhatACaseManagerWouldPutFirstFirst() {
		NeedsSearch.Found found = this.search.forStaff(needs(20));
		List<UUID> order = ids(found);
		assertThat(order).contains(this.nearGood, this.farWorse, this.staleTwin, this.highRisk, this.fartherOutstanding,
				this.nearerInadequate);
		assertThat(order.indexOf(this.nearGood)).as("nearer, better, with a vacancy, above farther and worse")
			.isLessThan(order.indexOf(this.farWorse));
		assertThat(order.indexOf(this.nearGood)).as("a fresh vacancy above the same home's stale one")
			.isLessThan(order.indexOf(this.staleTwin));
		assertThat(order.indexOf(this.fartherOutstanding)).as("outstanding 12 miles away above inadequate 8 miles")
			.isLessThan(order.indexOf(this.nearerInadequate));
		// the simplest baseline, nearest first, gets that pair the wrong way round
		List<UUID> nearestFirst = found.matches()
			.stream()
			.sorted(Comparator.comparingDouble(Match::miles))
			.map(Match::serviceId)
			.toList();
		assertThat(nearestFirst.indexOf(this.fartherOutstanding))
			.isGreaterThan(nearestFirst.indexOf(this.nearerInadequate));
	}

	@Test
	void neverListsTheEmbargoedHomeNorOneWithoutTheCareNeeded() {
		for (NeedsSearch.Found found : List.of(this.search.forStaff(needs(20)), this.search.forPublic(needs(20)),
				this.search.forStaff(needs(5)))) {
			assertThat(ids(found)).doesNotContain(this.embargoed, this.lacksCare);
			assertThat(found.embargoedLeftOut()).isGreaterThanOrEqualTo(1);
		}
	}

	@Test
	void explainsEachScoreInPartsThatAddUp() {
		Match near = this.search.forStaff(needs(20))
			.matches()
			.stream()
			.filter(m -> m.serviceId().equals(this.nearGood))
			.findFirst()
			.orElseThrow();
		// CQC good (2/3 of 35), under a mile of 20 (nearly 25), no price (10), a fresh
		// vacancy (15) and no contract
		assertThat(near.qualityPoints()).isCloseTo(35 * 2 / 3.0, org.assertj.core.data.Offset.offset(0.01));
		assertThat(near.distancePoints()).isBetween(23.0, 25.0);
		assertThat(near.pricePoints()).isEqualTo(10.0);
		assertThat(near.fitPoints()).isEqualTo(15.0);
		assertThat(near.score()).isEqualTo(
				(int) Math.round(near.qualityPoints() + near.distancePoints() + near.pricePoints() + near.fitPoints()));
	}

	@Test
	void filtersByVacancyNowAndMinimumQuality() {
		Needs strict = new Needs(ServiceType.CARE_HOME_NURSING, null, NEEDED, this.places.district("LA9").orElseThrow(),
				20, true, MinimumQuality.GOOD, null, null);
		assertThat(ids(this.search.forStaff(strict))).contains(this.nearGood, this.fartherOutstanding)
			.doesNotContain(this.staleTwin, this.farWorse, this.nearerInadequate);
	}

	@Test
	void warnsAboutHighRiskToStaffOnlyAndAsksWhyBeforeShortlisting() throws Exception {
		assertThat(this.search.forStaff(needs(20)).matches()).filteredOn(m -> m.serviceId().equals(this.highRisk))
			.singleElement()
			.satisfies(m -> assertThat(m.highRisk()).isTrue());
		assertThat(this.search.forPublic(needs(20)).matches()).filteredOn(m -> m.serviceId().equals(this.highRisk))
			.singleElement()
			.satisfies(m -> assertThat(m.highRisk()).isFalse());

		MockHttpSession session = SignIn.as(this.mvc, Role.CASE_MANAGER);
		String page = this.mvc.perform(searchRequest(get("/matching/search")).session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(MARKER + "Near Good", MARKER + "High Risk")
			.doesNotContain(MARKER + "Embargoed Best")
			.contains("not shown because the council has suspended new placements there")
			.contains("The council&#39;s oversight rates this service at high risk");
		assertThat(page.indexOf(MARKER + "Near Good")).isLessThan(page.indexOf(MARKER + "Far Worse"));

		MockHttpServletResponse refused = this.mvc
			.perform(searchRequest(post("/matching/shortlist")).param("service", this.highRisk.toString())
				.param("reason", " ")
				.session(session)
				.with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(refused.getStatus()).isEqualTo(200);
		assertThat(refused.getContentAsString()).contains("Enter why you are shortlisting a service at high risk");
		assertThat(shortlistCsv(session)).doesNotContain(MARKER + "High Risk");

		MockHttpServletResponse added = this.mvc
			.perform(searchRequest(post("/matching/shortlist")).param("service", this.highRisk.toString())
				.param("reason", "Her husband lives there and she asked to join him")
				.session(session)
				.with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(added.getStatus()).isEqualTo(302);
		assertThat(shortlistCsv(session)).contains(MARKER + "High Risk", "Her husband lives there");

		MockHttpServletResponse embargo = this.mvc
			.perform(searchRequest(post("/matching/shortlist")).param("service", this.embargoed.toString())
				.session(session)
				.with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(embargo.getStatus()).isEqualTo(302);
		assertThat(shortlistCsv(session)).doesNotContain(MARKER + "Embargoed Best");
	}

	@Test
	void thePublicSearchShowsNoPricesNorRiskAndNeedsNoSignIn() throws Exception {
		MockHttpServletResponse response = this.mvc.perform(searchRequest(get("/directory/needs")))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).contains(MARKER + "Near Good")
			.doesNotContain(MARKER + "Embargoed Best")
			.doesNotContain("high risk")
			.doesNotContain("No agreed price")
			.doesNotContain("Add to shortlist");
	}

	@Test
	void badInputIsExplainedOnTheSearchPage() throws Exception {
		MockHttpSession session = SignIn.as(this.mvc, Role.CASE_MANAGER);
		String[][] cases = { { "near", "ZZ99", "Enter a real postcode district" },
				{ "near", "<script>alert(1)</script>", "Enter a real postcode district" },
				{ "near", "", "Enter the postcode district where the person lives" },
				{ "maxPrice", "lots", "Highest price must be a number" },
				{ "maxPrice", "-5", "Highest price must be more than" },
				{ "maxPrice", "1e999999999", "Highest price must be £100,000 or less" },
				{ "type", "SPACESHIP", "Select the type of service" },
				{ "specialism", "FLYING", "Select the care the person needs from the list" },
				{ "quality", "'; drop table care_service; --", "Select the lowest quality to accept" },
				{ "lot", UUID.randomUUID().toString(), "Select a lot from the list" } };
		for (String[] each : cases) {
			var request = get("/matching/search").session(session).param("within", "20");
			if (!each[0].equals("type")) {
				request.param("type", "CARE_HOME_NURSING");
			}
			if (!each[0].equals("near")) {
				request.param("near", "LA9");
			}
			request.param(each[0], each[1]);
			MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
			assertThat(response.getStatus()).as(each[0] + "=" + each[1]).isEqualTo(200);
			assertThat(response.getContentAsString()).as(each[0] + "=" + each[1])
				.contains("There is a problem")
				.contains(each[2])
				.doesNotContain("<script>alert(1)</script>");
		}
	}

	private String shortlistCsv(MockHttpSession session) throws Exception {
		return this.mvc.perform(get("/matching/shortlist/download").param("format", "csv").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder searchRequest(
			org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) {
		request.param("type", "CARE_HOME_NURSING").param("near", "LA9").param("within", "20");
		for (Specialism each : NEEDED) {
			request.param("specialism", each.name());
		}
		return request;
	}

}
