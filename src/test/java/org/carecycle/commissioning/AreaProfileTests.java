package org.carecycle.commissioning;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.carecycle.ApplicationTest;
import org.carecycle.SignIn;
import org.carecycle.shared.Role;
import org.carecycle.shared.UkTime;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Area profiles show what the demo county's data implies for a locality. Each expected
 * figure is counted here straight from the tables, independently of the sections' SQL
 * through the published views, and compared with what the page shows a reader.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AreaProfileTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	private MockHttpSession commissioner;

	/** The demo locality with the most active services. */
	private UUID locality;

	private String code;

	private String name;

	private LocalDate today;

	@BeforeAll
	void setUp() throws Exception {
		this.commissioner = SignIn.as(this.mvc, Role.COMMISSIONER);
		this.today = UkTime.today(this.clock);
		Map<String, Object> busiest = this.jdbc.sql("""
				select l.id, l.code, l.name from locality l join care_service s on s.locality_id = l.id
				where s.status = 'ACTIVE' group by l.id order by count(*) desc, l.name limit 1""").query().singleRow();
		this.locality = (UUID) busiest.get("id");
		this.code = (String) busiest.get("code");
		this.name = (String) busiest.get("name");
	}

	private Document page(String path, MockHttpSession session) throws Exception {
		MvcResult result = this.mvc.perform(get(path).session(session)).andReturn();
		assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

	private long count(String sql) {
		return this.jdbc.sql(sql)
			.param("l", this.locality)
			.param("today", java.sql.Date.valueOf(this.today))
			.param("year", Timestamp.from(UkTime.startOf(this.today.minusMonths(12))))
			.param("fresh", Timestamp.from(UkTime.startOf(this.today.minusDays(14))))
			.query(Long.class)
			.single();
	}

	@Test
	void theListShowsEveryLocalityWithItsServicesAndAMapLinkingToTheirProfiles() throws Exception {
		Document list = page("/commissioning/areas", this.commissioner);
		long localities = this.jdbc.sql("select count(*) from locality").query(Long.class).single();
		assertThat(list.select("#area-list tbody tr")).hasSize((int) localities);
		var row = list.select("#area-list tbody tr")
			.stream()
			.filter(tr -> tr.selectFirst("th").text().equals(this.name))
			.findFirst()
			.orElseThrow();
		long services = count("select count(*) from care_service where locality_id = :l and status = 'ACTIVE'");
		assertThat(row.select("td").get(0).text()).isEqualTo(String.format("%,d", services));
		assertThat(row.selectFirst("th a").attr("href")).isEqualTo("/commissioning/areas/" + this.code);
		assertThat(list.select("svg.carecycle-map a[href=/commissioning/areas/" + this.code + "]")).hasSize(1);
	}

	@Test
	void supplyShowsTheServicesTheCouncilCommissionsAndHowTheyAreRated() throws Exception {
		Document profile = page("/commissioning/areas/" + this.code, this.commissioner);
		assertThat(profile.selectFirst("h1").text()).isEqualTo(this.name);
		long services = count("select count(*) from care_service where locality_id = :l and status = 'ACTIVE'");
		long commissioned = count("""
				select count(*) from care_service s where s.locality_id = :l and s.status = 'ACTIVE'
				and exists (select 1 from contract c where c.care_service_id = s.id
				            and c.starts_on <= :today and c.ends_on >= :today)""");
		long rated = count("""
				select count(*) from care_service where locality_id = :l and status = 'ACTIVE'
				and cqc_overall in ('OUTSTANDING', 'GOOD', 'REQUIRES_IMPROVEMENT', 'INADEQUATE')""");
		long good = count("""
				select count(*) from care_service where locality_id = :l and status = 'ACTIVE'
				and cqc_overall in ('OUTSTANDING', 'GOOD')""");
		assertThat(services).isGreaterThan(5);
		assertThat(commissioned).isPositive().isLessThanOrEqualTo(services);
		assertThat(profile.selectFirst("#area-supply-services").text()).isEqualTo(Long.toString(services));
		assertThat(profile.selectFirst("#area-supply-commissioned").text())
			.isEqualTo(commissioned + " of " + services + " (" + Math.round(100.0 * commissioned / services) + "%)");
		assertThat(profile.selectFirst("#area-supply-cqc-good").text())
			.isEqualTo(good + " of " + rated + " rated (" + Math.round(100.0 * good / rated) + "%)");
		// the care homes' beds, as the type's row shows them
		long beds = count("""
				select coalesce(sum(beds), 0) from care_service
				where locality_id = :l and status = 'ACTIVE' and service_type = 'CARE_HOME'""");
		if (beds > 0) {
			assertThat(profile.select("#area-supply-types tr:contains(Care home without nursing) td").get(1).text())
				.isEqualTo(String.format("%,d beds", beds));
		}
	}

	@Test
	void vacanciesCountOnlyReportsOfTheLastFortnight() throws Exception {
		Document profile = page("/commissioning/areas/" + this.code, this.commissioner);
		String types = "('CARE_HOME', 'CARE_HOME_NURSING', 'SUPPORTED_LIVING', 'EXTRA_CARE', 'SHARED_LIVES')";
		long now = count("select coalesce(sum(vacancies), 0) from care_service where locality_id = :l "
				+ "and status = 'ACTIVE' and service_type in " + types + " and vacancies_reported_at >= :fresh");
		long at = count("select count(*) from care_service where locality_id = :l and status = 'ACTIVE' "
				+ "and service_type in " + types + " and vacancies_reported_at >= :fresh and vacancies > 0");
		long stale = count("select count(*) from care_service where locality_id = :l and status = 'ACTIVE' "
				+ "and service_type in " + types + " and vacancies_reported_at < :fresh");
		assertThat(profile.selectFirst("#area-vacancies-now").text()).isEqualTo(now + " at " + at + " services");
		assertThat(profile.selectFirst("#area-vacancies-stale").text()).isEqualTo(Long.toString(stale));
		assertThat(profile.select("#area-vacancies-reports .govuk-tag")).hasSize((int) stale);
	}

	@Test
	void concernsShowTheYearsCountAndTheMostCommonTheme() throws Exception {
		Document profile = page("/commissioning/areas/" + this.code, this.commissioner);
		List<String[]> themes = this.jdbc
			.sql("""
					select array_to_string(c.themes, ',') from concern c join care_service s on s.id = c.care_service_id
					where s.locality_id = :l and c.kind = 'CONCERN' and c.received_at >= :year and c.duplicate_of is null""")
			.param("l", this.locality)
			.param("year", Timestamp.from(UkTime.startOf(this.today.minusMonths(12))))
			.query(String.class)
			.list()
			.stream()
			.map(joined -> joined.isEmpty() ? new String[0] : joined.split(","))
			.toList();
		assertThat(themes).isNotEmpty();
		assertThat(profile.selectFirst("#area-concerns-count").text()).startsWith(themes.size() + " about ");
		Map<String, Integer> byTheme = new HashMap<>();
		themes.forEach(each -> {
			for (String theme : each) {
				byTheme.merge(theme, 1, Integer::sum);
			}
		});
		int most = byTheme.values().stream().max(Integer::compare).orElseThrow();
		var first = profile.selectFirst("#area-concerns-themes tbody tr");
		assertThat(first.selectFirst("td").text()).isEqualTo(Integer.toString(most));
	}

	@Test
	void riskAndSafeguardingAreCountsOfTheLocalitysServices() throws Exception {
		Document profile = page("/commissioning/areas/" + this.code, this.commissioner);
		long high = count("""
				select count(*) from risk_profile r join care_service s on s.id = r.care_service_id
				where s.locality_id = :l and s.status = 'ACTIVE' and r.band = 'HIGH'""");
		var highRow = profile.select("#area-risk-bands tbody tr:contains(High)").first();
		assertThat(highRow.selectFirst("td").text()).isEqualTo(Long.toString(high));
		long safeguarding = count("""
				select count(*) from safeguarding_concern c join care_service s on s.id = c.care_service_id
				where s.locality_id = :l and s.status = 'ACTIVE' and c.status <> 'MERGED'
				and c.received_at > now() - interval '12 months'""");
		assertThat(profile.selectFirst("#area-safeguarding-concerns").text()).startsWith(safeguarding + " about ");
		assertThat(profile.text()).doesNotContain("null");
	}

	@Test
	void caseManagersSeeSupplyAndVacanciesButNotConcernsRiskOrSafeguarding() throws Exception {
		Document profile = page("/commissioning/areas/" + this.code, SignIn.as(this.mvc, Role.CASE_MANAGER));
		assertThat(profile.select("#area-supply-heading, #area-vacancies-heading")).hasSize(2);
		assertThat(profile.select("#area-concerns-heading, #area-risk-heading, #area-safeguarding-heading")).isEmpty();
	}

	@Test
	void anUnknownLocalityIsNotFoundAndAMalformedOneRefused() throws Exception {
		for (String code : List.of("NO-SUCH-AREA", "x".repeat(500), "it's")) {
			assertThat(status("/commissioning/areas/{code}", code)).as(code).isEqualTo(404);
			assertThat(status("/commissioning/areas/{code}/profile.pdf", code)).as(code).isEqualTo(404);
		}
		// a semicolon in a path is refused before any page sees it (ADR 0024)
		assertThat(status("/commissioning/areas/{code}", "';--")).isEqualTo(400);
	}

	private int status(String template, String code) throws Exception {
		return this.mvc.perform(get(template, code).session(this.commissioner)).andReturn().getResponse().getStatus();
	}

	@Test
	void thePdfHoldsTheSameSectionsAsThePage() throws Exception {
		MvcResult result = this.mvc
			.perform(get("/commissioning/areas/" + this.code + "/profile.pdf").session(this.commissioner))
			.andReturn();
		assertThat(result.getResponse().getContentType()).isEqualTo("application/pdf");
		assertThat(result.getResponse().getHeader("Content-Disposition")).contains("attachment").contains(".pdf");
		String text = text(result.getResponse().getContentAsByteArray());
		long services = count("select count(*) from care_service where locality_id = :l and status = 'ACTIVE'");
		assertThat(text).contains(this.name, "Area profile", "Supply and its quality", "Active services " + services,
				"Vacancies", "Concerns and their themes", "Risk", "Safeguarding activity");
	}

	private static String text(byte[] pdf) throws IOException {
		assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
		java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/area-profile-pdf"));
		java.nio.file.Files.write(java.nio.file.Path.of("target/area-profile-pdf/profile.pdf"), pdf);
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
	}

}
