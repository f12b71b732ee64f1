package org.carecycle.safeguarding;

import java.time.LocalDate;
import java.util.List;

import org.carecycle.ApplicationTest;
import org.carecycle.SignIn;
import org.carecycle.identity.AuditLog;
import org.carecycle.shared.Role;
import org.carecycle.shared.UkTime;
import org.carecycle.shared.WorkingDays;
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
 * An enquiry caused to a provider: its users are emailed, see in their portal only what
 * they are asked and by when, send their findings back to the council, and are chased
 * when late, by working days, once per chase however often the job runs.
 */
@ApplicationTest
class CausedEnquiryTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkingDays workingDays;

	@Autowired
	EnquiryChasing chasing;

	EnquiryFixtures fixtures;

	MockHttpSession lead;

	MockHttpSession provider;

	@BeforeEach
	void setUp() throws Exception {
		this.fixtures = new EnquiryFixtures(this.jdbc);
		this.lead = SignIn.as(this.mvc, Role.SAFEGUARDING_LEAD);
		this.provider = SignIn.as(this.mvc, Role.PROVIDER);
	}

	private MockHttpServletResponse send(MockHttpSession session, String path, String... fields) throws Exception {
		var request = post(path).session(session).with(csrf());
		for (int i = 0; i < fields.length; i += 2) {
			request.param(fields[i], fields[i + 1]);
		}
		return this.mvc.perform(request).andReturn().getResponse();
	}

	private MockHttpServletResponse open(MockHttpSession session, String path) throws Exception {
		return this.mvc.perform(get(path).session(session)).andReturn().getResponse();
	}

	private List<String> mail(String keyPrefix, String column) {
		return this.jdbc.sql("select " + column + " from mail_outbox where dedupe_key like :k order by dedupe_key")
			.param("k", keyPrefix + "%")
			.query(String.class)
			.list();
	}

	@Test
	void theProviderIsEmailedSeesOnlyWhatItIsAskedAndItsFindingsReachTheLead() throws Exception {
		EnquiryFixtures.Case c = this.fixtures.create(this.fixtures.demoProvider(), null);
		LocalDate today = LocalDate.now(UkTime.ZONE);
		send(this.lead, c.page() + "/planning", "version", "0", "heldOnDay", "" + today.getDayOfMonth(), "heldOnMonth",
				"" + today.getMonthValue(), "heldOnYear", "" + today.getYear(), "participants", "Lead", "notes",
				"Ask the home");
		assertThat(open(this.lead, c.page() + "/maker").getContentAsString())
			.contains("value=\"" + this.fixtures.demoProvider() + "\" selected=\"selected\"");
		assertThat(send(this.lead, c.page() + "/maker", "version", "1", "madeBy", "PROVIDER", "providerId",
				this.fixtures.demoProvider().toString(), "request", "Please review the night staffing rota")
			.getRedirectedUrl()).isEqualTo(c.page());
		assertThat(this.fixtures.status(c)).isEqualTo("AWAITING_PROVIDER");
		assertThat(this.jdbc.sql("select caused_due_on from safeguarding_enquiry where id = :id")
			.param("id", c.enquiryId())
			.query(LocalDate.class)
			.single()).isEqualTo(this.workingDays.addWorkingDays(today, 10));
		String causedKey = "sg-enquiry-caused:" + c.enquiryId() + ":";
		assertThat(mail(causedKey, "recipient")).contains("provider@carecycle.example");
		assertThat(String.join("\n", mail(causedKey, "body")))
			.contains("/my-organisation/safeguarding/" + c.enquiryId())
			.doesNotContain(EnquiryFixtures.ORIGINAL_WORDS)
			.doesNotContain("night staffing");

		assertThat(open(this.provider, "/my-organisation/safeguarding").getContentAsString()).contains(c.reference());
		String portal = open(this.provider, "/my-organisation/safeguarding/" + c.enquiryId()).getContentAsString();
		assertThat(portal).contains("Please review the night staffing rota", c.reference())
			.doesNotContain("Pemberton", "bruises", "A.B.", "physical harm", "Test Home", "Care needs, abuse");
		assertThat(this.jdbc
			.sql("select count(*) from safeguarding_case_access where concern_id = :id and page = 'PROVIDER_ENQUIRY'")
			.param("id", c.concernId())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(open(this.provider, "/").getContentAsString()).contains("waiting for your findings");
		assertThat(open(this.lead, c.page()).getContentAsString()).contains("Waiting for the provider");

		assertThat(send(this.provider, "/my-organisation/safeguarding/" + c.enquiryId(), "findings", "")
			.getContentAsString()).contains("Enter your findings");
		assertThat(send(this.provider, "/my-organisation/safeguarding/" + c.enquiryId(), "findings",
				"Rota checked; two night staff added")
			.getRedirectedUrl()).isEqualTo("/my-organisation/safeguarding/" + c.enquiryId());
		assertThat(this.fixtures.status(c)).isEqualTo("IN_PROGRESS");
		send(this.provider, "/my-organisation/safeguarding/" + c.enquiryId(), "findings", "Second try");
		assertThat(this.jdbc.sql("select caused_response from safeguarding_enquiry where id = :id")
			.param("id", c.enquiryId())
			.query(String.class)
			.single()).isEqualTo("Rota checked; two night staff added");
		assertThat(open(this.lead, c.page()).getContentAsString()).contains("Rota checked; two night staff added");
		assertThat(mail("sg-enquiry-findings:" + c.enquiryId() + ":", "recipient"))
			.contains("safeguarding@carecycle.example");
		assertThat(open(this.lead, "/").getContentAsString())
			.contains("sent findings for an enquiry still to conclude");
		assertThat(this.jdbc.sql("select kind from safeguarding_step where enquiry_id = :id order by id")
			.param("id", c.enquiryId())
			.query(String.class)
			.list()).containsExactly("ENQUIRY_PLANNED", "ENQUIRY_CAUSED", "ENQUIRY_FINDINGS_RECEIVED");
	}

	@Test
	void chasingCountsWorkingDaysPastChristmasAndSendsEachChaseOnce() {
		EnquiryFixtures.Case c = this.fixtures.create(this.fixtures.demoProvider(), null);
		this.jdbc.sql("""
				update safeguarding_enquiry set status = 'AWAITING_PROVIDER', made_by = 'CAUSED',
				    planning_held_on = date '2026-12-01', caused_to_provider_id = :p, caused_to_name = 'The provider',
				    caused_request = 'Look into it', caused_at = now(), caused_due_on = date '2026-12-24'
				where id = :id""").param("p", this.fixtures.demoProvider()).param("id", c.enquiryId()).update();
		// Friday 25 and Monday 28 December 2026 are bank holidays: the first working day
		// after Thursday 24 December is Tuesday 29
		for (String day : List.of("2026-12-24", "2026-12-25", "2026-12-26", "2026-12-27", "2026-12-28")) {
			chase(day);
		}
		assertThat(chaseCount(c)).isZero();
		chase("2026-12-29");
		chase("2026-12-29");
		assertThat(chaseCount(c)).isEqualTo(1);
		List<String> first = mail("sg-enquiry-chase:" + c.enquiryId() + ":1:", "recipient");
		assertThat(first).contains("provider@carecycle.example").doesNotHaveDuplicates();
		assertThat(String.join("", mail("sg-enquiry-chase:" + c.enquiryId() + ":1:", "body")))
			.contains("were due on 24 December 2026 and are now 1 working day overdue");
		// five working days later: 30, 31 December, 4, 5 and 6 January (1 January is a
		// bank
		// holiday)
		chase("2027-01-05");
		assertThat(chaseCount(c)).isEqualTo(1);
		chase("2027-01-06");
		chase("2027-01-06");
		assertThat(chaseCount(c)).isEqualTo(2);
		assertThat(mail("sg-enquiry-chase:" + c.enquiryId() + ":", "recipient")).hasSize(2 * first.size());
		assertThat(this.jdbc
			.sql("select count(*) from safeguarding_step where enquiry_id = :id and kind = 'ENQUIRY_CHASED'")
			.param("id", c.enquiryId())
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void aProviderNeverReachesAnotherOrganisationsEnquiry() throws Exception {
		EnquiryFixtures.Case c = this.fixtures.create(this.fixtures.otherProvider(), null);
		this.jdbc.sql("""
				update safeguarding_enquiry set status = 'AWAITING_PROVIDER', made_by = 'CAUSED',
				    caused_to_provider_id = :p, caused_to_name = 'Another', caused_request = 'Secret request',
				    caused_at = now(), caused_due_on = current_date + 5
				where id = :id""").param("p", this.fixtures.otherProvider()).param("id", c.enquiryId()).update();
		MockHttpServletResponse page = open(this.provider, "/my-organisation/safeguarding/" + c.enquiryId());
		assertThat(page.getStatus()).isEqualTo(404);
		assertThat(page.getContentAsString()).doesNotContain("Secret request");
		assertThat(
				send(this.provider, "/my-organisation/safeguarding/" + c.enquiryId(), "findings", "Ours").getStatus())
			.isEqualTo(404);
		assertThat(this.fixtures.status(c)).isEqualTo("AWAITING_PROVIDER");
		assertThat(open(this.provider, "/my-organisation/safeguarding").getContentAsString())
			.doesNotContain(c.reference());
		assertThat(open(this.provider, "/my-organisation/safeguarding/not-an-id").getStatus()).isEqualTo(404);
		// nor the council's pages of the case
		assertThat(open(this.provider, c.page()).getStatus()).isIn(403, 404);
	}

	private void chase(String day) {
		AuditLog.asSystem("test", () -> this.chasing.run(LocalDate.parse(day)));
	}

	private int chaseCount(EnquiryFixtures.Case c) {
		return this.jdbc.sql("select chase_count from safeguarding_enquiry where id = :id")
			.param("id", c.enquiryId())
			.query(Integer.class)
			.single();
	}

}
