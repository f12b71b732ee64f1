package org.carecycle.concerns;

import java.util.List;
import java.util.UUID;

import org.carecycle.ApplicationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesRegex;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Anyone can tell us about a service without signing in, one question a page, and gets a
 * reference; nothing they sent is lost or saved twice.
 */
@ApplicationTest
class TellUsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	private UUID anyService() {
		return this.jdbc.sql("select id from care_service where status = 'ACTIVE' order by name limit 1")
			.query(UUID.class)
			.single();
	}

	private MockHttpServletRequestBuilder step(MockHttpSession session, String path) {
		return post("/tell-us/" + path).session(session).with(csrf());
	}

	/** Answers every question of a concern about the service, up to the check page. */
	private MockHttpSession answered(String whatHappened, String atRisk, String email) throws Exception {
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(step(session, "kind").param("kind", "CONCERN")).andExpect(redirectedUrl("/tell-us/service"));
		this.mvc.perform(step(session, "service").param("serviceId", anyService().toString()))
			.andExpect(redirectedUrl("/tell-us/what-happened"));
		this.mvc.perform(step(session, "what-happened").param("whatHappened", whatHappened))
			.andExpect(redirectedUrl("/tell-us/when"));
		this.mvc
			.perform(step(session, "when").param("whenDay", "")
				.param("whenMonth", "")
				.param("whenYear", "")
				.param("whenText", "Last week"))
			.andExpect(redirectedUrl("/tell-us/who-was-affected"));
		this.mvc.perform(step(session, "who-was-affected").param("peopleAffected", "My father"))
			.andExpect(redirectedUrl("/tell-us/risk"));
		this.mvc.perform(step(session, "risk").param("atRisk", atRisk))
			.andExpect(redirectedUrl("YES".equals(atRisk) ? "/tell-us/emergency" : "/tell-us/about-you"));
		this.mvc.perform(step(session, "about-you").param("reporterRole", "RELATIVE_OR_FRIEND"))
			.andExpect(redirectedUrl("/tell-us/your-details"));
		this.mvc.perform(step(session, "your-details").param("giveDetails", "yes"))
			.andExpect(redirectedUrl("/tell-us/contact"));
		this.mvc
			.perform(step(session, "contact").param("name", "Morwenna Penrose")
				.param("email", email)
				.param("phone", "01872 000111")
				.param("consent", "true"))
			.andExpect(redirectedUrl("/tell-us/check"));
		return session;
	}

	private String send(MockHttpSession session) throws Exception {
		this.mvc.perform(step(session, "check")).andExpect(redirectedUrl("/tell-us/sent"));
		String page = this.mvc.perform(get("/tell-us/sent").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(matchesRegex("(?s).*PPMF-\\d{4}-\\d{6}.*")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return page.replaceAll("(?s).*(PPMF-\\d{4}-\\d{6}).*", "$1");
	}

	@Test
	void aMemberOfThePublicSendsAConcernAndGetsAReferenceByEmail() throws Exception {
		String email = "penrose." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		MockHttpSession session = answered("The minibus to the day centre was late three times this month.", "NO",
				email);
		this.mvc.perform(get("/tell-us/check").session(session))
			.andExpect(
					content().string(containsString("The minibus to the day centre was late three times this month.")))
			.andExpect(content().string(containsString("Morwenna Penrose")))
			.andExpect(content().string(containsString("Last week")));
		String reference = send(session);

		var saved = this.jdbc.sql("""
				select kind, channel, status, reporter_name, safeguarding_flag, acknowledge_by, assess_by, received_at
				from concern where reference = :reference""").param("reference", reference).query().singleRow();
		assertThat(saved.get("kind")).isEqualTo("CONCERN");
		assertThat(saved.get("channel")).isEqualTo("PUBLIC_FORM");
		assertThat(saved.get("status")).isEqualTo("NEW");
		assertThat(saved.get("reporter_name")).isEqualTo("Morwenna Penrose");
		assertThat(saved.get("safeguarding_flag")).isEqualTo(false);
		assertThat(this.jdbc.sql("select subject from mail_outbox where recipient = :email")
			.param("email", email)
			.query(String.class)
			.list()).containsExactly("We have received your concern: " + reference);
	}

	@Test
	void sendingTheSameAnswersTwiceSavesThemOnce() throws Exception {
		MockHttpSession session = answered("Meals are often cold.", "NO", "");
		long before = count();
		send(session);
		// A second click, or the browser's back button and send again: the answers are
		// gone.
		this.mvc.perform(step(session, "check")).andExpect(redirectedUrl("/tell-us/kind"));
		assertThat(count()).isEqualTo(before + 1);
	}

	@Test
	void aConcernThatSuggestsAbuseIsFlaggedAndEveryoneInSafeguardingIsEmailedAtOnce() throws Exception {
		MockHttpSession session = answered("A carer slapped my father and he has bruising on his arm.", "YES", "");
		String reference = send(session);
		var concern = this.jdbc
			.sql("select id, safeguarding_flag, urgent, safeguarding_reasons from concern where reference = :reference")
			.param("reference", reference)
			.query()
			.singleRow();
		assertThat(concern.get("safeguarding_flag")).isEqualTo(true);
		assertThat(concern.get("urgent")).isEqualTo(true);
		assertThat((String) concern.get("safeguarding_reasons")).contains("slapped", "bruising",
				"at risk of harm right now");
		// the safeguarding module opens its case after the concern is saved
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("select count(*) from safeguarding_concern where ppmf_concern_id = :id")
				.param("id", concern.get("id"))
				.query(Long.class)
				.single() == 1);
		List<String> leads = this.jdbc
			.sql("select email from app_user where role = 'SAFEGUARDING_LEAD' and enabled order by email")
			.query(String.class)
			.list();
		assertThat(leads).isNotEmpty();
		assertThat(this.jdbc.sql("select recipient from mail_outbox where dedupe_key like :key order by recipient")
			.param("key", "safeguarding:" + concern.get("id") + ":%")
			.query(String.class)
			.list()).isEqualTo(leads);
	}

	@Test
	void eachQuestionSaysWhatIsMissing() throws Exception {
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(step(session, "kind"))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("Select whether you want to tell us about a concern or a compliment")))
			.andExpect(content().string(containsString("<title>Error: ")));
		this.mvc.perform(step(session, "kind").param("kind", "COMPLIMENT"))
			.andExpect(redirectedUrl("/tell-us/service"));
		this.mvc.perform(step(session, "service").param("serviceId", "not-an-id"))
			.andExpect(content().string(containsString("Search for the service and choose it")));
		this.mvc
			.perform(step(session, "service").param("serviceId", "unknown")
				.param("serviceDescription", "The home on Fore Street"))
			.andExpect(redirectedUrl("/tell-us/what-happened"));
		this.mvc.perform(step(session, "what-happened").param("whatHappened", "x".repeat(1_000_000)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("What went well must be 10,000 characters or fewer")));
		this.mvc.perform(step(session, "what-happened").param("whatHappened", "\u0000\u200B  "))
			.andExpect(content().string(containsString("Enter what went well")));
		this.mvc
			.perform(step(session, "what-happened").param("whatHappened", "<script>alert(1)</script>Kind staff\u0000"))
			.andExpect(redirectedUrl("/tell-us/when"));
		this.mvc.perform(step(session, "when").param("whenDay", "31").param("whenMonth", "2").param("whenYear", "2026"))
			.andExpect(content().string(containsString("The date must be a real date")));
		this.mvc.perform(step(session, "when").param("whenDay", "1").param("whenMonth", "1").param("whenYear", "2999"))
			.andExpect(content().string(containsString("The date must be today or in the past")));
		this.mvc.perform(step(session, "when").param("whenDay", "").param("whenMonth", "").param("whenYear", ""))
			.andExpect(content().string(containsString("Enter the date it happened, or tell us roughly when")));
		this.mvc.perform(step(session, "when").param("whenDay", "2").param("whenMonth", "11").param("whenYear", "2026"))
			.andExpect(redirectedUrl("/tell-us/who-was-affected"));
		// A compliment skips the question about risk.
		this.mvc.perform(step(session, "who-was-affected")).andExpect(redirectedUrl("/tell-us/about-you"));
		this.mvc.perform(step(session, "about-you").param("reporterRole", "MANAGER"))
			.andExpect(content().string(containsString("Select which of these best describes you")));
		this.mvc.perform(step(session, "about-you").param("reporterRole", "MEMBER_OF_PUBLIC"))
			.andExpect(redirectedUrl("/tell-us/your-details"));
		this.mvc.perform(step(session, "your-details").param("giveDetails", "no"))
			.andExpect(redirectedUrl("/tell-us/check"));
		this.mvc.perform(get("/tell-us/check").session(session))
			.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;Kind staff")))
			.andExpect(content().string(not(containsString("<script>alert(1)"))))
			.andExpect(content().string(containsString("No, I want to stay anonymous")));
		String reference = send(session);
		var saved = this.jdbc
			.sql("select what_happened, anonymous, reporter_name, at_risk_now from concern where reference = :r")
			.param("r", reference)
			.query()
			.singleRow();
		assertThat(saved.get("what_happened")).isEqualTo("<script>alert(1)</script>Kind staff");
		assertThat(saved.get("anonymous")).isEqualTo(true);
		assertThat(saved.get("reporter_name")).isNull();
		assertThat(saved.get("at_risk_now")).isNull();
	}

	@Test
	void aPageOutOfTurnGoesBackToTheFirstUnansweredQuestion() throws Exception {
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(get("/tell-us/check").session(session)).andExpect(redirectedUrl("/tell-us/kind"));
		this.mvc.perform(get("/tell-us/no-such-question").session(session)).andExpect(status().isNotFound());
		this.mvc.perform(get("/tell-us/service").session(session)).andExpect(redirectedUrl("/tell-us/kind"));
	}

	@Test
	void robotsThatFillTheHiddenFieldAreThankedButNothingIsKept() throws Exception {
		MockHttpSession session = answered("Buy cheap watches", "NO", "");
		long before = count();
		this.mvc.perform(step(session, "check").param("website", "http://spam.example"))
			.andExpect(redirectedUrl("/tell-us/sent"));
		this.mvc.perform(get("/tell-us/sent").session(session))
			.andExpect(content().string(containsString("Thank you, we have received it")))
			.andExpect(content().string(not(containsString("PPMF-"))));
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void theFormNeedsNoSignInButStaysProtectedFromForgery() throws Exception {
		this.mvc.perform(get("/tell-us")).andExpect(status().isOk());
		this.mvc.perform(get("/tell-us/kind")).andExpect(status().isOk());
		this.mvc.perform(post("/tell-us/kind").param("kind", "CONCERN")).andExpect(status().isForbidden());
	}

	@Test
	void searchingForTheServiceFindsItByNameOrPostcode() throws Exception {
		var service = this.jdbc.sql(
				"select name, postcode from care_service where status = 'ACTIVE' and postcode is not null order by name limit 1")
			.query()
			.singleRow();
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(step(session, "kind").param("kind", "CONCERN"));
		String name = (String) service.get("name");
		this.mvc
			.perform(
					get("/tell-us/service").session(session).param("q", name.substring(0, Math.min(name.length(), 12))))
			.andExpect(content().string(containsString(org.springframework.web.util.HtmlUtils.htmlEscape(name))));
		this.mvc.perform(get("/tell-us/service").session(session).param("q", "zzzzqqqq"))
			.andExpect(content().string(containsString("No services match")));
	}

	private long count() {
		return this.jdbc.sql("select count(*) from concern").query(Long.class).single();
	}

}
