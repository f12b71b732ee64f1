package org.carecycle.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.carecycle.ApplicationTest;
import org.carecycle.SignIn;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ApplicationTest
class SignInTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserAdministration administration;

	@Test
	void signsInAndLandsOnTheHomePageWithTheirRolesSections() throws Exception {
		MockHttpSession session = SignIn.as(this.mvc, Role.QA_OFFICER);
		this.mvc.perform(get("/").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Welcome, Morwenna Hicks")))
			.andExpect(content().string(containsString("href=\"/services\"")))
			.andExpect(content().string(not(containsString("href=\"/admin/users\""))));
	}

	@Test
	void aWrongPasswordGivesOneMessageForBothFieldsAndKeepsTheEmail() throws Exception {
		this.mvc.perform(attempt("qa.officer@carecycle.example", "not-the-password", "10.0.0.1"))
			.andExpect(redirectedUrl("/sign-in?error=details"))
			.andDo(result -> {
				MockHttpSession session = (MockHttpSession) result.getRequest().getSession();
				this.mvc.perform(get("/sign-in?error=details").session(session))
					.andExpect(content().string(containsString("The email address or password is not correct")))
					.andExpect(content().string(containsString("Error: Sign in - CareCycle")))
					.andExpect(content().string(containsString("value=\"qa.officer@carecycle.example\"")));
			});
	}

	@Test
	void anUnknownEmailIsTreatedExactlyLikeAWrongPassword() throws Exception {
		this.mvc.perform(attempt("nobody@carecycle.example", "whatever-it-is", "10.0.0.2"))
			.andExpect(redirectedUrl("/sign-in?error=details"));
	}

	@Test
	void blankFieldsAreNamed() throws Exception {
		this.mvc.perform(attempt("", "", "10.0.0.3")).andExpect(redirectedUrl("/sign-in?error=blank"));
		this.mvc.perform(get("/sign-in?error=blank"))
			.andExpect(content().string(containsString("href=\"#email\">Enter your email address")))
			.andExpect(content().string(containsString("href=\"#password\">Enter your password")));
		this.mvc.perform(attempt("someone@carecycle.example", "", "10.0.0.3"))
			.andExpect(redirectedUrl("/sign-in?error=blank-password"));
	}

	@Test
	void throttlesAnEmailAfterFiveFailuresEvenWithTheRightPassword() throws Exception {
		String email = "case.manager@carecycle.example";
		for (int i = 0; i < SignInThrottle.FAILURES_PER_EMAIL; i++) {
			this.mvc.perform(attempt(email, "wrong-" + i, "10.0.1." + i))
				.andExpect(redirectedUrl("/sign-in?error=details"));
		}
		this.mvc.perform(attempt(email, SignIn.DEMO_PASSWORD, "10.0.1.99"))
			.andExpect(redirectedUrl("/sign-in?error=locked"));
		this.mvc.perform(get("/sign-in?error=locked"))
			.andExpect(content().string(containsString("You have tried to sign in too many times")));
		long refusals = this.jdbc
			.sql("select count(*) from audit_event where action = 'SIGN_IN_FAILED' and actor_name = :email")
			.param("email", email)
			.query(Long.class)
			.single();
		assertThat(refusals).isGreaterThanOrEqualTo(SignInThrottle.FAILURES_PER_EMAIL + 1);
		this.jdbc.sql("delete from sign_in_attempts where subject = :subject")
			.param("subject", "email:" + email)
			.update();
	}

	@Test
	void concurrentGuessesAreCheckedNoMoreOftenThanTheLimitAllows() throws Exception {
		String email = "racer." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		String password = "tidal granite orchard lamp";
		this.administration.addWithPassword(email, "Tamsin Racer", Role.CASE_MANAGER, null, password);
		int guesses = 12;
		ExecutorService threads = Executors.newFixedThreadPool(guesses);
		CountDownLatch ready = new CountDownLatch(guesses);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<String>> outcomes = new ArrayList<>();
		try {
			for (int i = 0; i < guesses; i++) {
				String address = "10.0.3." + i;
				String guess = "wrong-guess-" + i;
				outcomes.add(threads.submit(() -> {
					ready.countDown();
					go.await();
					return this.mvc.perform(attempt(email, guess, address))
						.andReturn()
						.getResponse()
						.getRedirectedUrl();
				}));
			}
			ready.await(30, TimeUnit.SECONDS);
			go.countDown();
			List<String> redirects = new ArrayList<>();
			for (Future<String> outcome : outcomes) {
				redirects.add(outcome.get(120, TimeUnit.SECONDS));
			}
			assertThat(redirects).as("at most five passwords checked, the rest refused unchecked")
				.filteredOn("/sign-in?error=details"::equals)
				.hasSizeLessThanOrEqualTo(SignInThrottle.FAILURES_PER_EMAIL);
			assertThat(redirects).filteredOn("/sign-in?error=locked"::equals)
				.hasSizeGreaterThanOrEqualTo(guesses - SignInThrottle.FAILURES_PER_EMAIL);
		}
		finally {
			threads.shutdownNow();
		}
		long checked = this.jdbc
			.sql("select count(*) from audit_event where action = 'SIGN_IN_FAILED' and actor_name = :email"
					+ " and summary = 'Refused: BadCredentialsException'")
			.param("email", email)
			.query(Long.class)
			.single();
		assertThat(checked).as("wrong passwords actually checked")
			.isLessThanOrEqualTo(SignInThrottle.FAILURES_PER_EMAIL);

		this.mvc.perform(attempt(email, password, "10.0.3.99")).andExpect(redirectedUrl("/sign-in?error=locked"));

		this.jdbc
			.sql("update sign_in_attempts set window_started_at = window_started_at - interval '16 minutes'"
					+ " where subject = :subject")
			.param("subject", "email:" + email)
			.update();
		this.mvc.perform(attempt(email, password, "10.0.3.99")).andExpect(redirectedUrl("/"));
		assertThat(this.jdbc.sql("select count(*) from sign_in_attempts where subject = :subject")
			.param("subject", "email:" + email)
			.query(Long.class)
			.single()).as("a success clears the count").isZero();
	}

	@Test
	void throttlesAClientAddressThatTriesManyAccounts() throws Exception {
		for (int i = 0; i < SignInThrottle.FAILURES_PER_ADDRESS; i++) {
			this.mvc.perform(attempt("guess" + i + "@carecycle.example", "password-guess", "10.0.2.1"));
		}
		this.mvc.perform(attempt("commissioner@carecycle.example", SignIn.DEMO_PASSWORD, "10.0.2.1"))
			.andExpect(redirectedUrl("/sign-in?error=locked"));
	}

	@Test
	void recordsEverySignInInTheAuditLog() throws Exception {
		long before = countOf("SIGNED_IN", "%safeguarding@carecycle.example%");
		SignIn.as(this.mvc, Role.SAFEGUARDING_LEAD);
		assertThat(countOf("SIGNED_IN", "%safeguarding@carecycle.example%")).isEqualTo(before + 1);
	}

	@Test
	void signsOutOnlyByPostAndSaysSo() throws Exception {
		MockHttpSession session = SignIn.as(this.mvc, Role.COMMISSIONER);
		this.mvc.perform(post("/sign-out").session(session).with(csrf()))
			.andExpect(redirectedUrl("/sign-in?signed-out"));
		this.mvc.perform(get("/sign-in?signed-out")).andExpect(content().string(containsString("You have signed out")));
		this.mvc.perform(get("/services").session(session)).andExpect(status().is3xxRedirection());
		assertThat(countOf("SIGNED_OUT", "%commissioner@carecycle.example%")).isPositive();
	}

	@Test
	void aTimedOutSignOutSaysWhy() throws Exception {
		MockHttpSession session = SignIn.as(this.mvc, Role.COMMISSIONER);
		this.mvc.perform(post("/sign-out").param("reason", "timeout").session(session).with(csrf()))
			.andExpect(redirectedUrl("/sign-in?timeout"));
		this.mvc.perform(get("/sign-in?timeout"))
			.andExpect(content().string(containsString("We signed you out because you had not done anything")));
	}

	@Test
	void changesTheSessionIdAtSignInAgainstSessionFixation() throws Exception {
		MockHttpSession before = new MockHttpSession();
		String idBefore = before.getId();
		MvcResult result = this.mvc
			.perform(post("/sign-in").session(before)
				.param("email", SignIn.DEMO_EMAILS.get(Role.CASE_MANAGER))
				.param("password", SignIn.DEMO_PASSWORD)
				.with(csrf()))
			.andReturn();
		assertThat(result.getRequest().getSession().getId()).isNotEqualTo(idBefore);
	}

	@Test
	void refusesASignInFormWithoutItsCsrfToken() throws Exception {
		this.mvc
			.perform(post("/sign-in").param("email", "admin@carecycle.example").param("password", SignIn.DEMO_PASSWORD))
			.andExpect(redirectedUrl("/sign-in?error=expired"));
	}

	@Test
	void sendsSomeoneWhoIsSignedInFromTheSignInPageToTheirHomePage() throws Exception {
		MockHttpSession session = SignIn.as(this.mvc, Role.ADMIN);
		this.mvc.perform(get("/sign-in").session(session)).andExpect(redirectedUrl("/"));
	}

	private long countOf(String action, String actor) {
		return this.jdbc.sql("select count(*) from audit_event where action = :action and actor_name like :actor")
			.param("action", action)
			.param("actor", actor)
			.query(Long.class)
			.single();
	}

	private static MockHttpServletRequestBuilder attempt(String email, String password, String address) {
		return post("/sign-in").param("email", email).param("password", password).with(csrf()).with(request -> {
			request.setRemoteAddr(address);
			return request;
		});
	}

}
