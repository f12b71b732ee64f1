package org.carecycle.concerns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.carecycle.ApplicationTest;
import org.carecycle.HostileValues;
import org.carecycle.SignIn;
import org.carecycle.identity.AuditLog;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Nothing reaches the provider until the officer has written the summary, seen the
 * details in it that might identify the person who told us, and confirmed they checked
 * it; twice when that person works at the service. The provider then sees exactly what
 * was approved.
 */
@ApplicationTest
class ProviderSummaryCheckTests {

	/** The outside tester's example: a staff member's own words. */
	static final String STAFF_REPORT = "Kez here, night carer on Rose wing. J.B. and Tom on lates leave residents "
			+ "wet for hours. Email me on kez dot pascoe at gmail dot com.";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Concerns concerns;

	private Concern received(ReporterRole role, String whatHappened) {
		UUID service = ConcernFixtures.demoProvidersService(this.jdbc);
		Report report = new Report(ConcernKind.CONCERN, service, null, whatHappened, null, "Last week", "Residents",
				AtRisk.NO, role, false, "Kerensa Pascoe", "kez.pascoe@example.org", "07700 900123", true);
		return AuditLog.asSystem("test",
				() -> this.concerns.receive(report, Channel.PUBLIC_FORM, UUID.randomUUID(), Instant.now()));
	}

	private MockHttpServletRequestBuilder assess(Concern concern, MockHttpSession officer, String summary) {
		return post("/concerns/" + concern.id() + "/assess").session(officer)
			.param("version", String.valueOf(ConcernFixtures.version(this.jdbc, concern.id())))
			.param("themes", "DIGNITY_AND_RESPECT")
			.param("likelihood", "3")
			.param("impact", "3")
			.param("action", "ASK_PROVIDER")
			.param("rationale", "Ask how continence care is given at night.")
			.param("providerSummary", summary)
			.with(csrf());
	}

	private long requests(Concern concern) {
		return this.jdbc.sql("select count(*) from concern_provider_request where concern_id = :id")
			.param("id", concern.id())
			.query(Long.class)
			.single();
	}

	private long providerEmails(Concern concern) {
		return this.jdbc.sql("""
				select count(*) from mail_outbox m join concern_provider_request r
				  on m.dedupe_key like 'provider-request:' || r.id || ':%'
				where r.concern_id = :id""").param("id", concern.id()).query(Long.class).single();
	}

	private List<String> audited(Concern concern) {
		return this.jdbc
			.sql("select summary from audit_event where record_type = 'concern' and record_id = :id order by id")
			.param("id", concern.id().toString())
			.query(String.class)
			.list();
	}

	/** A piece of text as the check page highlights it. */
	private static String marked(String text) {
		return "</span>" + text + "<span class=\"govuk-visually-hidden\">(end of highlight)</span></mark>";
	}

	@Test
	void theDraftCopiesNoneOfWhatThePersonWrote() throws Exception {
		Concern concern = received(ReporterRole.STAFF_MEMBER, STAFF_REPORT);
		MockHttpSession officer = SignIn.as(this.mvc, Role.QA_OFFICER);
		String page = this.mvc.perform(get("/concerns/" + concern.id() + "/assess").session(officer))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String draft = HtmlUtils
			.htmlUnescape(page.substring(page.indexOf('>', page.indexOf("id=\"providerSummary\"")) + 1,
					page.indexOf("</textarea>", page.indexOf("id=\"providerSummary\""))));
		assertThat(draft).startsWith("We have received a concern about").contains("[");
		// no run of three words of the report, and none of the reporter's details
		String[] words = STAFF_REPORT.split("\\s+");
		for (int i = 0; i + 3 <= words.length; i++) {
			String run = String.join(" ", words[i], words[i + 1], words[i + 2]);
			assertThat(draft).as("draft").doesNotContain(run);
		}
		assertThat(draft).doesNotContain("Kez", "Rose", "J.B.", "Tom", "Kerensa", "Pascoe", "gmail", "07700");
		// and it cannot be sent as it is: the words in square brackets are for the
		// officer
		this.mvc.perform(assess(concern, officer, draft).param("step", "send").param("summaryChecked", "yes"))
			.andExpect(result -> assertThat(result.getResponse().getContentAsString()).contains("govuk-error-summary",
					"Replace the words in square brackets"));
		assertThat(requests(concern)).isZero();
	}

