package org.carecycle.providers;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipInputStream;

import org.carecycle.ApplicationTest;
import org.carecycle.SignIn;
import org.carecycle.shared.Role;
import org.carecycle.web.SortOrder;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The register's other views: downloads, the market map and the public directory. */
@ApplicationTest
class RegisterViewsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RegisterMaintenance maintenance;

	@Autowired
	Register register;

	@Autowired
	org.carecycle.geography.Places places;

	@Test
	void downloadsTheServicesFoundAsCsvWithFormulasMadeHarmless() throws Exception {
		UUID provider = this.jdbc.sql("select id from provider order by name limit 1").query(UUID.class).single();
		String name = "=HYPERLINK(\"http://evil.example\",\"Click\") " + UUID.randomUUID().toString().substring(0, 4);
		var details = new ServiceDetails(name, null, ServiceType.DAY_SERVICE,
				java.util.Set.of(ClientGroup.OLDER_PEOPLE), "1 Fore Street", null, "Truro",
				org.carecycle.shared.Postcode.parse("TR1 2AB").orElseThrow(), 20, null, null);
		org.carecycle.identity.AuditLog.asSystem("test", () -> this.maintenance.addService(provider, details));
		MockHttpSession commissioner = SignIn.as(this.mvc, Role.COMMISSIONER);

		byte[] csv = this.mvc
			.perform(get("/services/export").param("format", "csv").param("q", "HYPERLINK").session(commissioner))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment; filename=\"services-")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String text = new String(csv, StandardCharsets.UTF_8);
		assertThat(text).startsWith("\ufeffName,CQC location ID,Provider");
		assertThat(text).contains("\"'=HYPERLINK(").doesNotContain("\n=HYPERLINK").doesNotContain(",=HYPERLINK");
		assertThat(
				this.jdbc.sql("select count(*) from audit_event where action = 'EXPORTED'").query(Long.class).single())
			.isPositive();

		byte[] xlsx = this.mvc
			.perform(get("/services/export").param("format", "xlsx").param("type", "CARE_HOME").session(commissioner))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		boolean hasSheet = false;
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
			for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				hasSheet |= entry.getName().equals("xl/worksheets/sheet1.xml");
			}
		}
		assertThat(hasSheet).isTrue();
		this.mvc.perform(get("/services/export").param("format", "pdf").session(commissioner))
			.andExpect(status().isBadRequest());
	}

	@Test
	void exportsTheProvidersFound() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, Role.SAFEGUARDING_LEAD);
		List<String> names = this.jdbc.sql("select name from provider where lower(name) like '%homecare%'")
			.query(String.class)
			.list();
		String csv = this.mvc
			.perform(get("/providers/export").param("q", "homecare").param("format", "csv").session(officer))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(names).isNotEmpty();
		assertThat(csv.lines()).hasSize(names.size() + 1)
			.first()
			.isEqualTo("\ufeffName,CQC provider ID,Ownership,Group,Active services");
		names.forEach(name -> assertThat(csv).contains(name));
		this.mvc.perform(get("/providers/export").param("format", "csv").session(SignIn.as(this.mvc, Role.PROVIDER)))
			.andExpect(status().isForbidden());
	}

	@Test
	void drawsTheMarketAsAMapWithATableBesideIt() throws Exception {
		long careHomes = this.jdbc.sql(
				"select count(*) from care_service where status = 'ACTIVE' and service_type = 'CARE_HOME' and latitude is not null")
			.query(Long.class)
			.single();
		String page = this.mvc
			.perform(get("/market").param("type", "CARE_HOME").session(SignIn.as(this.mvc, Role.CASE_MANAGER)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("<svg", "carecycle-map__area", "Active services and their capacity by locality",
				"Truro and Roseland");
		String map = page.substring(page.indexOf("<svg"), page.indexOf("</svg>"));
		assertThat(map.split("class=\"carecycle-map__point ", -1)).hasSize((int) careHomes + 1);
		assertThat(page).doesNotContain("style=\"");
	}

	@Test
	void thePublicFindsCommissionedServicesWithTheirRatingsButNoPersonalData() throws Exception {
		var commissioned = this.jdbc.sql("""
				select s.id, s.name, s.registered_manager from care_service s where s.status = 'ACTIVE'
				and exists (select 1 from contract c where c.care_service_id = s.id and c.starts_on <= current_date
				            and c.ends_on >= current_date) and s.registered_manager is not null
				and not exists (select 1 from qa_review r where r.care_service_id = s.id and r.published_at is not null)
				limit 1""")
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.single();
		String notCommissioned = this.jdbc
			.sql("""
					select s.id from care_service s where not exists (select 1 from contract c where c.care_service_id = s.id
					and c.starts_on <= current_date and c.ends_on >= current_date) limit 1""")
			.query(String.class)
			.single();
		this.mvc.perform(get("/directory").param("q", commissioned[1]))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString(org.springframework.web.util.HtmlUtils.htmlEscape(commissioned[1]))))
			.andExpect(content().string(containsString("Care Quality Commission rating")));
		// the demo county's commissioned services mostly have a published council review
		boolean reviewed = this.jdbc.sql("""
				select exists (select 1 from qa_review where care_service_id = :id and published_at is not null)""")
			.param("id", UUID.fromString(commissioned[0]))
			.query(Boolean.class)
			.single();
		this.mvc.perform(get("/directory/services/" + commissioned[0]))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(reviewed ? containsString("review report") : containsString("No council review published yet")))
			.andExpect(content().string(not(containsString(commissioned[2]))));
		this.mvc.perform(get("/directory/services/" + notCommissioned)).andExpect(status().isNotFound());
	}

	@Test
	void pagesSortedByCapacityOrRatingFollowOnFromEachOther() {
		for (SortOrder sort : java.util.List.of(new SortOrder("capacity", true), new SortOrder("capacity", false),
				new SortOrder("rating", false), new SortOrder("provider", false), new SortOrder("name", true))) {
			java.util.List<RegisterViews.ServiceRow> first = this.register
				.services(RegisterViews.ServiceFilter.none(), sort, 1, 25,
						org.carecycle.identity.ProviderScope.everything())
				.items();
			java.util.List<RegisterViews.ServiceRow> second = this.register
				.services(RegisterViews.ServiceFilter.none(), sort, 2, 25,
						org.carecycle.identity.ProviderScope.everything())
				.items();
			java.util.List<RegisterViews.ServiceRow> both = new java.util.ArrayList<>(first);
			both.addAll(second);
			assertThat(both).as(sort.toString()).hasSize(50).doesNotHaveDuplicates();
			java.util.Comparator<RegisterViews.ServiceRow> order = switch (sort.column()) {
				case "capacity" -> java.util.Comparator.comparing(RegisterViews.ServiceRow::capacity,
						sort.descending() ? java.util.Comparator.nullsLast(java.util.Comparator.<Integer>reverseOrder())
								: java.util.Comparator.nullsLast(java.util.Comparator.<Integer>naturalOrder()));
				case "rating" -> java.util.Comparator.comparing(r -> rank(r.overallRating()),
						java.util.Comparator.nullsLast(java.util.Comparator.<Integer>naturalOrder()));
				case "provider" ->
					java.util.Comparator.comparing(r -> r.providerName().toLowerCase(java.util.Locale.ROOT));
				default -> java.util.Comparator.comparing(
						(RegisterViews.ServiceRow r) -> r.name().toLowerCase(java.util.Locale.ROOT),
						java.util.Comparator.reverseOrder());
			};
			for (int i = 1; i < both.size(); i++) {
				assertThat(order.compare(both.get(i - 1), both.get(i))).as(sort + " at " + i).isLessThanOrEqualTo(0);
			}
		}
	}

	@Test
	void localityNamesInTheFilterAreEscapedAndTheChosenOneIsSelected() throws Exception {
		org.carecycle.geography.Locality locality = this.places.defineLocality("TEST-ESC", "Tintagel <&> Boscastle",
				org.carecycle.geography.LocalityKind.COMMUNITY_AREA);
		String page = this.mvc
			.perform(get("/services").param("locality", locality.id().toString())
				.session(SignIn.as(this.mvc, Role.COMMISSIONER)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page)
			.contains("<option value=\"" + locality.id() + "\" selected>Tintagel &lt;&amp;&gt; Boscastle</option>")
			.doesNotContain("Tintagel <&> Boscastle");
	}

	private static Integer rank(CqcRating rating) {
		if (rating == null) {
			return null;
		}
		return switch (rating) {
			case OUTSTANDING -> 1;
			case GOOD -> 2;
			case REQUIRES_IMPROVEMENT -> 3;
			case INADEQUATE -> 4;
			default -> null;
		};
	}

}
