package org.carecycle.safeguarding;

import java.time.LocalDate;
import java.util.UUID;

import org.carecycle.ApplicationTest;
import org.carecycle.SignIn;
import org.carecycle.shared.Role;
import org.carecycle.shared.WorkingDays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * An enquiry from planning to closure through its pages, the rules of the Safeguarding
 * Adults Collection on what is asked when, the guards on its steps and stale edits.
 */
@ApplicationTest
class EnquiryFlowTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkingDays workingDays;

	EnquiryFixtures fixtures;

	MockHttpSession lead;

	@BeforeEach
	void setUp() throws Exception {
		this.fixtures = new EnquiryFixtures(this.jdbc);
		this.lead = SignIn.as(this.mvc, Role.SAFEGUARDING_LEAD);
	}

	MockHttpServletResponse send(MockHttpSession session, String path, String... fields) throws Exception {
		MockHttpServletRequestBuilder request = post(path).session(session).with(csrf());
		for (int i = 0; i < fields.length; i += 2) {
			request.param(fields[i], fields[i + 1]);
		}
		return this.mvc.perform(request).andReturn().getResponse();
	}

	String page(MockHttpSession session, String path) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(path).session(session)).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString();
	}

	String version(EnquiryFixtures.Case c) {
		return Integer.toString(this.fixtures.version(c));
	}

	void plan(EnquiryFixtures.Case c) throws Exception {
		LocalDate today = LocalDate.now(org.carecycle.shared.UkTime.ZONE);
		assertThat(
				send(this.lead, c.page() + "/planning", "version", version(c), "heldOnDay", "" + today.getDayOfMonth(),
						"heldOnMonth", "" + today.getMonthValue(), "heldOnYear", "" + today.getYear(), "participants",
						"Lead, the adult, daughter", "notes", "The council will look at the care records")
					.getRedirectedUrl())
			.isEqualTo(c.page());
	}

	void byCouncil(EnquiryFixtures.Case c) throws Exception {
		plan(c);
		assertThat(send(this.lead, c.page() + "/maker", "version", version(c), "madeBy", "COUNCIL").getRedirectedUrl())
			.isEqualTo(c.page());
	}

	@Test
	void aLeadTakesAnEnquiryFromPlanningToClosureAndTheConcernClosesWithIt() throws Exception {
		EnquiryFixtures.Case c = this.fixtures.create(this.fixtures.demoProvider(), null);
		assertThat(page(this.lead, c.page())).contains("Planning discussion", "Not yet started", "Cannot start yet");
		byCouncil(c);
		assertThat(this.fixtures.status(c)).isEqualTo("IN_PROGRESS");
		assertThat(send(this.lead, c.page() + "/capacity", "version", version(c), "lackedCapacity", "YES",
				"advocacySupport", "YES")
			.getRedirectedUrl()).isEqualTo(c.page());
		assertThat(send(this.lead, c.page() + "/outcomes", "version", version(c), "outcomesAsked", "ASKED_EXPRESSED",
				"desiredOutcomes", "I want to feel safe at night")
			.getRedirectedUrl()).isEqualTo(c.page());
		LocalDate today = LocalDate.now(org.carecycle.shared.UkTime.ZONE);
		assertThat(send(this.lead, c.page() + "/conclusion", "version", version(c), "actionAndResult",
				"RISK_IDENTIFIED_ACTION_TAKEN", "riskOutcome", "REDUCED", "outcomesAchieved", "FULLY", "protectionPlan",
				"Night checks every hour", "conclusion", "Neglect at night substantiated", "concludedOnDay",
				"" + today.getDayOfMonth(), "concludedOnMonth", "" + today.getMonthValue(), "concludedOnYear",
				"" + today.getYear())
			.getRedirectedUrl()).isEqualTo(c.page());
		String concluded = page(this.lead, c.page());
		assertThat(concluded).contains("Risk identified and action taken", "Risk reduced", "Fully achieved",
				"I want to feel safe at night", "Night checks every hour");
		assertThat(send(this.lead, c.page() + "/close", "version", version(c)).getRedirectedUrl()).isEqualTo(c.page());
		assertThat(this.fixtures.status(c)).isEqualTo("CLOSED");
		assertThat(this.jdbc
			.sql("select status || ':' || (closed_at is not null) from safeguarding_concern where id = :id")
			.param("id", c.concernId())
			.query(String.class)
			.single()).isEqualTo("CLOSED:true");
		assertThat(this.jdbc.sql("select kind from safeguarding_step where enquiry_id = :id order by id")
			.param("id", c.enquiryId())
			.query(String.class)
			.list()).containsExactly("ENQUIRY_PLANNED", "ENQUIRY_MADE_BY_COUNCIL", "ENQUIRY_CAPACITY",
					"ENQUIRY_OUTCOMES_ASKED", "ENQUIRY_CONCLUDED", "ENQUIRY_CLOSED");
		assertThat(this.jdbc.sql("select count(*) from audit_event where record_id = :id")
			.param("id", c.enquiryId().toString())
			.query(Long.class)
			.single()).isEqualTo(6);
		assertThat(this.jdbc
			.sql("select count(*) from safeguarding_case_access where concern_id = :id and page = 'ENQUIRY'")
			.param("id", c.concernId())
			.query(Long.class)
			.single()).isPositive();
		assertThat(page(this.lead, c.page())).contains("Enquiry and concern closed")
			.doesNotContain("/enquiry/planning\"");
	}

	@Test
	void stepsTakenOutOfOrderAreRefusedWithASentence() throws Exception {
		EnquiryFixtures.Case c = this.fixtures.create(this.fixtures.demoProvider(), null);
		assertThat(
				send(this.lead, c.page() + "/maker", "version", version(c), "madeBy", "COUNCIL").getContentAsString())
			.contains("Record the planning discussion before deciding who makes the enquiry.");
		plan(c);
		assertThat(send(this.lead, c.page() + "/capacity", "version", version(c), "lackedCapacity", "NO")
			.getContentAsString()).contains("Decide who makes the enquiry before recording mental capacity.");
		send(this.lead, c.page() + "/maker", "version", version(c), "madeBy", "COUNCIL");
		LocalDate today = LocalDate.now(org.carecycle.shared.UkTime.ZONE);
		assertThat(
				send(this.lead, c.page() + "/conclusion", "version", version(c), "actionAndResult", "NO_RISK_NO_ACTION",
						"conclusion", "Nothing found", "concludedOnDay", "" + today.getDayOfMonth(), "concludedOnMonth",
						"" + today.getMonthValue(), "concludedOnYear", "" + today.getYear())
					.getContentAsString())
			.contains("Record whether the adult lacked capacity before concluding the enquiry.");
		assertThat(send(this.lead, c.page() + "/close", "version", version(c)).getContentAsString())
			.contains("Conclude the enquiry before closing it.");
		assertThat(this.fixtures.status(c)).isEqualTo("IN_PROGRESS");
	}

	@Test
	void anEditFromAStalePageIsRefusedWithTheChangedBySomeoneElseMessage() throws Exception {
		EnquiryFixtures.Case c = this.fixtures.create(this.fixtures.demoProvider(), null);
		String stale = version(c);
		plan(c);
		String page = send(this.lead, c.page() + "/planning", "version", stale, "heldOnDay", "1", "heldOnMonth", "12",
				"heldOnYear", "2026", "participants", "Someone else", "notes", "Overwritten?")
			.getContentAsString();
		assertThat(page)
			.contains("This enquiry was changed by someone else. Check the latest version below and try again.");
		assertThat(this.jdbc.sql("select planning_notes from safeguarding_enquiry where id = :id")
			.param("id", c.enquiryId())
			.query(String.class)
			.single()).isEqualTo("The council will look at the care records");
	}

	@Test
	void theRiskOutcomeIsAskedOnlyWhenARiskOrInconclusiveAssessmentLedToAction() throws Exception {
		EnquiryFixtures.Case c = this.fixtures.create(this.fixtures.demoProvider(), null);
		byCouncil(c);
		send(this.lead, c.page() + "/capacity", "version", version(c), "lackedCapacity", "NO");
		send(this.lead, c.page() + "/outcomes", "version", version(c), "outcomesAsked", "NOT_ASKED");
		LocalDate today = LocalDate.now(org.carecycle.shared.UkTime.ZONE);
		String[] date = { "concludedOnDay", "" + today.getDayOfMonth(), "concludedOnMonth", "" + today.getMonthValue(),
				"concludedOnYear", "" + today.getYear() };
		String withRiskButNoAction = send(this.lead, c.page() + "/conclusion", concat(date, "version", version(c),
				"actionAndResult", "NO_RISK_NO_ACTION", "riskOutcome", "REMOVED", "conclusion", "x"))
			.getContentAsString();
		assertThat(withRiskButNoAction).contains(
				"Only select what happened to the risk when a risk was identified or inconclusive and action was taken");
		String withoutRisk = send(this.lead, c.page() + "/conclusion",
				concat(date, "version", version(c), "actionAndResult", "INCONCLUSIVE_ACTION_TAKEN", "conclusion", "x"))
			.getContentAsString();
		assertThat(withoutRisk).contains("Select what happened to the risk");
		String achievedNotExpressed = send(this.lead, c.page() + "/conclusion", concat(date, "version", version(c),
				"actionAndResult", "NO_RISK_ACTION_TAKEN", "outcomesAchieved", "FULLY", "conclusion", "x"))
			.getContentAsString();
		assertThat(achievedNotExpressed)
			.contains("Only record whether outcomes were achieved when the adult expressed some");
		assertThat(this.fixtures.status(c)).isEqualTo("IN_PROGRESS");
		assertThat(send(this.lead, c.page() + "/conclusion", concat(date, "version", version(c), "actionAndResult",
				"NO_RISK_ACTION_TAKEN", "conclusion", "Advice given"))
			.getRedirectedUrl()).isEqualTo(c.page());
		assertThat(this.jdbc.sql(
				"select coalesce(risk_outcome, '-') || coalesce(outcomes_achieved, '-') from safeguarding_enquiry where id = :id")
			.param("id", c.enquiryId())
			.query(String.class)
			.single()).isEqualTo("--");
	}

	@Test
	void outcomesAchievedAreRequiredWhenTheAdultExpressedOutcomes() throws Exception {
		EnquiryFixtures.Case c = this.fixtures.create(this.fixtures.demoProvider(), null);
		byCouncil(c);
		send(this.lead, c.page() + "/capacity", "version", version(c), "lackedCapacity", "DONT_KNOW");
		assertThat(send(this.lead, c.page() + "/outcomes", "version", version(c), "outcomesAsked", "ASKED_EXPRESSED")
			.getContentAsString()).contains("Enter the outcomes the adult wanted, in their words");
		assertThat(send(this.lead, c.page() + "/outcomes", "version", version(c), "outcomesAsked", "NOT_ASKED",
				"desiredOutcomes", "To go home")
			.getContentAsString())
			.contains("Only write the outcomes they wanted when they were asked and expressed some");
		send(this.lead, c.page() + "/outcomes", "version", version(c), "outcomesAsked", "ASKED_EXPRESSED",
				"desiredOutcomes", "To go home");
		String page = send(this.lead, c.page() + "/conclusion", "version", version(c), "actionAndResult",
				"RISK_IDENTIFIED_ACTION_TAKEN", "riskOutcome", "REMAINED", "conclusion", "x", "concludedOnDay", "1",
				"concludedOnMonth", "12", "concludedOnYear", "2026")
			.getContentAsString();
		assertThat(page).contains("Select whether the outcomes the adult wanted were achieved");
	}

	@Test
	void advocacyIsAskedOnlyWhenTheAdultLackedCapacity() throws Exception {
		EnquiryFixtures.Case c = this.fixtures.create(this.fixtures.demoProvider(), null);
		byCouncil(c);
		assertThat(send(this.lead, c.page() + "/capacity", "version", version(c), "lackedCapacity", "NO",
				"advocacySupport", "YES")
			.getContentAsString()).contains("Only answer whether support was provided when the adult lacked capacity");
		assertThat(send(this.lead, c.page() + "/capacity", "version", version(c), "lackedCapacity", "YES")
			.getContentAsString()).contains("Select whether support was provided by an advocate, family or friend");
		assertThat(send(this.lead, c.page() + "/capacity", "version", version(c), "lackedCapacity", "NOT_KNOWN")
			.getContentAsString())
			.contains("Select whether the adult lacked capacity to make decisions about the enquiry");
		assertThat(send(this.lead, c.page() + "/capacity", "version", version(c), "lackedCapacity", "NOT_RECORDED")
			.getRedirectedUrl()).isEqualTo(c.page());
		assertThat(this.jdbc.sql(
				"select lacked_capacity || ':' || coalesce(advocacy_support, '-') from safeguarding_enquiry where id = :id")
			.param("id", c.enquiryId())
			.query(String.class)
			.single()).isEqualTo("NOT_RECORDED:-");
	}

	@Test
	void theLeadSeesHowLongACausedEnquiryIsOverdueAndHowOftenItWasChased() throws Exception {
		EnquiryFixtures.Case c = this.fixtures.create(this.fixtures.demoProvider(), null);
		LocalDate today = LocalDate.now(org.carecycle.shared.UkTime.ZONE);
		LocalDate due = today.minusDays(1);
		while (this.workingDays.between(due, today) < 3 || !this.workingDays.isWorkingDay(due)) {
			due = due.minusDays(1);
		}
		this.jdbc
			.sql("""
					update safeguarding_enquiry set status = 'AWAITING_PROVIDER', made_by = 'CAUSED', planning_held_on = :due,
					    caused_to_provider_id = :p, caused_to_name = 'The provider', caused_request = 'Look into it',
					    caused_at = now(), caused_due_on = :due, chase_count = 2, last_chased_at = now()
					where id = :id""")
			.param("due", due)
			.param("p", this.fixtures.demoProvider())
			.param("id", c.enquiryId())
			.update();
		assertThat(page(this.lead, c.page())).contains("Overdue by 3 working days, chased twice");
		assertThat(page(this.lead, "/safeguarding/enquiries?view=overdue")).contains(c.reference(),
				"Overdue by 3 working days, chased twice");
	}

	static String[] concat(String[] first, String... more) {
		String[] all = new String[first.length + more.length];
		System.arraycopy(more, 0, all, 0, more.length);
		System.arraycopy(first, 0, all, more.length, first.length);
		return all;
	}

}
