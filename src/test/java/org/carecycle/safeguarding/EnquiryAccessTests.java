package org.carecycle.safeguarding;

import java.util.List;
import java.util.Map;

import org.carecycle.ApplicationTest;
import org.carecycle.SignIn;
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
 * Need to know: an enquiry's pages open for safeguarding leads and the QA officer named
 * on the case; for a QA officer not named on it, a commissioner, an administrator, a case
 * manager, a provider and anyone signed out they are "Page not found", forbidden or the
 * sign-in page, and their edits change nothing.
 */
@ApplicationTest
class EnquiryAccessTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	EnquiryFixtures fixtures;

	@BeforeEach
	void setUp() {
		this.fixtures = new EnquiryFixtures(this.jdbc);
	}

	@Test
	void onlyTheLeadAndTheNamedOfficerOpenAnEnquiry() throws Exception {
		EnquiryFixtures.Case named = this.fixtures.create(this.fixtures.demoProvider(),
				this.fixtures.userId("qa.officer@carecycle.example"));
		EnquiryFixtures.Case unnamed = this.fixtures.create(this.fixtures.demoProvider(), null);
		Map<Role, MockHttpSession> sessions = new java.util.EnumMap<>(Role.class);
		for (Role role : Role.values()) {
			sessions.put(role, SignIn.as(this.mvc, role));
		}
		for (String step : List.of("", "/planning", "/maker", "/capacity", "/outcomes", "/conclusion", "/close")) {
			assertThat(status(sessions.get(Role.SAFEGUARDING_LEAD), named.page() + step)).as("lead " + step)
				.isEqualTo(200);
			assertThat(status(sessions.get(Role.SAFEGUARDING_LEAD), unnamed.page() + step)).isEqualTo(200);
			assertThat(status(sessions.get(Role.QA_OFFICER), named.page() + step)).as("named officer " + step)
				.isEqualTo(200);
			assertThat(status(sessions.get(Role.QA_OFFICER), unnamed.page() + step)).as("unnamed officer " + step)
				.isEqualTo(404);
			for (Role role : List.of(Role.COMMISSIONER, Role.ADMIN, Role.CASE_MANAGER, Role.PROVIDER)) {
				assertThat(status(sessions.get(role), named.page() + step)).as(role + " " + step).isIn(403, 404);
			}
			MockHttpServletResponse anonymous = this.mvc.perform(get(named.page() + step)).andReturn().getResponse();
			assertThat(anonymous.getRedirectedUrl()).as("anonymous " + step).endsWith("/sign-in");
		}
		MockHttpServletResponse unnamedEdit = this.mvc
			.perform(post(unnamed.page() + "/planning").session(sessions.get(Role.QA_OFFICER))
				.with(csrf())
				.param("version", "0")
				.param("heldOnDay", "1")
				.param("heldOnMonth", "12")
				.param("heldOnYear", "2026")
				.param("participants", "Me")
				.param("notes", "Not my case"))
			.andReturn()
			.getResponse();
		assertThat(unnamedEdit.getStatus()).isEqualTo(404);
		assertThat(unnamedEdit.getContentAsString()).doesNotContain("Not my case");
		for (Role role : List.of(Role.COMMISSIONER, Role.ADMIN, Role.CASE_MANAGER, Role.PROVIDER)) {
			assertThat(this.mvc
				.perform(post(named.page() + "/planning").session(sessions.get(role))
					.with(csrf())
					.param("version", "0")
					.param("participants", "x"))
				.andReturn()
				.getResponse()
				.getStatus()).isIn(403, 404);
		}
		assertThat(this.fixtures.version(unnamed)).isZero();
		assertThat(this.fixtures.version(named)).isZero();
		String officersList = this.mvc.perform(get("/safeguarding/enquiries").session(sessions.get(Role.QA_OFFICER)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(officersList).contains(named.reference()).doesNotContain(unnamed.reference());
		assertThat(this.jdbc.sql("select count(*) from safeguarding_case_access where concern_id = :id")
			.param("id", unnamed.concernId())
			.query(Long.class)
			.single()).as("only the lead's views of the unnamed case are logged").isEqualTo(1);
	}

	private int status(MockHttpSession session, String path) throws Exception {
		return this.mvc.perform(get(path).session(session)).andReturn().getResponse().getStatus();
	}

}
