package org.carecycle.concerns;

import java.time.Instant;
import java.util.UUID;

import org.carecycle.ApplicationTest;
import org.carecycle.SignIn;
import org.carecycle.identity.AuditLog;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * When the officer asks the provider, the provider answers in the portal without ever
 * learning who raised the concern, and the officer accepts or challenges the answer.
 */
@ApplicationTest
class ProviderResponseTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Concerns concerns;

	@Test
	void theProviderAnswersWithoutSeeingWhoRaisedTheConcernAndTheOfficerChallengesThenAccepts() throws Exception {
		UUID service = ConcernFixtures.demoProvidersService(this.jdbc);
		Report report = new Report(ConcernKind.CONCERN, service, null,
				"I am Jenna Trevithick (jenna.t@example.org, 07700 900123). My mother's tea was cold every day.", null,
				"This month", null, AtRisk.NO, ReporterRole.RELATIVE_OR_FRIEND, false, "Jenna Trevithick",
				"jenna.t@example.org", "07700 900123", true);
		Concern concern = AuditLog.asSystem("test",
				() -> this.concerns.receive(report, Channel.PUBLIC_FORM, UUID.randomUUID(), Instant.now()));
		MockHttpSession officer = SignIn.as(this.mvc, Role.QA_OFFICER);

		// The summary the officer starts from is a neutral draft: none of the reporter's
		// words.
		String form = this.mvc.perform(get("/concerns/" + concern.id() + "/assess").session(officer))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String draft = form.substring(form.indexOf("id=\"providerSummary\""),
				form.indexOf("</textarea>", form.indexOf("id=\"providerSummary\"")));
		assertThat(draft).contains("We have received a concern about")
			.doesNotContain("Jenna", "Trevithick", "jenna.t", "07700", "tea was cold", "My mother");

		this.mvc
			.perform(post("/concerns/" + concern.id() + "/assess").session(officer)
				.param("version", String.valueOf(ConcernFixtures.version(this.jdbc, concern.id())))
				.param("themes", "NUTRITION_AND_HYDRATION")
				.param("likelihood", "3")
				.param("impact", "2")
				.param("action", "ASK_PROVIDER")
				.param("rationale", "Ask how meals are served.")
				.param("providerSummary", "")
				.with(csrf()))
			.andExpect(content().string(containsString("Enter what to tell the provider")));
		this.mvc
			.perform(post("/concerns/" + concern.id() + "/assess").session(officer)
				.param("version", String.valueOf(ConcernFixtures.version(this.jdbc, concern.id())))
				.param("themes", "NUTRITION_AND_HYDRATION")
				.param("likelihood", "3")
				.param("impact", "2")
				.param("action", "ASK_PROVIDER")
				.param("rationale", "Ask how meals are served.")
				.param("providerSummary", "A relative says hot drinks and meals reach residents cold.")
				.param("step", "send")
				.param("summaryChecked", "yes")
				.with(csrf()))
			.andExpect(redirectedUrl("/concerns/" + concern.id()));
		UUID request = this.jdbc.sql("select id from concern_provider_request where concern_id = :id")
			.param("id", concern.id())
			.query(UUID.class)
			.single();
		assertThat(this.jdbc.sql("select count(*) from mail_outbox where dedupe_key like :key")
			.param("key", "provider-request:" + request + ":%")
			.query(Long.class)
			.single()).isPositive();

		MockHttpSession provider = SignIn.as(this.mvc, Role.PROVIDER);
		this.mvc.perform(get("/my-organisation/concerns").session(provider))
			.andExpect(content().string(containsString(concern.reference())));
		this.mvc.perform(get("/my-organisation/concerns/" + request).session(provider))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("A relative says hot drinks and meals reach residents cold.")))
			.andExpect(content().string(not(containsString("Trevithick"))))
			.andExpect(content().string(not(containsString("jenna.t@example.org"))))
			.andExpect(content().string(not(containsString("07700"))))
			.andExpect(content().string(not(containsString("tea was cold"))));
		// The provider cannot open the council's page of the concern.
		this.mvc.perform(get("/concerns/" + concern.id()).session(provider)).andExpect(status().isForbidden());

		this.mvc
			.perform(multipart("/my-organisation/concerns/" + request)
				.file(new MockMultipartFile("document", "plan.pdf", "application/pdf", "not really a pdf".getBytes()))
				.param("response", "We now serve meals from a heated trolley.")
				.session(provider)
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("PDF, Word or OpenDocument")));
		this.mvc
			.perform(multipart("/my-organisation/concerns/" + request)
				.file(new MockMultipartFile("document", "", "application/octet-stream", new byte[0]))
				.param("response", "We now serve meals from a heated trolley.")
				.session(provider)
				.with(csrf()))
			.andExpect(redirectedUrl("/my-organisation/concerns/" + request));
		assertThat(this.jdbc.sql("select status from concern where id = :id")
			.param("id", concern.id())
			.query(String.class)
			.single()).isEqualTo("PROVIDER_RESPONDED");

		this.mvc
			.perform(post("/concerns/" + concern.id() + "/response").session(officer)
				.param("version", String.valueOf(ConcernFixtures.version(this.jdbc, concern.id())))
				.param("decision", "challenge")
				.param("note", "")
				.with(csrf()))
			.andExpect(redirectedUrl("/concerns/" + concern.id()));
		// A challenge note goes to the provider: unconfirmed, it is kept and nothing is
		// sent.
		this.mvc
			.perform(post("/concerns/" + concern.id() + "/response").session(officer)
				.param("version", String.valueOf(ConcernFixtures.version(this.jdbc, concern.id())))
				.param("decision", "challenge")
				.param("note", "Ask Bev on the night shift on Rose wing how she checks it")
				.with(csrf()))
			.andExpect(redirectedUrl("/concerns/" + concern.id() + "#note"))
			.andExpect(flash().attribute("problem", "concern.response.confirm.blank"))
			.andExpect(flash().attribute("keptNote", "Ask Bev on the night shift on Rose wing how she checks it"));
		// Confirmed, but it names someone and a place: shown to the officer before it can
		// go.
		this.mvc
			.perform(post("/concerns/" + concern.id() + "/response").session(officer)
				.param("version", String.valueOf(ConcernFixtures.version(this.jdbc, concern.id())))
				.param("decision", "challenge")
				.param("note", "Ask Bev on the night shift on Rose wing how she checks it")
				.param("confirmed", "true")
				.with(csrf()))
			.andExpect(flash().attribute("problem", "concern.response.findings"))
			.andExpect(flash().attribute("noteFindings", org.hamcrest.Matchers.hasItem("Rose wing")));
		assertThat(this.jdbc.sql("select count(*) from concern_provider_request where concern_id = :id and round = 2")
			.param("id", concern.id())
			.query(Long.class)
			.single()).as("nothing sent before the officer confirmed").isZero();
		this.mvc
			.perform(post("/concerns/" + concern.id() + "/response").session(officer)
				.param("version", String.valueOf(ConcernFixtures.version(this.jdbc, concern.id())))
				.param("decision", "challenge")
				.param("note", "How do you check the temperature?")
				.param("confirmed", "true")
				.with(csrf()))
			.andExpect(redirectedUrl("/concerns/" + concern.id()));
		UUID second = this.jdbc.sql("select id from concern_provider_request where concern_id = :id and round = 2")
			.param("id", concern.id())
			.query(UUID.class)
			.single();
		this.mvc
			.perform(multipart("/my-organisation/concerns/" + second)
				.param("response", "The cook probes every meal and records it.")
				.session(provider)
				.with(csrf()))
			.andExpect(redirectedUrl("/my-organisation/concerns/" + second));
		this.mvc
			.perform(post("/concerns/" + concern.id() + "/response").session(officer)
				.param("version", String.valueOf(ConcernFixtures.version(this.jdbc, concern.id())))
				.param("decision", "accept")
				.with(csrf()))
			.andExpect(redirectedUrl("/concerns/" + concern.id()));
		assertThat(this.jdbc.sql("select status from concern where id = :id")
			.param("id", concern.id())
			.query(String.class)
			.single()).isEqualTo("ASSESSED");
		this.mvc.perform(get("/concerns/" + concern.id()).session(officer))
			.andExpect(content().string(containsString("The cook probes every meal and records it.")))
			.andExpect(content().string(containsString("Accepted by the council")));
	}

	@Test
	void anotherProvidersRequestIsNotFound() throws Exception {
		UUID elsewhere = this.jdbc
			.sql("""
					select s.id from care_service s
					where s.status = 'ACTIVE' and s.provider_id not in (select provider_id from app_user where provider_id is not null)
					order by s.name limit 1""")
			.query(UUID.class)
			.single();
		Report report = new Report(ConcernKind.CONCERN, elsewhere, null, "Rooms are cold.", null, null, null, AtRisk.NO,
				ReporterRole.MEMBER_OF_PUBLIC, true, null, null, null, false);
		Concern concern = AuditLog.asSystem("test",
				() -> this.concerns.receive(report, Channel.PUBLIC_FORM, UUID.randomUUID(), Instant.now()));
		MockHttpSession officer = SignIn.as(this.mvc, Role.QA_OFFICER);
		this.mvc
			.perform(post("/concerns/" + concern.id() + "/assess").session(officer)
				.param("version", String.valueOf(ConcernFixtures.version(this.jdbc, concern.id())))
				.param("themes", "PREMISES_AND_EQUIPMENT")
				.param("likelihood", "2")
				.param("impact", "2")
				.param("action", "ASK_PROVIDER")
				.param("rationale", "Ask.")
				.param("providerSummary", "Rooms are said to be cold.")
				.param("step", "send")
				.param("summaryChecked", "yes")
				.with(csrf()))
			.andExpect(redirectedUrl("/concerns/" + concern.id()));
		UUID request = this.jdbc.sql("select id from concern_provider_request where concern_id = :id")
			.param("id", concern.id())
			.query(UUID.class)
			.single();
		MockHttpSession provider = SignIn.as(this.mvc, Role.PROVIDER);
		this.mvc.perform(get("/my-organisation/concerns/" + request).session(provider))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(multipart("/my-organisation/concerns/" + request).param("response", "Not ours")
				.session(provider)
				.with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/my-organisation/concerns").session(provider))
			.andExpect(content().string(not(containsString(concern.reference()))));
		assertThat(this.jdbc.sql("select responded_at from concern_provider_request where id = :id")
			.param("id", request)
			.query()
			.singleRow()
			.get("responded_at")).isNull();
	}

	@Test
	void aProviderReportsAnIncidentAtItsOwnServiceOnly() throws Exception {
		UUID own = ConcernFixtures.demoProvidersService(this.jdbc);
		UUID elsewhere = this.jdbc
			.sql("""
					select s.id from care_service s
					where s.status = 'ACTIVE' and s.provider_id not in (select provider_id from app_user where provider_id is not null)
					order by s.name limit 1""")
			.query(UUID.class)
			.single();
		MockHttpSession provider = SignIn.as(this.mvc, Role.PROVIDER);
		long before = this.jdbc.sql("select count(*) from concern").query(Long.class).single();
		this.mvc
			.perform(post("/my-organisation/concerns/report").session(provider)
				.param("service", elsewhere.toString())
				.param("whatHappened", "A resident fell in the garden.")
				.param("whenDay", "20")
				.param("whenMonth", "11")
				.param("whenYear", "2026")
				.param("atRisk", "NO")
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose the service the incident happened at")));
		assertThat(this.jdbc.sql("select count(*) from concern").query(Long.class).single()).isEqualTo(before);

		this.mvc
			.perform(post("/my-organisation/concerns/report").session(provider)
				.param("service", own.toString())
				.param("whatHappened", "A resident fell in the garden and was checked by a nurse.")
				.param("whenDay", "20")
				.param("whenMonth", "11")
				.param("whenYear", "2026")
				.param("atRisk", "NO")
				.with(csrf()))
			.andExpect(redirectedUrl("/my-organisation/concerns"));
		var saved = this.jdbc.sql("""
				select channel, reporter_role, status, care_service_id from concern
				where what_happened = 'A resident fell in the garden and was checked by a nurse.'""")
			.query()
			.singleRow();
		assertThat(saved.get("channel")).isEqualTo("PROVIDER_PORTAL");
		assertThat(saved.get("reporter_role")).isEqualTo("PROVIDER");
		assertThat(saved.get("status")).isEqualTo("NEW");
		assertThat(saved.get("care_service_id")).isEqualTo(own);
		this.mvc.perform(get("/my-organisation/concerns").session(provider))
			.andExpect(content().string(containsString("Incidents you have reported")));
	}

}
