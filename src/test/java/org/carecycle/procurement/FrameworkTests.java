package org.carecycle.procurement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.carecycle.ApplicationTest;
import org.carecycle.SignIn;
import org.carecycle.shared.Role;
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
 * Frameworks and dynamic markets as their users meet them: a commissioner records a
 * dynamic market and its lot, the demo provider applies from its own pages, the
 * commissioner admits it with reasons, and the matching module's view
 * ({@link FrameworkMembership}) then offers the provider at its price; refusals,
 * suspensions and removals need reasons, which the provider sees; and the demo county has
 * the arrangements the issue asks for.
 */
@ApplicationTest
class FrameworkTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FrameworkMembership membership;

	@Test
	void aProviderAppliesToADynamicMarketAndIsAdmittedAtItsPriceWithReasons() throws Exception {
		MockHttpSession commissioner = SignIn.as(this.mvc, Role.COMMISSIONER);
		MockHttpSession provider = SignIn.as(this.mvc, Role.PROVIDER);
		UUID market = newArrangement(commissioner, "DYNAMIC_MARKET", "Extra care dynamic market", null);
		UUID lot = newLot(commissioner, market, "Extra care housing", "EXTRA_CARE", "PER_WEEK", "70");

		String open = page(provider, "/my-organisation/dynamic-markets");
		assertThat(open).contains("Extra care housing", "70% quality, 30% price");
		MockHttpServletResponse applied = this.mvc
			.perform(post("/my-organisation/dynamic-markets/lots/" + lot + "/apply").session(provider)
				.with(csrf())
				.param("price", "£412.50")
				.param("statement", "Two extra care schemes in Truro with 40 flats."))
			.andReturn()
			.getResponse();
		assertThat(applied.getRedirectedUrl()).isEqualTo("/my-organisation/dynamic-markets");
		assertThat(page(provider, "/my-organisation/dynamic-markets")).contains("Waiting for a decision",
				"£412.50 a week");
		assertThat(this.membership.admittedProviders(lot)).isEmpty();

		UUID application = this.jdbc.sql("select id from procurement_admission where lot_id = :lot")
			.param("lot", lot)
			.query(UUID.class)
			.single();
		assertThat(page(commissioner, "/procurement/frameworks")).contains("Applications waiting for a decision",
				"/procurement/frameworks/admissions/" + application + "/decide");
		String decide = page(commissioner, "/procurement/frameworks/admissions/" + application + "/decide");
		assertThat(decide).contains("Two extra care schemes in Truro", "Admit to the lot", "Refuse the application");
		// a decision without reasons is refused with a GOV.UK error, and nothing changes
		assertThat(postBody(commissioner, "/procurement/frameworks/admissions/" + application + "/decide", "version",
				"0", "decision", "ADMIT"))
			.contains("There is a problem", "Enter the reasons for your decision");
		MockHttpServletResponse admitted = this.mvc
			.perform(post("/procurement/frameworks/admissions/" + application + "/decide").session(commissioner)
				.with(csrf())
				.param("version", "0")
				.param("decision", "ADMIT")
				.param("price", "405")
				.param("reasons", "Meets the conditions of participation."))
			.andReturn()
			.getResponse();
		assertThat(admitted.getRedirectedUrl()).isEqualTo("/procurement/frameworks/" + market + "/lots/" + lot);

		UUID demoProvider = demoProvider();
		assertThat(this.membership.admittedProviders(lot)).containsEntry(demoProvider, new BigDecimal("405.00"));
		assertThat(this.membership.openLots()).anySatisfy(l -> {
			assertThat(l.id()).isEqualTo(lot);
			assertThat(l.dynamicMarket()).isTrue();
			assertThat(l.serviceType()).isEqualTo("EXTRA_CARE");
			assertThat(l.qualityWeightPercent()).isEqualTo(70);
		});
		assertThat(page(provider, "/my-organisation/dynamic-markets")).contains("Admitted", "£405.00 a week",
				"Meets the conditions of participation.");
		assertThat(page(commissioner, "/procurement/frameworks/" + market + "/lots/" + lot)).contains("£405.00 a week");

		// suspension takes the provider out of call-offs; reinstating brings it back
		decideOn(commissioner, application, 1, "SUSPEND", "Suspended while a whole-service enquiry is open.");
		assertThat(this.membership.admittedProviders(lot)).doesNotContainKey(demoProvider);
		assertThat(page(provider, "/my-organisation/dynamic-markets")).contains("Suspended",
				"Suspended while a whole-service enquiry is open.");
		decideOn(commissioner, application, 2, "REINSTATE", "The enquiry closed.");
		assertThat(this.membership.admittedProviders(lot)).containsKey(demoProvider);
		// a stale version is refused, not applied
		assertThat(postBody(commissioner, "/procurement/frameworks/admissions/" + application + "/decide", "version",
				"1", "decision", "REMOVE", "reasons", "Late"))
			.contains("Someone else has changed this admission");
		decideOn(commissioner, application, 3, "REMOVE", "Contract terminated.");
		assertThat(this.membership.admittedProviders(lot)).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from procurement_admission_step where admission_id = :id")
			.param("id", application)
			.query(Integer.class)
			.single()).isEqualTo(5);
		assertThat(this.jdbc.sql("select count(*) from audit_event where record_type = 'Admission' and record_id = :id")
			.param("id", application.toString())
			.query(Integer.class)
			.single()).isEqualTo(5);
		// and it may apply again
		assertThat(page(provider, "/my-organisation/dynamic-markets")).contains("/lots/" + lot + "/apply");
	}

	@Test
	void aProviderCanWithdrawItsApplicationButNotAnotherOrganisations() throws Exception {
		MockHttpSession commissioner = SignIn.as(this.mvc, Role.COMMISSIONER);
		MockHttpSession provider = SignIn.as(this.mvc, Role.PROVIDER);
		UUID market = newArrangement(commissioner, "DYNAMIC_MARKET", "Shared Lives market", null);
		UUID lot = newLot(commissioner, market, "Shared Lives", "SHARED_LIVES", "PER_WEEK", "60");
		this.mvc.perform(post("/my-organisation/dynamic-markets/lots/" + lot + "/apply").session(provider)
			.with(csrf())
			.param("price", "350")
			.param("statement", "We run a Shared Lives scheme."));
		UUID mine = this.jdbc.sql("select id from procurement_admission where lot_id = :lot")
			.param("lot", lot)
			.query(UUID.class)
			.single();
		UUID theirs = this.jdbc
			.sql("select id from procurement_admission where provider_id <> :p and status = 'APPLIED' limit 1")
			.param("p", demoProvider())
			.query(UUID.class)
			.single();
		assertThat(this.mvc
			.perform(post("/my-organisation/dynamic-markets/applications/" + theirs + "/withdraw").session(provider)
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(status(theirs)).isEqualTo("APPLIED");
		this.mvc.perform(post("/my-organisation/dynamic-markets/applications/" + mine + "/withdraw").session(provider)
			.with(csrf()));
		assertThat(status(mine)).isEqualTo("WITHDRAWN");
	}

	@Test
	void aFrameworkAdmitsProvidersAtAwardForAtMostFourYears() throws Exception {
		MockHttpSession commissioner = SignIn.as(this.mvc, Role.COMMISSIONER);
		LocalDate start = LocalDate.now().minusDays(1);
		String tooLong = postBody(commissioner, "/procurement/frameworks/new", "kind", "FRAMEWORK", "title",
				"Supported living", "description", "Supported living for adults", "startsDay",
				"" + start.getDayOfMonth(), "startsMonth", "" + start.getMonthValue(), "startsYear",
				"" + start.getYear(), "endsDay", "" + start.getDayOfMonth(), "endsMonth", "" + start.getMonthValue(),
				"endsYear", "" + (start.getYear() + 5));
		assertThat(tooLong).contains("The end date must be no more than 4 years after the start date");
		assertThat(postBody(commissioner, "/procurement/frameworks/new", "kind", "FRAMEWORK", "title", "x",
				"description", "y", "startsDay", "1", "startsMonth", "4", "startsYear", "2026"))
			.contains("Enter the end date");
		UUID framework = newArrangement(commissioner, "FRAMEWORK", "Supported living 2026 to 2030",
				start.plusYears(4).minusDays(1));
		UUID lot = newLot(commissioner, framework, "Supported living countywide", "SUPPORTED_LIVING", "PER_HOUR", "60");
		String admit = page(commissioner, "/procurement/frameworks/" + framework + "/lots/" + lot + "/admit");
		String provider = this.jdbc.sql("""
				select s.provider_id::text from providers_service s
				where s.service_type = 'SUPPORTED_LIVING' and s.status = 'ACTIVE' order by 1 limit 1""")
			.query(String.class)
			.single();
		assertThat(admit).contains(provider);
		assertThat(postBody(commissioner, "/procurement/frameworks/" + framework + "/lots/" + lot + "/admit",
				"provider", provider, "price", "twenty", "reasons", "Award"))
			.contains("Price must be an amount of money, like 925.50");
		MockHttpServletResponse awarded = this.mvc
			.perform(post("/procurement/frameworks/" + framework + "/lots/" + lot + "/admit").session(commissioner)
				.with(csrf())
				.param("provider", provider)
				.param("price", "23.80")
				.param("reasons", "Award decision SL-2026-01"))
			.andReturn()
			.getResponse();
		assertThat(awarded.getRedirectedUrl()).endsWith("/lots/" + lot);
		assertThat(this.membership.admittedProviders(lot)).containsEntry(UUID.fromString(provider),
				new BigDecimal("23.80"));
		// a provider cannot apply to a framework: its lots are not open to applications
		assertThat(this.mvc
			.perform(get("/my-organisation/dynamic-markets/lots/" + lot + "/apply")
				.session(SignIn.as(this.mvc, Role.PROVIDER)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
	}

	@Test
	void aPartnershipIsRecordedWithItsRationaleServicesAndReviewDate() throws Exception {
		MockHttpSession commissioner = SignIn.as(this.mvc, Role.COMMISSIONER);
		String provider = this.jdbc
			.sql("select provider_id::text from providers_service where status = 'ACTIVE' order by 1 limit 1")
			.query(String.class)
			.single();
		assertThat(postBody(commissioner, "/procurement/partnerships/new", "provider", provider, "title", "Reablement",
				"rationale", "Only provider", "startsDay", "1", "startsMonth", "4", "startsYear", "2026", "reviewDay",
				"1", "reviewMonth", "3", "reviewYear", "2026"))
			.contains("Select the services the partnership covers", "The review date must be after the start date");
		MockHttpServletResponse saved = this.mvc
			.perform(post("/procurement/partnerships/new").session(commissioner)
				.with(csrf())
				.param("provider", provider)
				.param("title", "Reablement in North Cornwall")
				.param("rationale", "The only provider with reablement staff in the area.")
				.param("services", "HOME_CARE", "EXTRA_CARE")
				.param("startsDay", "1")
				.param("startsMonth", "4")
				.param("startsYear", "2026")
				.param("reviewDay", "1")
				.param("reviewMonth", "4")
				.param("reviewYear", "2027"))
			.andReturn()
			.getResponse();
		assertThat(saved.getRedirectedUrl()).startsWith("/procurement/partnerships/");
		assertThat(page(commissioner, saved.getRedirectedUrl())).contains("Reablement in North Cornwall",
				"The only provider with reablement staff in the area.", "Home care", "Extra care housing",
				"1 April 2027");
		assertThat(page(SignIn.as(this.mvc, Role.QA_OFFICER), "/procurement/partnerships"))
			.contains("Reablement in North Cornwall")
			.doesNotContain("Record a partnership");
	}

	@Test
	void theDemoCountyHasAHomeCareFrameworkACareHomeMarketAndAPartnership() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, Role.QA_OFFICER);
		String list = page(officer, "/procurement/frameworks");
		assertThat(list).contains("Home care in Cornwall 2025 to 2029", "Care homes dynamic market", "In force")
			.doesNotContain("Add a framework or dynamic market");
		assertThat(this.jdbc.sql("""
				select count(*) from procurement_framework_lot l join procurement_framework f on f.id = l.framework_id
				where f.kind = 'FRAMEWORK' and l.locality_id is not null""").query(Integer.class).single())
			.isGreaterThanOrEqualTo(2);
		UUID demoProvider = demoProvider();
		assertThat(this.jdbc.sql("""
				select count(*) from procurement_admission a join procurement_framework_lot l on l.id = a.lot_id
				join procurement_framework f on f.id = l.framework_id
				where f.title = 'Care homes dynamic market' and a.provider_id = :p and a.status = 'ADMITTED'
				 and a.price is not null""").param("p", demoProvider).query(Integer.class).single()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from procurement_admission where status = 'APPLIED'")
			.query(Integer.class)
			.single()).isGreaterThanOrEqualTo(1);
		assertThat(this.membership.openLots()).hasSizeGreaterThanOrEqualTo(4);
		assertThat(page(officer, "/procurement/partnerships")).contains("Developing community day opportunities");
		assertThat(page(SignIn.as(this.mvc, Role.PROVIDER), "/my-organisation/dynamic-markets"))
			.contains("Care homes dynamic market", "Admitted");
	}

	private UUID newArrangement(MockHttpSession session, String kind, String title, LocalDate ends) throws Exception {
		LocalDate start = LocalDate.now().minusDays(1);
		var request = post("/procurement/frameworks/new").session(session)
			.with(csrf())
			.param("kind", kind)
			.param("title", title)
			.param("description", "What it buys")
			.param("startsDay", "" + start.getDayOfMonth())
			.param("startsMonth", "" + start.getMonthValue())
			.param("startsYear", "" + start.getYear());
		if (ends != null) {
			request.param("endsDay", "" + ends.getDayOfMonth())
				.param("endsMonth", "" + ends.getMonthValue())
				.param("endsYear", "" + ends.getYear());
		}
		String location = this.mvc.perform(request).andReturn().getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/procurement/frameworks/");
		return UUID.fromString(location.substring("/procurement/frameworks/".length()));
	}

	private UUID newLot(MockHttpSession session, UUID framework, String name, String type, String unit, String quality)
			throws Exception {
		String location = this.mvc
			.perform(post("/procurement/frameworks/" + framework + "/lots/new").session(session)
				.with(csrf())
				.param("name", name)
				.param("serviceType", type)
				.param("area", "")
				.param("priceUnit", unit)
				.param("qualityWeight", quality))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).contains("/lots/");
		return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
	}

	private void decideOn(MockHttpSession session, UUID admission, int version, String decision, String reasons)
			throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(post("/procurement/frameworks/admissions/" + admission + "/decide").session(session)
				.with(csrf())
				.param("version", "" + version)
				.param("decision", decision)
				.param("reasons", reasons))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(302);
	}

	private String page(MockHttpSession session, String path) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(path).session(session)).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString();
	}

	private String postBody(MockHttpSession session, String path, String... fields) throws Exception {
		var request = post(path).session(session).with(csrf());
		for (int i = 0; i < fields.length; i += 2) {
			request.param(fields[i], fields[i + 1]);
		}
		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString();
	}

	private String status(UUID admission) {
		return this.jdbc.sql("select status from procurement_admission where id = :id")
			.param("id", admission)
			.query(String.class)
			.single();
	}

	private UUID demoProvider() {
		return this.jdbc.sql("select provider_id from app_user where email = 'provider@carecycle.example'")
			.query(UUID.class)
			.single();
	}

}
