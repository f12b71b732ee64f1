package org.carecycle.providers;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.carecycle.ApplicationTest;
import org.carecycle.HostileValues;
import org.carecycle.SignIn;
import org.carecycle.providers.imports.CouncilExtract;
import org.carecycle.shared.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Importing a file whose headers are not CQC's, such as a council's own extract of the
 * CQC-registered homes in its area: the columns are mapped on a page of their own (best
 * guesses, or the last choice for the same source, filled in), the providers are matched
 * or created, and the report says which for every row.
 */
@ApplicationTest
class MappedImportPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCouncilExtractIsMappedAndImportedWithItsProvidersMatchedOrCreated() throws Exception {
		this.jdbc.sql("delete from import_mapping").update();
		CouncilExtract extract = CouncilExtract.fresh();
		this.jdbc.sql("""
				insert into provider (id, version, name, ownership, postcode, created_at, updated_at)
				values (gen_random_uuid(), 0, :name, 'PRIVATE', 'TR1 2QD', now(), now())""")
			.param("name", "TRELAWNY CARE GROUP " + extract.tag() + " LTD")
			.update();
		MockHttpSession officer = SignIn.as(this.mvc, Role.QA_OFFICER);

		String mapping = upload(officer, "council-cqc-homes.csv", extract.csv());
		Document page = page(get(mapping), officer);
		assertThat(page.select("h1").text()).isEqualTo("Choose which column is which");
		assertThat(page.select("main").text()).contains("CareCycle has chosen the columns")
			.contains("Trelawny House", "Kernow Homecare Redruth");
		assertThat(selected(page, "locationId")).isEqualTo("cqc_id");
		assertThat(selected(page, "name")).isEqualTo("name");
		assertThat(selected(page, "serviceType")).isEqualTo("type");
		assertThat(selected(page, "providerName")).isEqualTo("provider");
		assertThat(selected(page, "providerId")).isEqualTo("Not in this file");
		assertThat(selected(page, "ratedOn")).isEqualTo("inspection_date");

