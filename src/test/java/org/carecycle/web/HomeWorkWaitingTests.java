package org.carecycle.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.carecycle.ApplicationTest;
import org.carecycle.SignIn;
import org.carecycle.concerns.AtRisk;
import org.carecycle.concerns.Channel;
import org.carecycle.concerns.Concern;
import org.carecycle.concerns.ConcernKind;
import org.carecycle.concerns.Concerns;
import org.carecycle.concerns.Report;
import org.carecycle.concerns.ReporterRole;
import org.carecycle.identity.AuditLog;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Each role's home page lists the work waiting for it, most urgent first, with counts
 * that follow the records and links to exactly those records; a provider's counts are of
 * its own services only. Counts are compared before and after the test's own records, as
 * other tests share the database.
 */
@ApplicationTest
class HomeWorkWaitingTests {

	private static final Pattern URGENCY = Pattern.compile("data-urgency=\"([A-Z_]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Concerns concerns;

	@Test
	void aQualityOfficerSeesANewConcernAmongThoseNotAssignedMostUrgentFirst() throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, Role.QA_OFFICER);
		long before = count(home(officer), "/concerns?view=UNASSIGNED", "not assigned");
		receive(providersService(true), "The lunch menu has not changed for a month and residents are bored.");
		String page = home(officer);
		assertThat(count(page, "/concerns?view=UNASSIGNED", "not assigned")).isEqualTo(before + 1);
		assertThat(page).contains("Work waiting for you");
		assertMostUrgentFirst(page);
		String list = this.mvc.perform(get("/concerns?view=UNASSIGNED").session(officer))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains("aria-current=\"page\"").contains("Not assigned");
	}

	@Test
	void aSafeguardingLeadSeesAFlaggedConcernWaitingForThem() throws Exception {
		MockHttpSession lead = SignIn.as(this.mvc, Role.SAFEGUARDING_LEAD);
		long before = count(home(lead), "/concerns?view=SAFEGUARDING", "safeguarding");
		Concern flagged = receive(providersService(true),
				"A carer slapped my father across the face and pushed him to the floor. He has bruises on his arms.");
		assertThat(this.jdbc.sql("select safeguarding_flag from concern where id = :id")
			.param("id", flagged.id())
			.query(Boolean.class)
			.single()).isTrue();
		String page = home(lead);
		assertThat(count(page, "/concerns?view=SAFEGUARDING", "safeguarding")).isEqualTo(before + 1);
		// other tests flag concerns too: look for this one in the list the link opens
		String list = this.mvc.perform(get("/concerns?view=SAFEGUARDING").param("q", flagged.reference()).session(lead))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains(flagged.reference());
	}

	@Test
	void aProviderSeesTheConcernsItMustAnswerAboutItsOwnServicesOnly() throws Exception {
		MockHttpSession provider = SignIn.as(this.mvc, Role.PROVIDER);
		long before = count(home(provider), "/my-organisation/concerns?waiting", "waiting for your answer");
		askProvider(receive(providersService(false), "Staff at the door were rude to visitors twice this week."));
		assertThat(count(home(provider), "/my-organisation/concerns?waiting", "waiting for your answer"))
			.as("a question to another provider")
			.isEqualTo(before);
		Concern own = receive(providersService(true), "Call bells rang for a long time at night last week.");
		askProvider(own);
		String page = home(provider);
		assertThat(count(page, "/my-organisation/concerns?waiting", "waiting for your answer")).isEqualTo(before + 1);
		assertMostUrgentFirst(page);
		assertThat(this.mvc.perform(get("/my-organisation/concerns?waiting").session(provider))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains(own.reference()).contains("Showing only the concerns waiting");
	}

	@Test
	void aCommissionerSeesTheContractsEndingSoon() throws Exception {
		MockHttpSession commissioner = SignIn.as(this.mvc, Role.COMMISSIONER);
		String page = home(commissioner);
		long ending = this.jdbc.sql("""
				select count(*) from contract where starts_on <= current_date and ends_on >= current_date
				and ends_on < current_date + interval '6 months'""").query(Long.class).single();
		assertThat(ending).isPositive();
		assertThat(count(page, "/contracts?endingSoon=true", "in the next 6 months")).isEqualTo(ending);
		assertMostUrgentFirst(page);
	}

	@Test
	void anAdministratorSeesSomeoneKeptFromSigningIn() throws Exception {
		MockHttpSession admin = SignIn.as(this.mvc, Role.ADMIN);
		long before = count(home(admin), "/admin/audit?action=SIGN_IN_FAILED", "kept from signing in");
		String subject = "email:locked-" + UUID.randomUUID() + "@example.org";
		this.jdbc.sql("insert into sign_in_attempts (subject, attempts, window_started_at) values (:s, 9, now())")
			.param("s", subject)
			.update();
		try {
			assertThat(count(home(admin), "/admin/audit?action=SIGN_IN_FAILED", "kept from signing in"))
				.isEqualTo(before + 1);
		}
		finally {
			this.jdbc.sql("delete from sign_in_attempts where subject = :s").param("s", subject).update();
		}
	}

	@Test
	void aCaseManagerIsToldNothingIsWaiting() throws Exception {
		assertThat(home(SignIn.as(this.mvc, Role.CASE_MANAGER))).contains("Nothing is waiting for you today.");
	}

	private String home(MockHttpSession session) throws Exception {
		return this.mvc.perform(get("/").session(session)).andReturn().getResponse().getContentAsString();
	}

	/**
	 * The count shown by the to-do item that links to a page and says a phrase; 0 if
	 * none.
	 */
	private static long count(String page, String link, String phrase) {
		Matcher item = Pattern
			.compile("href=\"" + Pattern.quote(link.replace("&", "&amp;")) + "\"[^>]*>([^<]*" + Pattern.quote(phrase)
					+ "[^<]*)</a>")
			.matcher(page);
		if (!item.find()) {
			return 0;
		}
		Matcher number = Pattern.compile("^(\\d[\\d,]*) ").matcher(item.group(1).strip());
		assertThat(number.find()).as("a count in \"%s\"", item.group(1)).isTrue();
		return Long.parseLong(number.group(1).replace(",", ""));
	}

	private static void assertMostUrgentFirst(String page) {
		List<WorkItem.Urgency> order = new ArrayList<>();
		Matcher urgency = URGENCY.matcher(page);
		while (urgency.find()) {
			order.add(WorkItem.Urgency.valueOf(urgency.group(1)));
		}
		assertThat(order).isNotEmpty().isSorted();
	}

	/** An active service of the demo provider's organisation, or of another one. */
	private UUID providersService(boolean demoProvider) {
		return this.jdbc.sql("""
				select s.id from care_service s
				where s.status = 'ACTIVE' and (s.provider_id = (select provider_id from app_user where email = :email))
				      = :own
				order by s.name limit 1""")
			.param("email", SignIn.DEMO_EMAILS.get(Role.PROVIDER))
			.param("own", demoProvider)
			.query(UUID.class)
			.single();
	}

	private Concern receive(UUID service, String whatHappened) {
		Report report = new Report(ConcernKind.CONCERN, service, null, whatHappened, null, "This week", null, AtRisk.NO,
				ReporterRole.RELATIVE_OR_FRIEND, true, null, null, null, false);
		return AuditLog.asSystem("test",
				() -> this.concerns.receive(report, Channel.PUBLIC_FORM, UUID.randomUUID(), Instant.now()));
	}

	/** The officer assesses the concern and asks its provider for a response. */
	private void askProvider(Concern concern) throws Exception {
		MockHttpSession officer = SignIn.as(this.mvc, Role.QA_OFFICER);
		int version = this.jdbc.sql("select version from concern where id = :id")
			.param("id", concern.id())
			.query(Integer.class)
			.single();
		this.mvc
			.perform(post("/concerns/" + concern.id() + "/assess").session(officer)
				.param("version", String.valueOf(version))
				.param("themes", "STAFFING_LEVELS")
				.param("likelihood", "2")
				.param("impact", "2")
				.param("action", "ASK_PROVIDER")
				.param("rationale", "Ask the provider what happened.")
				.param("providerSummary", "We have heard that people waited for help. Please tell us what happened.")
				.param("step", "send")
				.param("summaryChecked", "yes")
				.with(csrf()))
			.andExpect(redirectedUrl("/concerns/" + concern.id()));
	}

}
