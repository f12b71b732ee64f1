package org.carecycle.safeguarding;

import java.util.List;
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
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Need-to-know for whole-service enquiries, and every form given hostile input: a lead
 * reads any, a QA officer only those naming them, everyone else nothing; bad input gets a
 * GOV.UK error on the page, never a server error or markup.
 */
@ApplicationTest
class WholeServiceAccessTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	WholeServiceFixtures fixtures;

	MockHttpSession lead;

	@BeforeEach
	void setUp() throws Exception {
		this.fixtures = new WholeServiceFixtures(this.jdbc);
		this.lead = SignIn.as(this.mvc, Role.SAFEGUARDING_LEAD);
	}

	UUID openEnquiry() throws Exception {
		UUID service = this.fixtures.freshService();
		this.fixtures.concern(service, 3, "S42_ENQUIRY", false, "QZ");
		this.mvc
			.perform(post("/safeguarding/whole-service/new").session(this.lead)
				.with(csrf())
				.param("service", service.toString())
				.param("detail", "Several concerns"))
			.andReturn();
		UUID id = this.fixtures.live(service);
		this.mvc
			.perform(post("/safeguarding/whole-service/{id}/decide", id).session(this.lead)
				.with(csrf())
				.param("version", String.valueOf(this.fixtures.version(id)))
				.param("decision", "OPEN")
				.param("reasons", "Reasons")
				.param("suspendPlacements", "false"))
			.andReturn();
		assertThat(this.fixtures.column(id, "status")).isEqualTo("OPEN");
		return id;
	}

	@Test
	void aLeadAndANamedQaOfficerReadItAndNobodyElseDoes() throws Exception {
		UUID id = openEnquiry();
		UUID other = openEnquiry();
		MockHttpSession qa = SignIn.as(this.mvc, Role.QA_OFFICER);
		assertThat(status(get("/safeguarding/whole-service/" + id), this.lead)).isEqualTo(200);
		assertThat(status(get("/safeguarding/whole-service/" + id), qa)).as("an unnamed QA officer").isEqualTo(404);
		UUID officer = this.jdbc.sql("select id from app_user where email = :e")
			.param("e", SignIn.DEMO_EMAILS.get(Role.QA_OFFICER))
			.query(UUID.class)
			.single();
		this.mvc
			.perform(post("/safeguarding/whole-service/{id}/officers", id).session(this.lead)
				.with(csrf())
				.param("version", String.valueOf(this.fixtures.version(id)))
				.param("officer", officer.toString()))
			.andReturn();
		MvcResult named = this.mvc.perform(get("/safeguarding/whole-service/" + id).session(qa)).andReturn();
		assertThat(named.getResponse().getStatus()).as("a named QA officer").isEqualTo(200);
		assertThat(named.getResponse().getContentAsString()).contains("QZ")
			.doesNotContain("What is said to have happened");
		assertThat(status(get("/safeguarding/whole-service/" + other), qa)).as("not named on the other").isEqualTo(404);
		String list = this.mvc.perform(get("/safeguarding/whole-service").session(qa))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains(this.fixtures.column(id, "reference"))
			.doesNotContain(this.fixtures.column(other, "reference"));
		assertThat(status(post("/safeguarding/whole-service/" + id + "/close").with(csrf()), qa))
			.as("a named QA officer cannot close it")
			.isEqualTo(403);
		for (Role role : List.of(Role.COMMISSIONER, Role.ADMIN, Role.CASE_MANAGER, Role.PROVIDER)) {
			MockHttpSession session = SignIn.as(this.mvc, role);
			assertThat(status(get("/safeguarding/whole-service/" + id), session)).as(role.name()).isEqualTo(403);
			assertThat(status(get("/safeguarding/whole-service"), session)).as(role.name()).isEqualTo(403);
		}
	}

	@Test
	void everyFormAnswersHostileInputWithAnErrorOnThePage() throws Exception {
		UUID id = openEnquiry();
		String base = "/safeguarding/whole-service/" + id;
		// read the banners of raising and opening it, so each check sees its own
		this.mvc.perform(get(base).session(this.lead)).andReturn();
		this.mvc.perform(get(base).session(this.lead)).andReturn();
		for (String value : HostileValues.ALL) {
			check(post("/safeguarding/whole-service/new").param("service", value).param("detail", value));
			check(post(base + "/meetings/new").param("kind", value)
				.param("heldDay", value)
				.param("heldMonth", value)
				.param("heldYear", value)
				.param("agenda", value)
				.param("minutes", value)
				.param("attendees[0].name", value)
				.param("attendees[0].agency", value)
				.param("actions[0].description", value)
				.param("actions[0].owner", value)
				.param("actions[0].email", value)
				.param("actions[0].dueDay", value)
				.param("actions[0].dueMonth", "13")
				.param("actions[0].dueYear", value));
			check(post(base + "/communications/new").param("onDay", value)
				.param("onMonth", value)
				.param("onYear", value)
				.param("audience", value)
				.param("withWhom", value)
				.param("summary", value));
			check(post(base + "/close").param("version", value).param("summary", value));
			check(post(base + "/concerns").param("version", value).param("reference", value));
			check(post(base + "/officers").param("version", value).param("officer", value));
		}
		assertThat(this.fixtures.column(id, "status")).isEqualTo("OPEN");
		assertThat(this.jdbc.sql("select count(*) from safeguarding_meeting where whole_service_enquiry_id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).isZero();
		// an id that is not an id, an action of nobody's, and a list index far too high
		assertThat(status(get("/safeguarding/whole-service/not-an-id"), this.lead)).isEqualTo(404);
		assertThat(status(post(base + "/actions/" + UUID.randomUUID() + "/done").with(csrf()), this.lead))
			.isEqualTo(302);
		MvcResult far = this.mvc.perform(
				post(base + "/meetings/new").session(this.lead).with(csrf()).param("attendees[5000].name", "Someone"))
			.andReturn();
		assertThat(far.getResponse().getStatus()).isEqualTo(302);
		assertThat(this.mvc.perform(get(far.getResponse().getRedirectedUrl()).session(this.lead))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("govuk-error-summary").contains("more rows than it can take");
		// no CSRF token: refused
		assertThat(this.mvc.perform(post(base + "/close").session(this.lead).param("summary", "x"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		// a decision with values that are not choices
		UUID suggested = suggested();
		MvcResult decided = this.mvc
			.perform(post("/safeguarding/whole-service/{id}/decide", suggested).session(this.lead)
				.with(csrf())
				.param("version", "x")
				.param("decision", HostileValues.SCRIPT)
				.param("reasons", "x".repeat(20_001))
				.param("suspendPlacements", "maybe"))
			.andReturn();
		assertThat(decided.getResponse().getStatus()).isEqualTo(200);
		assertThat(decided.getResponse().getContentAsString()).contains("govuk-error-summary")
			.contains("Select whether to open the enquiry")
			.doesNotContain(HostileValues.SCRIPT);
	}

	private UUID suggested() throws Exception {
		UUID service = this.fixtures.freshService();
		this.mvc
			.perform(post("/safeguarding/whole-service/new").session(this.lead)
				.with(csrf())
				.param("service", service.toString())
				.param("detail", "Several concerns"))
			.andReturn();
		return this.fixtures.live(service);
	}

	private void check(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
			throws Exception {
		MvcResult result = this.mvc.perform(request.session(this.lead).with(csrf())).andReturn();
		int status = result.getResponse().getStatus();
		String body = result.getResponse().getContentAsString();
		String where = result.getRequest().getRequestURI();
		assertThat(status).as(where).isIn(200, 302);
		if (status == 200) {
			assertThat(body).as(where).contains("govuk-error-summary").doesNotContain(HostileValues.SCRIPT);
		}
		else {
			String page = this.mvc.perform(get(result.getResponse().getRedirectedUrl()).session(this.lead))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).as(where).contains("govuk-error-summary").doesNotContain(HostileValues.SCRIPT);
		}
	}

	private int status(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			MockHttpSession session) throws Exception {
		return this.mvc.perform(request.session(session)).andReturn().getResponse().getStatus();
	}

}
