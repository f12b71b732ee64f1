package org.carecycle.commissioning;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.carecycle.ApplicationTest;
import org.carecycle.HostileValues;
import org.carecycle.SignIn;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The needs, outcome measures and demand pages on the demo county and the real published
 * data: what a commissioner sees, the all-or-nothing import, versioned assumptions, and
 * hostile values in every field of every form.
 */
@ApplicationTest
class NeedsPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	NeedsEvidence evidence;

	private String page(MockHttpSession session, String path) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(path).session(session)).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString();
	}

	@Test
	void theRealCornwallFiguresAreLoadedAndQuoted() throws Exception {
		MockHttpSession staff = SignIn.as(this.mvc, Role.QA_OFFICER);
		String needs = page(staff, "/commissioning/needs");
		assertThat(needs).contains("Population of Cornwall").contains("85 and over");
		String bands = page(staff, "/commissioning/needs/population/E06000052");
		// ONS mid-2022 base of the 2022-based projections: 575,532 people
		assertThat(bands).contains("575,532").contains("ONS 2022-based subnational population projections");
		assertThat(this.evidence.population(List.of(2022)).stream().mapToLong(NeedsEvidence.Population::people).sum())
			.isBetween(575_500L, 575_560L);
	}

	@Test
	void outcomeMeasuresCompareTheCouncilWithRegionNeighboursAndEngland() throws Exception {
		MockHttpSession staff = SignIn.as(this.mvc, Role.CASE_MANAGER);
		String summary = page(staff, "/commissioning/outcomes");
		// the neighbours as chosen now (Shropshire among the defaults; other tests in
		// this context may choose others)
		String neighbour = this.jdbc.sql("""
				select distinct o.la_name from commissioning_outcome_neighbour n
				join commissioning_outcome_value o on o.la_code = n.neighbour_code
				order by 1 limit 1""").query(String.class).single();
		assertThat(summary).contains("ASCOF 1A").contains("Social care-related quality of life").contains(neighbour);
		String measure = page(staff, "/commissioning/outcomes/ASC1");
		assertThat(measure).contains("<svg").contains("role=\"img\"").contains("2021-22").contains("South West");
		// Cornwall's published carer quality of life for 2016-17
		assertThat(measure).contains(">7.3<");
	}

	@Test
	void demandAgainstSupplyShowsEveryLocalityOnAMapAndExports() throws Exception {
		MockHttpSession staff = SignIn.as(this.mvc, Role.COMMISSIONER);
		String demand = page(staff, "/commissioning/demand?type=CARE_HOME&ahead=10");
		assertThat(demand).contains("carecycle-map").contains("Truro and Roseland").contains("Gap per 100,000 people");
		MockHttpServletResponse csv = this.mvc
			.perform(get("/commissioning/demand/export").param("format", "csv").session(staff))
			.andReturn()
			.getResponse();
		assertThat(csv.getStatus()).isEqualTo(200);
		String text = csv.getContentAsString(StandardCharsets.UTF_8);
		assertThat(text.lines().count()).isGreaterThan(19 * 7 * 3);
		assertThat(this.evidence.gaps(10)).isNotEmpty()
			.allSatisfy(gap -> assertThat(gap.gap()).isEqualTo(gap.demand() - gap.supply()));
		// ten years on, Cornwall's older population grows, and so does demand for care
		// homes
		long now = this.evidence.gaps(0)
			.stream()
			.filter(g -> g.serviceType().equals("CARE_HOME"))
			.findFirst()
			.orElseThrow()
			.demand();
		long later = this.evidence.gaps(10)
			.stream()
			.filter(g -> g.serviceType().equals("CARE_HOME"))
			.findFirst()
			.orElseThrow()
			.demand();
		assertThat(later).isGreaterThan(now);
	}

	@Test
	void aFileWithABadRowIsRefusedWholeWithEveryRowExplained() throws Exception {
		MockHttpSession commissioner = SignIn.as(this.mvc, Role.COMMISSIONER);
		long before = this.jdbc.sql("select count(*) from commissioning_population").query(Long.class).single();
		String csv = """
				area_code,area_name,age_band,year,population
				TRURO,Truro and Roseland,65-69,2051,1000
				XX999,Nowhere,65-69,2051,1000
				TRURO,Truro and Roseland,70-74,2051,-3
				""";
		MockHttpServletResponse response = this.mvc
			.perform(multipart("/commissioning/needs/import")
				.file(new MockMultipartFile("file", "bad.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
				.param("source", "Test")
				.param("kind", "PROJECTIONS")
				.session(commissioner)
				.with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		String body = response.getContentAsString();
		assertThat(body).contains("There is a problem")
			.contains("nothing has been saved")
			.contains("The area code is not a locality, council or MSOA known to CareCycle")
			.contains("The population cannot be negative");
		assertThat(this.jdbc.sql("select count(*) from commissioning_population").query(Long.class).single())
			.isEqualTo(before);
		String good = """
				area_code,area_name,age_band,year,population
				TRURO,Truro and Roseland,65-69,2051,1000
				TRURO,Truro and Roseland,70-74,2051,900
				""";
		MockHttpServletResponse imported = this.mvc
			.perform(multipart("/commissioning/needs/import")
				.file(new MockMultipartFile("file", "good.csv", "text/csv", good.getBytes(StandardCharsets.UTF_8)))
				.param("source", "Test projections")
				.param("kind", "PROJECTIONS")
				.session(commissioner)
				.with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(imported.getStatus()).isEqualTo(302);
		assertThat(
				this.jdbc.sql("select count(*) from commissioning_population where area_code = 'TRURO' and year = 2051")
					.query(Long.class)
					.single())
			.isEqualTo(2);
	}

	@Test
	void changingAnAssumptionKeepsTheValueBeforeWhoAndWhy() throws Exception {
		MockHttpSession commissioner = SignIn.as(this.mvc, Role.COMMISSIONER);
		String id = "UPTAKE:EXTRA_CARE";
		int version = this.jdbc.sql("select version from commissioning_needs_assumption where id = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
		MockHttpServletResponse response = this.mvc
			.perform(post("/commissioning/needs/assumptions/{id}/edit", id).param("version", String.valueOf(version))
				.param("percent", "1.5")
				.param("unitsPerPerson", "1")
				.param("source", "Cornwall extra care waiting list, 2026")
				.param("reason", "Local waiting list shows more demand")
				.session(commissioner)
				.with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(302);
		String history = page(commissioner, "/commissioning/needs/assumptions/" + id);
		assertThat(history).contains("1.5%").contains("Local waiting list shows more demand");
		assertThat(this.jdbc
			.sql("select previous_value from commissioning_needs_assumption_change "
					+ "where assumption_id = :id and version = :v")
			.param("id", id)
			.param("v", version + 1)
			.query(java.math.BigDecimal.class)
			.single()).isNotNull();
		String assumptions = page(commissioner, "/commissioning/needs/assumptions");
		assertThat(assumptions).contains("Cornwall extra care waiting list, 2026").contains("CFAS II");
		// a stale version is refused with a sentence, not saved
		String stale = this.mvc
			.perform(post("/commissioning/needs/assumptions/{id}/edit", id).param("version", String.valueOf(version))
				.param("percent", "9")
				.param("unitsPerPerson", "1")
				.param("source", "x")
				.param("reason", "y")
				.session(commissioner)
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(stale).contains("Someone else changed this figure");
	}

	@Test
	void hostileValuesInEveryFieldGetAnErrorNeverAServerError() throws Exception {
		MockHttpSession commissioner = SignIn.as(this.mvc, Role.COMMISSIONER);
		List<String> wrong = new ArrayList<>();
		String edit = "/commissioning/needs/assumptions/PREVALENCE:DEMENTIA:80-84/edit";
		java.util.Map<String, String> good = java.util.Map.of("version", "1", "percent", "10", "unitsPerPerson", "1",
				"source", "S", "reason", "R");
		int tried = 0;
		for (String field : good.keySet()) {
			for (String value : HostileValues.ALL) {
				var request = post(edit).session(commissioner).with(csrf());
				good.forEach((name, ok) -> request.param(name, name.equals(field) ? value : ok));
				tried += check(request, edit + " " + field, wrong);
			}
		}
		java.util.Map<String, String> importFields = java.util.Map.of("source", "S", "kind", "ESTIMATES", "year",
				"2020");
		for (String field : importFields.keySet()) {
			for (String value : HostileValues.ALL) {
				var request = multipart("/commissioning/needs/import")
					.file(new MockMultipartFile("file", "f.csv", "text/csv", "a,b\n1,2\n".getBytes()))
					.session(commissioner)
					.with(csrf());
				importFields.forEach((name, ok) -> request.param(name, name.equals(field) ? value : ok));
				tried += check(request, "import " + field, wrong);
			}
		}
		for (String value : HostileValues.ALL) {
			var file = multipart("/commissioning/needs/import")
				.file(new MockMultipartFile("file", value.length() > 200 ? "x.csv" : value + ".csv", "text/csv",
						("area_code,age_band,year,population\n" + value + ",65-69,2030," + value + "\n")
							.getBytes(StandardCharsets.UTF_8)))
				.param("source", "S")
				.param("kind", "PROJECTIONS")
				.session(commissioner)
				.with(csrf());
			tried += check(file, "import file", wrong);
			tried += check(post("/commissioning/outcomes/neighbours").param("neighbour", value)
				.session(commissioner)
				.with(csrf()), "neighbours", wrong);
			tried += check(
					get("/commissioning/demand").param("type", value).param("ahead", value).session(commissioner),
					"demand filter", wrong);
			tried += check(get("/commissioning/needs/population/{code}", value).session(commissioner), "population",
					wrong);
		}
		for (String path : List.of(edit, "/commissioning/outcomes/neighbours")) {
			int status = this.mvc.perform(post(path).session(commissioner).param("percent", "1"))
				.andReturn()
				.getResponse()
				.getStatus();
			if (status != 403) {
				wrong.add(path + " without a CSRF token -> " + status);
			}
		}
		assertThat(tried).isGreaterThan(100);
		assertThat(wrong).isEmpty();
	}

	private int check(org.springframework.test.web.servlet.RequestBuilder request, String what, List<String> wrong)
			throws Exception {
		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
		int status = response.getStatus();
		if (status >= 500 || (status != 200 && status != 302 && status != 404 && status != 400)) {
			wrong.add(what + " -> " + status);
		}
		if (response.getContentAsString().contains(HostileValues.SCRIPT)) {
			wrong.add(what + " draws script as markup");
		}
		return 1;
	}

}