	@Test
	void theCheckHighlightsWhatMightIdentifySomeoneAndNothingIsSentWithoutConfirmation() throws Exception {
		Concern concern = received(ReporterRole.RELATIVE_OR_FRIEND, "My dad was left wet.");
		MockHttpSession officer = SignIn.as(this.mvc, Role.QA_OFFICER);
		String summary = "A carer on Rose wing, Tom, leaves people wet at night. Kerensa saw it on 3rd March at 2am.";
		String check = this.mvc.perform(assess(concern, officer, summary))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(check).contains("Check what the provider will see",
				"We found these details that might identify someone",
				"CareCycle looked for names, initials, roles and shifts, places in the building, dates and times, "
						+ "and contact details. It cannot find everything: read it as the provider would.",
				"I have checked that this summary does not identify the person who told us");
		assertThat(check).contains(marked("Rose wing"), marked("Tom"), marked("3rd March"), marked("2am"),
				marked("Kerensa"), "Highlighted, a place in the building:", "Highlighted, a name:",
				"Highlighted, from the name or email address of the person who told us:");
		assertThat(check).doesNotContain("id=\"colleagueChecked\"");
		assertThat(requests(concern)).as("nothing sent from the check page").isZero();
		assertThat(ConcernFixtures.version(this.jdbc, concern.id())).as("nothing saved").isEqualTo(concern.version());

		// Send without confirming: a GOV.UK error, nothing sent.
		String refused = this.mvc.perform(assess(concern, officer, summary).param("step", "send"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("govuk-error-summary", "href=\"#summaryChecked\"",
				"Confirm you have checked that the summary does not identify the person who told us");
		assertThat(requests(concern)).isZero();
		assertThat(providerEmails(concern)).isZero();
		assertThat(this.jdbc.sql("select status from concern where id = :id")
			.param("id", concern.id())
			.query(String.class)
			.single()).isEqualTo("NEW");
	}

	@Test
	void aWhistleblowersConcernNeedsASecondConfirmationAndTheProviderSeesExactlyTheApprovedSummary() throws Exception {
		Concern concern = received(ReporterRole.STAFF_MEMBER, STAFF_REPORT);
		MockHttpSession officer = SignIn.as(this.mvc, Role.QA_OFFICER);
		String summary = "We have received a concern about continence care at night & how people are kept clean "
				+ "and dry.\nPlease tell us how you check <night-time> care, and what your records show.";
		String check = this.mvc.perform(assess(concern, officer, summary))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(check).contains("govuk-warning-text", "The person who told us works at this service",
				"id=\"colleagueChecked\"");

		String refused = this.mvc
			.perform(assess(concern, officer, summary).param("step", "send").param("summaryChecked", "yes"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("govuk-error-summary",
				"Confirm you have checked that nothing in the summary would let their employer work out who told us");
		assertThat(requests(concern)).isZero();

		MockHttpServletResponse sent = this.mvc
			.perform(assess(concern, officer, summary).param("step", "send")
				.param("summaryChecked", "yes")
				.param("colleagueChecked", "yes"))
			.andReturn()
			.getResponse();
		assertThat(sent.getRedirectedUrl()).isEqualTo("/concerns/" + concern.id());
		assertThat(audited(concern)).anyMatch(line -> line != null && line.contains("second check confirmed"));
		UUID request = this.jdbc
			.sql("select id from concern_provider_request where concern_id = :id and summary = :summary")
			.param("id", concern.id())
			.param("summary", summary)
			.query(UUID.class)
			.single();
		assertThat(providerEmails(concern)).isPositive();

		MockHttpSession provider = SignIn.as(this.mvc, Role.PROVIDER);
		String portal = this.mvc.perform(get("/my-organisation/concerns/" + request).session(provider))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(portal).contains(HtmlUtils.htmlEscape(summary));
		assertThat(portal).doesNotContain("Kez", "Rose wing", "J.B.", "Pascoe", "gmail", "leave residents");
	}

	@Test
	void anOrdinaryConcernIsSentOnceTheOfficerConfirmsAndTheAuditLogSaysSo() throws Exception {
		Concern concern = received(ReporterRole.RELATIVE_OR_FRIEND, "My dad was left wet.");
		MockHttpSession officer = SignIn.as(this.mvc, Role.QA_OFFICER);
		String summary = "Please tell us how you make sure people are kept clean and dry.";
		this.mvc.perform(assess(concern, officer, summary).param("step", "send").param("summaryChecked", "yes"))
			.andExpect(result -> assertThat(result.getResponse().getRedirectedUrl())
				.isEqualTo("/concerns/" + concern.id()));
		assertThat(requests(concern)).isOne();
		assertThat(audited(concern))
			.anyMatch(line -> line != null && line.contains("Provider summary checked by the officer"));
		// the service refuses a summary the officer did not confirm, whatever the page
		assertThat(new ProviderSummary("x", false, false)).satisfies(s -> {
			try {
				s.requireChecks(ReporterRole.MEMBER_OF_PUBLIC);
				throw new AssertionError("accepted an unchecked summary");
			}
			catch (IllegalArgumentException expected) {
				// refused
			}
		});
	}

	@Test
	void hostileSummariesAreShownOnTheCheckAsTextNeverAsMarkupNorAServerError() throws Exception {
		Concern concern = received(ReporterRole.STAFF_MEMBER, "Hostile test.");
		MockHttpSession officer = SignIn.as(this.mvc, Role.QA_OFFICER);
		List<String> failures = new ArrayList<>();
		for (String value : HostileValues.ALL) {
			for (String step : new String[] { null, "send", "change" }) {
				MockHttpServletRequestBuilder request = assess(concern, officer, "Please tell us about " + value)
					.param("summaryChecked", value)
					.param("colleagueChecked", value);
				if (step != null) {
					request = request.param("step", step);
				}
				MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
				String body = response.getContentAsString();
				if (response.getStatus() >= 500) {
					failures.add(response.getStatus() + " for " + value.substring(0, Math.min(value.length(), 30)));
				}
				if (body.contains(HostileValues.SCRIPT) || body.contains("<img src=x onerror")
						|| body.contains("<svg/onload")) {
					failures.add("markup for " + value.substring(0, Math.min(value.length(), 30)));
				}
			}
		}
		assertThat(failures).isEmpty();
		assertThat(requests(concern)).as("a hostile checkbox value is not a confirmation").isZero();
	}

}
