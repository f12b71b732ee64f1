package org.carecycle.identity;

import jakarta.servlet.http.Cookie;

import org.carecycle.ApplicationTest;
import org.carecycle.SecondStep;
import org.carecycle.SignIn;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Signing in from whatever address a person types: each reaches the sign-in page, and a
 * correct password (and second step) leads to a page the person may open, never a
 * refusal.
 */
@ApplicationTest
class SignInAddressesTests {

	@Autowired
	MockMvc mvc;

	@ParameterizedTest
	@ValueSource(strings = { "/login", "/log-in", "/logon", "/signin", "/sign-on", "/login.html" })
	void guessedSignInAddressesReachTheSignInPage(String address) throws Exception {
		this.mvc.perform(get(address).accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/sign-in"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/home", "/dashboard", "/index.html" })
	void guessedHomeAddressesReachTheHomePage(String address) throws Exception {
		this.mvc.perform(get(address).accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/"));
	}

	@ParameterizedTest
	@EnumSource(Role.class)
	void everyRoleSigningInFromLoginLandsOnItsHomePage(Role role) throws Exception {
		assertThat(signInAfterAskingFor("/login", role)).isEqualTo("/");
	}

	@Test
	void aPageThatTheRoleMayOpenIsStillReturnedToAfterSigningIn() throws Exception {
		assertThat(signInAfterAskingFor("/concerns", Role.QA_OFFICER)).endsWith("/concerns");
		assertThat(signInAfterAskingFor("/concerns", Role.SAFEGUARDING_LEAD)).endsWith("/concerns");
	}

	@Test
	void aPageThatTheRoleMayNotOpenGivesWayToItsHomePage() throws Exception {
		assertThat(signInAfterAskingFor("/concerns", Role.PROVIDER)).isEqualTo("/");
		assertThat(signInAfterAskingFor("/admin/users", Role.COMMISSIONER)).isEqualTo("/");
		assertThat(signInAfterAskingFor("/no-such-page", Role.ADMIN)).isEqualTo("/");
	}

	@Test
	void theHomePageAfterSigningInFromLoginIsTheRolesHomeNotARefusal() throws Exception {
		MockHttpSession session = SignIn.as(this.mvc, Role.PROVIDER);
		this.mvc.perform(get("/login").session(session)).andExpect(redirectedUrl("/sign-in"));
		this.mvc.perform(get("/sign-in").session(session)).andExpect(redirectedUrl("/"));
		this.mvc.perform(get("/").session(session)).andExpect(status().isOk());
	}

	/**
	 * Asks for a page without signing in, follows the browser to the sign-in page with
	 * the cookie it was given, signs in (with the second step where the role has one) and
	 * returns where the person is sent.
	 */
	private String signInAfterAskingFor(String page, Role role) throws Exception {
		MvcResult asked = this.mvc.perform(get(page).accept(MediaType.TEXT_HTML)).andReturn();
		String location = asked.getResponse().getRedirectedUrl();
		Cookie[] cookies = asked.getResponse().getCookies();
		while (location != null && !location.endsWith("/sign-in")) {
			MvcResult next = this.mvc.perform(get(location).accept(MediaType.TEXT_HTML).cookie(cookies)).andReturn();
			location = next.getResponse().getRedirectedUrl();
			if (next.getResponse().getCookies().length > 0) {
				cookies = next.getResponse().getCookies();
			}
		}
		assertThat(location).as("where %s sends someone not signed in", page).endsWith("/sign-in");
		String email = SignIn.DEMO_EMAILS.get(role);
		var signIn = post("/sign-in").param("email", email).param("password", SignIn.DEMO_PASSWORD).with(csrf());
		if (cookies.length > 0) {
			signIn.cookie(cookies);
		}
		MvcResult signedIn = this.mvc.perform(signIn).andReturn();
		String sentTo = signedIn.getResponse().getRedirectedUrl();
		if ("/sign-in/code".equals(sentTo)) {
			MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession(false);
			var code = post(sentTo).session(session).param("code", SecondStep.freshCode(email)).with(csrf());
			if (cookies.length > 0) {
				code.cookie(cookies);
			}
			sentTo = this.mvc.perform(code).andReturn().getResponse().getRedirectedUrl();
		}
		assertThat(sentTo).isNotNull();
		return sentTo.replaceFirst("^http://localhost", "");
	}

}