		String job = submit(officer, page);
		Document report = finished(job, officer);
		assertThat(report.select("main .govuk-tag").first().text()).isEqualTo("Finished");
		String notes = report.select("#row-notes").text();
		assertThat(notes).contains("Added Trelawny House. Matched provider TRELAWNY CARE GROUP " + extract.tag()
				+ " LTD by name and postcode");
		assertThat(notes).contains("Added Chy Lowen. Matched provider TRELAWNY CARE GROUP " + extract.tag() + " LTD");
		assertThat(notes).contains("Added Fal Valley Lodge. Created provider Fal Valley Care " + extract.tag()
				+ " (no provider has this name)");
		assertThat(notes).contains("Added Penmount Court. Matched provider Fal Valley Care " + extract.tag()
				+ " by name, created for row 4");
		assertThat(notes).contains("Added Kernow Homecare Redruth.");
		assertThat(count("provider where name ilike :name", "trelawny care group " + extract.tag() + "%")).isEqualTo(1);
		assertThat(count("provider where name = :name", "Fal Valley Care " + extract.tag())).isEqualTo(1);
		assertThat(this.jdbc.sql("""
				select s.service_type || ' ' || p.name from care_service s join provider p on p.id = s.provider_id
				where s.cqc_location_id = :id""").param("id", extract.location(2)).query(String.class).single())
			.isEqualTo("CARE_HOME_NURSING TRELAWNY CARE GROUP " + extract.tag() + " LTD");
		assertThat(count("cqc_rating where cqc_location_id = :name and rating = 'OUTSTANDING'", extract.location(5)))
			.isEqualTo(1);
	}

	@Test
	void theNextFileFromTheSameSourceIsMappedAsTheLastOneWas() throws Exception {
		MockHttpSession commissioner = SignIn.as(this.mvc, Role.COMMISSIONER);
		CouncilExtract first = CouncilExtract.fresh();
		Document page = page(get(upload(commissioner, "homes-march.csv", first.csv())), commissioner);
		page.select("#rating option").removeAttr("selected");
		page.select("#ratedOn option").removeAttr("selected");
		finished(submit(commissioner, page), commissioner);

		CouncilExtract second = CouncilExtract.fresh();
		Document next = page(get(upload(commissioner, "homes-april.csv", second.csv())), commissioner);
		assertThat(next.select(".govuk-inset-text").text()).contains("These are the columns")
			.contains("for a file with the same headers");
		assertThat(selected(next, "locationId")).isEqualTo("cqc_id");
		assertThat(selected(next, "rating")).isEqualTo("Not in this file");
		Document report = finished(submit(commissioner, next), commissioner);
		assertThat(report.select("#row-notes").text()).contains("Added Trelawny House");
		assertThat(count("cqc_rating where cqc_location_id = :name", second.location(5))).isZero();
	}

	@Test
	void aRequiredFieldLeftUnmappedIsAnErrorOnTheMappingPage() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, Role.QA_OFFICER);
		CouncilExtract extract = CouncilExtract.fresh();
		Document page = page(get(upload(officer, "homes.csv", extract.csv())), officer);
		page.select("#locationId option").removeAttr("selected");
		page.select("#postcode option").removeAttr("selected");
		Document again = page(form(page), officer);
		assertThat(again.title()).startsWith("Error: Choose which column is which");
		assertThat(again.select(".govuk-error-summary a[href=#locationId]").text())
			.isEqualTo("Select the column that has the CQC location ID");
		assertThat(again.select(".govuk-error-summary a[href=#postcode]").text())
			.isEqualTo("Select the column that has the postcode");
		assertThat(selected(again, "providerName")).isEqualTo("provider");
		assertThat(count("care_service where cqc_location_id = :name", extract.location(1))).isZero();
	}

	@Test
	void aRowThatCannotBeUsedMeansNothingIsImportedAndEveryProblemIsListed() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, Role.QA_OFFICER);
		CouncilExtract extract = CouncilExtract.fresh();
		String csv = new String(extract.csv(), StandardCharsets.UTF_8).replace("TR15 1SS", "TR99 ZZZ")
			.replace("Nursing home", "Hospital");
		Document page = page(get(upload(officer, "homes.csv", csv.getBytes(StandardCharsets.UTF_8))), officer);
		Document report = finished(submit(officer, page), officer);
		assertThat(report.select("main .govuk-tag").first().text()).isEqualTo("Failed");
		assertThat(report.select("main").text()).contains("Nothing was imported, because 2 rows have problems");
		assertThat(report.select("#row-notes").text()).contains("The postcode TR99 ZZZ is not a real postcode")
			.contains("The type of service Hospital is not one CareCycle knows");
		assertThat(count("care_service where cqc_location_id = :name", extract.location(1))).isZero();
		assertThat(count("provider where name = :name", "Fal Valley Care " + extract.tag())).isZero();
	}

	@Test
	void aFileThatIsNotATableOfLocationsIsRefusedSayingWhatThePageTakes() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, Role.QA_OFFICER);
		for (String content : new String[] { "{\"locations\": [{\"name\": \"Trelawny House\"}]}",
				"[{\"cqc_id\": \"1-1000000101\"}]", "just one line of notes\n", "name,cqc_id\n" }) {
			Document page = page(multipart("/imports")
				.file(new MockMultipartFile("file", "locations.json", "application/json",
						content.getBytes(StandardCharsets.UTF_8)))
				.param("scope", "all"), officer);
			assertThat(page.select(".govuk-error-summary a[href=#file]").text()).as(content)
				.isEqualTo("The selected file must be a CSV file, an Excel spreadsheet (.xlsx) or an OpenDocument "
						+ "spreadsheet (.ods), with a header row and one row per location")
				.doesNotContain("Location ID");
		}
	}

	@Test
	void hostileMappingFormsGetGovukErrorsNeverAServerError() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, Role.QA_OFFICER);
		MockHttpSession commissioner = SignIn.as(this.mvc, Role.COMMISSIONER);
		CouncilExtract extract = CouncilExtract.fresh();
		String mapping = upload(officer, "homes.csv", extract.csv());
		String upload = mapping.substring(mapping.indexOf("upload=") + 7);
		for (String bad : new String[] { "abc", "-1", "999", "1e3", "8", " ", HostileValues.SCRIPT }) {
			Document page = page(post("/imports/mapping").param("upload", upload)
				.param("locationId", bad)
				.param("name", "0")
				.param("serviceType", "2")
				.param("postcode", "4")
				.param("providerName", "5"), officer);
			assertThat(page.title()).as(bad).startsWith("Error: Choose which column is which");
			assertThat(page.select(".govuk-error-summary a[href=#locationId]").text()).as(bad).startsWith("Select");
		}
		Document twice = page(post("/imports/mapping").param("upload", upload)
			.param("locationId", "1")
			.param("name", "1")
			.param("serviceType", "2")
			.param("postcode", "4")
			.param("providerName", "5"), officer);
		assertThat(twice.select(".govuk-error-summary a[href=#name]").text())
			.isEqualTo("Select a different column: cqc_id is chosen for another field");
		Document tampered = page(post("/imports/mapping").param("upload", upload)
			.param("class.module.classLoader", "x")
			.param("columns[0]", "1")
			.param("LOCATION_ID", "1")
			.param("locationId[0]", "1"), officer);
		assertThat(tampered.select(".govuk-error-summary a[href=#locationId]").text())
			.isEqualTo("Select the column that has the CQC location ID");
		for (MockHttpServletRequestBuilder gone : new MockHttpServletRequestBuilder[] {
				post("/imports/mapping").param("locationId", "1"),
				post("/imports/mapping").param("upload", "not-an-id"),
				post("/imports/mapping").param("upload", UUID.randomUUID().toString()), get("/imports/mapping"),
				get("/imports/mapping").param("upload", HostileValues.SCRIPT) }) {
			Document page = page(gone, officer);
			assertThat(page.select(".govuk-error-summary a[href=#file]").text())
				.startsWith("The file you uploaded could not be found");
		}
		Document someoneElses = page(get(mapping), commissioner);
		assertThat(someoneElses.select("h1").text()).isEqualTo("Import CQC data");
		assertThat(someoneElses.select(".govuk-error-summary").text()).contains("could not be found");
		assertThat(someoneElses.text()).doesNotContain("Trelawny House");
		Document stillTheirs = page(get(mapping), officer);
		assertThat(stillTheirs.select("h1").text()).isEqualTo("Choose which column is which");
	}

	private String upload(MockHttpSession session, String name, byte[] content) throws Exception {
		String location = this.mvc
			.perform(multipart("/imports").file(new MockMultipartFile("file", name, "text/csv", content))
				.param("scope", "area")
				.with(csrf())
				.session(session))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).startsWith("/imports/mapping?upload=");
		return location;
	}

	private Document page(AbstractMockHttpServletRequestBuilder<?> request, MockHttpSession session) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(request.with(csrf()).session(session))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		String html = response.getContentAsString();
		assertThat(html).doesNotContain(HostileValues.SCRIPT);
		return Jsoup.parse(html);
	}

	/** The form of a mapping page, sent with what is selected on it. */
	private static MockHttpServletRequestBuilder form(Document page) {
		MockHttpServletRequestBuilder request = post("/imports/mapping").param("upload",
				page.select("input[name=upload]").val());
		page.select("main form select").forEach(select -> {
			var chosen = select.select("option[selected]");
			request.param(select.attr("name"), chosen.isEmpty() ? "" : chosen.val());
		});
		return request;
	}

	private String submit(MockHttpSession session, Document page) throws Exception {
		String location = this.mvc.perform(form(page).with(csrf()).session(session))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).matches("/imports/[0-9a-f-]{36}");
		return location;
	}

	private Document finished(String job, MockHttpSession session) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		String progress;
		do {
			Thread.sleep(100);
			progress = this.mvc.perform(get(job + "/progress").session(session))
				.andReturn()
				.getResponse()
				.getContentAsString();
		}
		while (!progress.contains("\"finished\":true") && Instant.now().isBefore(deadline));
		return page(get(job), session);
	}

	private static String selected(Document page, String field) {
		var chosen = page.select("#" + field + " option[selected]");
		return (chosen.isEmpty() ? page.select("#" + field + " option").first() : chosen.first()).text();
	}

	private long count(String from, String value) {
		return this.jdbc.sql("select count(*) from " + from).param("name", value).query(Long.class).single();
	}

}
