package org.carecycle.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.carecycle.ApplicationTest;
import org.carecycle.SecondStep;
import org.carecycle.SignIn;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The second sign-in step (ADR 0023): an authenticator app's code after the password,
 * required of administrators and safeguarding leads and open to everyone.
 */
@ApplicationTest
class SecondFactorTests {

	private static final String PASSWORD = "Second-Factor-Tests-2026";

	private static final Pattern RECOVERY_CODE = Pattern.compile(">([a-z2-9]{5}-[a-z2-9]{5})<");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserAdministration users;

	@Test
	void anAdministratorSetsUpTheirAppAtTheirFirstSignInAndSeesRecoveryCodesOnce() throws Exception {
		String email = newUser(Role.ADMIN);
		MockHttpSession session = password(email, "/sign-in/set-up");
		this.mvc.perform(get("/admin/users").session(session)).andExpect(redirectedUrl("/sign-in/set-up"));
		this.mvc.perform(get("/sign-in/code").session(session)).andExpect(redirectedUrl("/sign-in/set-up"));
		String page = this.mvc.perform(get("/sign-in/set-up").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("src=\"data:image/svg+xml;base64,")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String key = SecondStep.keyOnPage(page);
		assertThat(key.replace(" ", "")).hasSize(32);

		this.mvc.perform(post("/sign-in/set-up").session(session).param("code", "000000").with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The code is not correct")))
			.andExpect(content().string(containsString(SecondStep.keyOnPage(page))));
		this.mvc.perform(post("/sign-in/set-up").session(session).param("code", SecondStep.code(key)).with(csrf()))
			.andExpect(redirectedUrl("/account/second-factor/recovery-codes"));
		String codes = this.mvc.perform(get("/account/second-factor/recovery-codes").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(recoveryCodes(codes)).hasSize(10).doesNotHaveDuplicates();
		this.mvc.perform(get("/account/second-factor/recovery-codes").session(session))
			.andExpect(redirectedUrl("/account/second-factor"));
		this.mvc.perform(get("/admin/users").session(session)).andExpect(status().isOk());

		assertThat(this.jdbc
			.sql("select key_encrypted from second_factor s join app_user u on u.id = s.user_id "
					+ "where u.email = :email")
			.param("email", email)
			.query(String.class)
			.single()).as("the key is not kept as it is").doesNotContain(key.replace(" ", ""));
		assertThat(audited(email, "SECOND_FACTOR_CHANGED", "Set up a second factor%")).isEqualTo(1);
		assertThat(audited(email, "SIGNED_IN", "%set up an authenticator app")).isEqualTo(1);
	}

	@Test
	void aWrongCodeIsRefusedAuditedAndThrottled() throws Exception {
		String email = withSecondFactor(Role.SAFEGUARDING_LEAD);
		MockHttpSession session = password(email, "/sign-in/code");
		for (int attempt = 1; attempt < SignInThrottle.FAILURES_PER_EMAIL; attempt++) {
			this.mvc.perform(post("/sign-in/code").session(session).param("code", "12345x").with(csrf()).with(r -> {
				r.setRemoteAddr("10.20.0.1");
				return r;
			})).andExpect(status().isOk()).andExpect(content().string(containsString("The code is not correct")));
		}
		this.mvc.perform(post("/sign-in/code").session(session).param("code", "999999").with(csrf()).with(r -> {
			r.setRemoteAddr("10.20.0.1");
			return r;
		})).andExpect(redirectedUrl("/sign-in?error=locked"));
		this.mvc.perform(get("/concerns").session(session)).andExpect(redirectedUrl("/sign-in"));
		this.mvc.perform(post("/sign-in").param("email", email).param("password", PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/sign-in?error=locked"));
		// The password was the first of the five checks the window allows; four codes
		// were
		// checked and refused, and the fifth code was refused before it was checked.
		assertThat(audited(email, "SIGN_IN_FAILED", "Refused: wrong second factor code"))
			.isEqualTo(SignInThrottle.FAILURES_PER_EMAIL - 1);
	}

	/**
	 * An office behind one address where many leads and administrators sign in: a right
	 * password followed by a right code uses up none of the address's attempts.
	 */
	@Test
	void manyTwoStepSignInsFromOneAddressNeverLockItOut() throws Exception {
		forgetFailures();
		for (int i = 0; i <= SignInThrottle.FAILURES_PER_ADDRESS + 5; i++) {
			org.carecycle.SignIn.as(this.mvc, Role.SAFEGUARDING_LEAD);
		}
		assertThat(this.jdbc.sql("select coalesce(max(attempts), 0) from sign_in_attempts where subject = :subject")
			.param("subject", "address:127.0.0.1")
			.query(Integer.class)
			.single()).as("attempts still counted against the address").isZero();
	}

	@Test
	void aCodeWorksOnlyOnce() throws Exception {
		String email = withSecondFactor(Role.ADMIN);
		String code = SecondStep.freshCode(email);
		MockHttpSession first = password(email, "/sign-in/code");
		this.mvc.perform(post("/sign-in/code").session(first).param("code", code).with(csrf()))
			.andExpect(redirectedUrl("/"));
		MockHttpSession second = password(email, "/sign-in/code");
		this.mvc.perform(post("/sign-in/code").session(second).param("code", code).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This code has already been used")));
		this.mvc.perform(get("/admin/users").session(second)).andExpect(redirectedUrl("/sign-in/code"));
		assertThat(audited(email, "SIGN_IN_FAILED", "%already been used")).isEqualTo(1);
	}

	@Test
	void aRecoveryCodeWorksOnceInsteadOfTheApp() throws Exception {
		String email = newUser(Role.SAFEGUARDING_LEAD);
		MockHttpSession setUp = password(email, "/sign-in/set-up");
		String key = SecondStep.keyOnPage(
				this.mvc.perform(get("/sign-in/set-up").session(setUp)).andReturn().getResponse().getContentAsString());
		this.mvc.perform(post("/sign-in/set-up").session(setUp).param("code", SecondStep.code(key)).with(csrf()));
		List<String> codes = recoveryCodes(this.mvc.perform(get("/account/second-factor/recovery-codes").session(setUp))
			.andReturn()
			.getResponse()
			.getContentAsString());

		MockHttpSession session = password(email, "/sign-in/code");
		this.mvc.perform(post("/sign-in/code").session(session).param("code", codes.get(3).toUpperCase()).with(csrf()))
			.andExpect(redirectedUrl("/account/second-factor"));
		this.mvc.perform(get("/account/second-factor").session(session))
			.andExpect(content().string(containsString("You have 9 left")));
		MockHttpSession again = password(email, "/sign-in/code");
		this.mvc.perform(post("/sign-in/code").session(again).param("code", codes.get(3)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The code is not correct")));
		assertThat(audited(email, "SIGNED_IN", "%recovery code")).isEqualTo(1);
	}

	@Test
	void anAdministratorResetsALostAppAndTheResetIsAudited() throws Exception {
		String email = withSecondFactor(Role.ADMIN);
		UUID id = idOf(email);
		MockHttpSession admin = SignIn.as(this.mvc, Role.ADMIN);
		this.mvc.perform(get("/admin/users/" + id + "/reset-second-factor").session(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Reset authenticator app")));
		this.mvc.perform(post("/admin/users/" + id + "/reset-second-factor").session(admin).with(csrf()))
			.andExpect(redirectedUrl("/admin/users/" + id));
		assertThat(this.jdbc
			.sql("select count(*) from audit_event where action = 'SECOND_FACTOR_CHANGED' "
					+ "and record_id = :id and summary = 'Second factor reset by an administrator' "
					+ "and actor_name like 'Sam Kitto%'")
			.param("id", id.toString())
			.query(Long.class)
			.single()).isEqualTo(1);
		password(email, "/sign-in/set-up");
	}

	@Test
	void someoneWhoseRoleDoesNotRequireItCanTurnItOnAndOff() throws Exception {
		String email = newUser(Role.COMMISSIONER);
		MockHttpSession session = SignIn.as(this.mvc, email, PASSWORD);
		this.mvc.perform(get("/account").session(session))
			.andExpect(content().string(containsString("Authenticator app")));
		String page = this.mvc.perform(get("/account/second-factor/set-up").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String key = SecondStep.keyOnPage(page);
		SecondStep.remember(email, key);
		this.mvc.perform(
				post("/account/second-factor/set-up").session(session).param("code", SecondStep.code(key)).with(csrf()))
			.andExpect(redirectedUrl("/account/second-factor/recovery-codes"));

		MockHttpSession next = password(email, "/sign-in/code");
		this.mvc.perform(post("/sign-in/code").session(next).param("code", SecondStep.freshCode(email)).with(csrf()))
			.andExpect(redirectedUrl("/"));
		this.mvc.perform(get("/account/second-factor/turn-off").session(next)).andExpect(status().isOk());
		this.mvc.perform(post("/account/second-factor/turn-off").session(next).with(csrf()))
			.andExpect(redirectedUrl("/account/second-factor"));
		password(email, "/");
		assertThat(audited(email, "SECOND_FACTOR_CHANGED", "Turned off their second factor")).isEqualTo(1);
	}

	@Test
	void theRolesThatRequireItCannotTurnItOff() throws Exception {
		MockHttpSession admin = SignIn.as(this.mvc, Role.ADMIN);
		this.mvc.perform(get("/account/second-factor").session(admin))
			.andExpect(content().string(containsString("you cannot turn it off")))
			.andExpect(content().string(not(containsString("/account/second-factor/turn-off"))));
		this.mvc.perform(post("/account/second-factor/turn-off").session(admin).with(csrf()))
			.andExpect(redirectedUrl("/account/second-factor"));
		assertThat(this.jdbc
			.sql("select count(*) from second_factor s join app_user u on u.id = s.user_id "
					+ "where u.email = 'admin@carecycle.example'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theDemoRecoveryCodesAndKeyArePublishedOnlyInDemoMode() throws Exception {
		MvcResult result = this.mvc
			.perform(post("/sign-in").param("email", SignIn.DEMO_EMAILS.get(Role.ADMIN))
				.param("password", SignIn.DEMO_PASSWORD)
				.with(csrf()))
			.andExpect(redirectedUrl("/sign-in/code"))
			.andReturn();
		this.mvc.perform(get("/sign-in/code").session((MockHttpSession) result.getRequest().getSession(false)))
			.andExpect(content().string(containsString(SecondStep.DEMO_KEY)))
			.andExpect(content().string(containsString("Enter the code from your authenticator app")));
	}

	/**
	 * Every hostile value, typed as the code at the second step, while setting up at
	 * sign-in and from the account page: a GOV.UK error on the same page, never a 500,
	 * never the markup back, and never a way in.
	 */
	@Test
	void hostileCodesGetAnErrorOnTheirOwnPage() throws Exception {
		String withApp = withSecondFactor(Role.ADMIN);
		String settingUp = newUser(Role.SAFEGUARDING_LEAD);
		String optional = newUser(Role.QA_OFFICER);
		MockHttpSession account = SignIn.as(this.mvc, optional, PASSWORD);
		this.mvc.perform(get("/account/second-factor/set-up").session(account));
		List<String> failures = new ArrayList<>();
		for (String value : org.carecycle.HostileValues.ALL) {
			forgetFailures(withApp, settingUp, optional);
			MockHttpSession code = password(withApp, "/sign-in/code");
			check(failures, "code", post("/sign-in/code").session(code), value, "/admin/users", code);
			MockHttpSession setUp = password(settingUp, "/sign-in/set-up");
			this.mvc.perform(get("/sign-in/set-up").session(setUp));
			check(failures, "set-up", post("/sign-in/set-up").session(setUp), value, "/concerns", setUp);
			check(failures, "account set-up", post("/account/second-factor/set-up").session(account), value, null,
					account);
		}
		assertThat(failures).as("hostile codes").isEmpty();
		assertThat(this.jdbc
			.sql("select count(*) from second_factor s join app_user u on u.id = s.user_id "
					+ "where u.email in (:emails)")
			.param("emails", List.of(settingUp, optional))
			.query(Long.class)
			.single()).as("nothing set up by a hostile code").isZero();
	}

	private void check(List<String> failures, String where,
			org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String value,
			String stillClosed, MockHttpSession session) throws Exception {
		var response = this.mvc.perform(request.param("code", value).with(csrf())).andReturn().getResponse();
		String body = response.getContentAsString();
		String shown = (value.length() > 20) ? value.substring(0, 20) + "…" : value;
		if (response.getStatus() != 200 || !body.contains("govuk-error-summary")) {
			failures.add(where + ": " + response.getStatus() + " without an error for " + shown);
		}
		if (body.contains(org.carecycle.HostileValues.SCRIPT) || body.contains("<img src=x onerror")
				|| body.contains("<svg/onload")) {
			failures.add(where + ": markup shown for " + shown);
		}
		if (stillClosed != null
				&& this.mvc.perform(get(stillClosed).session(session)).andReturn().getResponse().getStatus() == 200) {
			failures.add(where + ": signed in with " + shown);
		}
	}

	private void forgetFailures(String... emails) {
		for (String email : emails) {
			this.jdbc.sql("delete from sign_in_attempts where subject = :subject")
				.param("subject", "email:" + email)
				.update();
		}
		this.jdbc.sql("delete from sign_in_attempts where subject = 'address:127.0.0.1'").update();
	}

	/** A new account with a second factor set up (through the pages). */
	private String withSecondFactor(Role role) throws Exception {
		String email = newUser(role);
		if (!SecondFactors.isRequiredFor(role)) {
			throw new IllegalArgumentException("Only for the roles that must set one up");
		}
		SignIn.as(this.mvc, email, PASSWORD);
		return email;
	}

	private String newUser(Role role) {
		// Not the demo's domain, whose accounts the demo's tests count.
		String email = "second.factor." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		this.users.addWithPassword(email, "Second Factor " + role, role, null, PASSWORD);
		return email;
	}

	/** The password step, which must send the person to the given page. */
	private MockHttpSession password(String email, String expectedNext) throws Exception {
		MvcResult result = this.mvc
			.perform(post("/sign-in").param("email", email).param("password", PASSWORD).with(csrf()))
			.andExpect(redirectedUrl(expectedNext))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	private UUID idOf(String email) {
		return this.jdbc.sql("select id from app_user where email = :email")
			.param("email", email)
			.query(UUID.class)
			.single();
	}

	private long audited(String email, String action, String summary) {
		return this.jdbc.sql(
				"select count(*) from audit_event where action = :action and record_id = :id and summary like :summary")
			.param("action", action)
			.param("id", idOf(email).toString())
			.param("summary", summary)
			.query(Long.class)
			.single();
	}

	private static List<String> recoveryCodes(String page) {
		List<String> codes = new ArrayList<>();
		Matcher matcher = RECOVERY_CODE.matcher(page);
		while (matcher.find()) {
			codes.add(matcher.group(1));
		}
		return codes;
	}

}
