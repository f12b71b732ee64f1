package org.carecycle;

import java.util.Map;

import org.carecycle.shared.Role;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Signs in through the real sign-in form, as a person would, and keeps the session: with
 * the second step (a code from the authenticator app) where the account has one, and
 * setting one up where the role requires it.
 */
public final class SignIn {

	/** The password of every demo account. */
	public static final String DEMO_PASSWORD = "Demo-CareCycle-2026";

	/** The demo sign-in for each role. */
	public static final Map<Role, String> DEMO_EMAILS = Map.of(Role.ADMIN, "admin@carecycle.example", Role.COMMISSIONER,
			"commissioner@carecycle.example", Role.QA_OFFICER, "qa.officer@carecycle.example", Role.SAFEGUARDING_LEAD,
			"safeguarding@carecycle.example", Role.CASE_MANAGER, "case.manager@carecycle.example", Role.PROVIDER,
			"provider@carecycle.example");

	private SignIn() {
	}

	public static MockHttpSession as(MockMvc mvc, Role role) throws Exception {
		return as(mvc, DEMO_EMAILS.get(role), DEMO_PASSWORD);
	}

	public static MockHttpSession as(MockMvc mvc, String email, String password) throws Exception {
		MvcResult result = mvc.perform(post("/sign-in").param("email", email).param("password", password).with(csrf()))
			.andReturn();
		MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
		String location = result.getResponse().getRedirectedUrl();
		if ("/sign-in/set-up".equals(location)) {
			String page = mvc.perform(get(location).session(session)).andReturn().getResponse().getContentAsString();
			String key = SecondStep.keyOnPage(page);
			SecondStep.remember(email, key);
			result = mvc.perform(post(location).session(session).param("code", SecondStep.code(key)).with(csrf()))
				.andReturn();
			location = result.getResponse().getRedirectedUrl();
		}
		else if ("/sign-in/code".equals(location)) {
			result = mvc
				.perform(post(location).session(session).param("code", SecondStep.freshCode(email)).with(csrf()))
				.andReturn();
			location = result.getResponse().getRedirectedUrl();
		}
		if (location == null || location.contains("/sign-in")) {
			throw new IllegalStateException("Could not sign in as " + email + ": sent to " + location);
		}
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
