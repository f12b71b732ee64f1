package org.carecycle.identity;

import java.util.UUID;

import org.carecycle.ApplicationTest;
import org.carecycle.SignIn;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ApplicationTest
class ChangePasswordTests {

	private static final String PASSWORD = "tidal granite orchard lamp";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserAdministration administration;

	@Test
	void wrongCurrentPasswordsAreThrottledLikeSignIns() throws Exception {
		String email = unique("guesser");
		this.administration.addWithPassword(email, "Loveday Guesser", Role.COMMISSIONER, null, PASSWORD);
		MockHttpSession session = SignIn.as(this.mvc, email, PASSWORD);
		for (int i = 0; i < SignInThrottle.FAILURES_PER_EMAIL; i++) {
			change(session, "not-my-password-" + i, "quartz meadow signal fern").andExpect(
					content().string(containsString("href=\"#currentPassword\">Your current password is not correct")));
		}
		change(session, PASSWORD, "quartz meadow signal fern").andExpect(status().isOk())
			.andExpect(content().string(containsString("<title>Error: Change your password")))
			.andExpect(content().string(containsString(
					"href=\"#currentPassword\">You have entered a wrong password too many times. Wait 15 minutes, then try again")));
		assertThat(audited(email, "Refused a change of password: the current password was wrong"))
			.isEqualTo(SignInThrottle.FAILURES_PER_EMAIL);
		assertThat(audited(email, "Refused a change of password: too many wrong current passwords")).isOne();
		this.mvc.perform(post("/sign-in").param("email", email).param("password", PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/sign-in?error=locked"));
	}

	@Test
	void changingThePasswordEndsTheirOtherSessionsButNotThisOne() throws Exception {
		String email = unique("mover");
		this.administration.addWithPassword(email, "Jenifer Mover", Role.COMMISSIONER, null, PASSWORD);
		MockHttpSession here = SignIn.as(this.mvc, email, PASSWORD);
		MockHttpSession elsewhere = SignIn.as(this.mvc, email, PASSWORD);
		this.mvc.perform(get("/account").session(elsewhere)).andExpect(status().isOk());

		change(here, PASSWORD, "quartz meadow signal fern").andExpect(redirectedUrl("/account"));

		this.mvc.perform(get("/account").session(here)).andExpect(status().isOk());
		this.mvc.perform(get("/account").session(elsewhere)).andExpect(redirectedUrl("/sign-in?ended"));
		assertThat(audited(email, "Signed out of 1 other session after changing their password")).isOne();
	}

	@Test
	void refusesPasswordsAnAttackerWouldGuessWithAClearMessage() throws Exception {
		String email = unique("tamsin.trewhella");
		this.administration.addWithPassword(email, "Tamsin Trewhella", Role.COMMISSIONER, null, PASSWORD);
		MockHttpSession session = SignIn.as(this.mvc, email, PASSWORD);
		change(session, PASSWORD, "P@ssw0rd-2026!!").andExpect(content().string(containsString(
				"href=\"#newPassword\">Choose a password that is harder to guess: it is one of the most common passwords")));
		change(session, PASSWORD, "Trewhella-2026!").andExpect(content().string(containsString(
				"href=\"#newPassword\">Choose a password that is harder to guess: do not include your name or email address")));
		change(session, PASSWORD, "CareCycle-2026!").andExpect(content().string(containsString(
				"Choose a password that is harder to guess: do not include the name of this service or the council")));
		change(session, PASSWORD, SignIn.DEMO_PASSWORD).andExpect(content().string(containsString(
				"Choose a password that is harder to guess: it is the published password of the demo accounts")));
		SignIn.as(this.mvc, email, PASSWORD);
	}

	private ResultActions change(MockHttpSession session, String current, String chosen) throws Exception {
		return this.mvc.perform(post("/account/password").session(session)
			.param("currentPassword", current)
			.param("newPassword", chosen)
			.param("confirmPassword", chosen)
			.with(csrf()));
	}

	private long audited(String email, String summary) {
		return this.jdbc.sql("select count(*) from audit_event where actor_name like :actor and summary = :summary")
			.param("actor", "%(" + email + ")")
			.param("summary", summary)
			.query(Long.class)
			.single();
	}

	private static String unique(String prefix) {
		return prefix + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

}
