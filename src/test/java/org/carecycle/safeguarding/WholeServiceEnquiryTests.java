package org.carecycle.safeguarding;

import java.sql.Date;
import java.time.LocalDate;
import java.util.UUID;

import org.carecycle.ApplicationTest;
import org.carecycle.SignIn;
import org.carecycle.identity.AuditLog;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Whole-service safeguarding enquiries from suggestion to closing meeting: the rules that
 * suggest one, the senior manager's decision, meetings with attendees and actions,
 * reminders, closure, and the escalation ladder hearing of it.
 */
@ApplicationTest
class WholeServiceEnquiryTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WholeServiceSuggestions suggestions;

	@Autowired
	WholeServiceReminders reminders;

	WholeServiceFixtures fixtures;

	MockHttpSession lead;

	@BeforeEach
	void setUp() throws Exception {
		this.fixtures = new WholeServiceFixtures(this.jdbc);
		this.lead = SignIn.as(this.mvc, Role.SAFEGUARDING_LEAD);
	}

	int sweep() {
		return AuditLog.asSystem("test", this.suggestions::sweep);
	}

	// Suggestions
	// --------------------

	@Test
	void suggestsAnEnquiryWhenThreeConcernsFallWithinNinetyDaysAndOnlyOnce() {
		UUID service = this.fixtures.freshService();
		this.fixtures.concern(service, 80, "S42_ENQUIRY", false, "AB");
		this.fixtures.concern(service, 40, "AWAITING_DECISION", false, "CD");
		assertThat(sweepAndFind(service)).as("two concerns are not yet a cluster").isNull();
		this.fixtures.concern(service, 2, "AWAITING_DECISION", false, "EF");
		UUID suggested = sweepAndFind(service);
		assertThat(suggested).isNotNull();
		assertThat(this.fixtures.column(suggested, "status")).isEqualTo("SUGGESTED");
		assertThat(this.fixtures.column(suggested, "suggestion_reason")).isEqualTo("CLUSTER");
		assertThat(this.fixtures.column(suggested, "suggestion_detail")).startsWith("3 safeguarding concerns");
		sweep();
		assertThat(this.fixtures.enquiries(service)).as("a second sweep suggests nothing more").isEqualTo(1);
	}

	@Test
	void concernsOutsideTheWindowAreNoCluster() {
		UUID service = this.fixtures.freshService();
		this.fixtures.concern(service, 120, "CLOSED", false, "AB");
		this.fixtures.concern(service, 95, "CLOSED", false, "CD");
		this.fixtures.concern(service, 10, "AWAITING_DECISION", false, "EF");
		assertThat(sweepAndFind(service)).isNull();
	}

	@Test
	void aSeriousIncidentIsSuggestedAtOnce() {
		UUID service = this.fixtures.freshService();
		this.fixtures.concern(service, 1, "AWAITING_DECISION", true, "GH");
		UUID suggested = sweepAndFind(service);
		assertThat(suggested).isNotNull();
		assertThat(this.fixtures.column(suggested, "suggestion_reason")).isEqualTo("SERIOUS_INCIDENT");
	}

	@Test
	void anOversightEarlyWarningIsSuggested() {
		UUID service = this.fixtures.freshService();
		this.jdbc.sql("""
				insert into early_warning (id, care_service_id, kind, raised_on, explanation, observed, expected)
				values (:id, :s, 'CONCERN_RATE', current_date, '5 concerns in the last 3 months', 5, 0.3)""")
			.param("id", UUID.randomUUID())
			.param("s", service)
			.update();
		UUID suggested = sweepAndFind(service);
		assertThat(suggested).isNotNull();
		assertThat(this.fixtures.column(suggested, "suggestion_reason")).isEqualTo("EARLY_WARNING");
		assertThat(this.fixtures.column(suggested, "suggestion_detail")).contains("5 concerns in the last 3 months");
	}

	@Test
	void aDeclinedSuggestionStaysDeclinedUntilSomethingNewHappens() throws Exception {
		UUID service = this.fixtures.freshService();
		this.fixtures.concern(service, 1, "AWAITING_DECISION", true, "GH");
		UUID suggested = sweepAndFind(service);
		decide(suggested, "DECLINE", "One incident, handled by the provider's own investigation", "false")
			.andExpectRedirect();
		assertThat(this.fixtures.column(suggested, "status")).isEqualTo("DECLINED");
		assertThat(this.fixtures.column(suggested, "decision_reasons")).contains("handled by the provider");
		assertThat(sweepAndFind(service)).isNull();
		this.fixtures.concern(service, 0, "AWAITING_DECISION", true, "IJ");
		assertThat(sweepAndFind(service)).as("a new serious incident is suggested again").isNotNull();
	}

	// The decision
	// --------------------

	@Test
	void openingCountsTheServicesOpenConcernsEachAdultSeparately() throws Exception {
		UUID service = this.fixtures.freshService();
		UUID first = this.fixtures.concern(service, 20, "S42_ENQUIRY", false, "AB");
		UUID second = this.fixtures.concern(service, 10, "AWAITING_DECISION", false, "CD");
		UUID finished = this.fixtures.concern(service, 5, "NO_FURTHER_ACTION", false, "XY");
		UUID id = raise(service);
		assertThat(this.fixtures.column(id, "suggestion_reason")).isEqualTo("RAISED_BY_STAFF");
		decide(id, "OPEN", "Several adults at risk at one home", "false").andExpectRedirect();
		assertThat(this.fixtures.column(id, "status")).isEqualTo("OPEN");
		assertThat(this.fixtures.column(id, "decided_by_name")).isNotBlank();
		String page = page(id, this.lead);
		assertThat(page).contains("2 adults at risk counted")
			.contains(this.fixtures.reference(first))
			.contains(this.fixtures.reference(second))
			.doesNotContain(this.fixtures.reference(finished))
			.doesNotContain("What is said to have happened");
		this.mvc
			.perform(post("/safeguarding/whole-service/{id}/concerns", id).session(this.lead)
				.with(csrf())
				.param("version", String.valueOf(this.fixtures.version(id)))
				.param("reference", this.fixtures.reference(finished)))
			.andReturn();
		assertThat(page(id, this.lead)).contains("3 adults at risk counted");
		this.mvc
			.perform(post("/safeguarding/whole-service/{id}/concerns/{c}/remove", id, first).session(this.lead)
				.with(csrf())
				.param("version", String.valueOf(this.fixtures.version(id))))
			.andReturn();
		assertThat(page(id, this.lead)).contains("2 adults at risk counted");
		assertThat(this.jdbc.sql("select count(*) from safeguarding_case_access where whole_service_enquiry_id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).as("every view of the enquiry is in the read log").isPositive();
	}

	@Test
	void aStaleDecisionIsRefusedAsChangedBySomeoneElse() throws Exception {
		UUID service = this.fixtures.freshService();
		UUID id = raise(service);
		MvcResult result = this.mvc
			.perform(post("/safeguarding/whole-service/{id}/decide", id).session(this.lead)
				.with(csrf())
				.param("version", String.valueOf(this.fixtures.version(id) + 7))
				.param("decision", "OPEN")
				.param("reasons", "Reasons")
				.param("suspendPlacements", "false"))
			.andReturn();
		assertThat(result.getResponse().getContentAsString()).contains("changed by someone else");
		assertThat(this.fixtures.column(id, "status")).isEqualTo("SUGGESTED");
	}

	// Meetings, actions and reminders
	// --------------------

	@Test
	void aMeetingKeepsItsAttendeesByAgencyAndItsActions() throws Exception {
		UUID id = opened(this.fixtures.freshService(), false);
		MvcResult more = this.mvc
			.perform(post("/safeguarding/whole-service/{id}/meetings/new", id).session(this.lead)
				.with(csrf())
				.param("attendees[0].name", "Ann Lead")
				.param("attendees[0].agency", "COUNCIL")
				.param("attendees[1].name", "")
				.param("attendees[2].name", "")
				.param("attendees[3].name", "")
				.param("more", "attendee"))
			.andReturn();
		String morePage = more.getResponse().getContentAsString();
		assertThat(morePage).contains("name=\"attendees[4].name\"").contains("value=\"Ann Lead\"");
		meeting(id, "STRATEGY", LocalDate.now().minusDays(1), LocalDate.now().plusDays(14));
		String page = page(id, this.lead);
		assertThat(page).contains("Strategy meeting")
			.contains("Ann Lead (The council)")
			.contains("Ben Police (Police)")
			.contains("Check the staffing rota")
			.contains("Mark as done");
		UUID action = this.jdbc.sql("""
				select a.id from safeguarding_meeting_action a join safeguarding_meeting m on m.id = a.meeting_id
				where m.whole_service_enquiry_id = :id""").param("id", id).query(UUID.class).single();
		this.mvc
			.perform(post("/safeguarding/whole-service/{id}/actions/{a}/done", id, action).session(this.lead)
				.with(csrf()))
			.andReturn();
		assertThat(page(id, this.lead)).doesNotContain("Mark as done");
	}

	@Test
	void theOwnerOfAnActionDueIsRemindedOnceAndTheReminderIsAStep() throws Exception {
		UUID id = opened(this.fixtures.freshService(), false);
		meeting(id, "STRATEGY", LocalDate.now().minusDays(10), LocalDate.now().minusDays(1));
		UUID action = this.jdbc.sql("""
				select a.id from safeguarding_meeting_action a join safeguarding_meeting m on m.id = a.meeting_id
				where m.whole_service_enquiry_id = :id""").param("id", id).query(UUID.class).single();
		AuditLog.asSystem("test", this.reminders::run);
		AuditLog.asSystem("test", this.reminders::run);
		assertThat(this.jdbc.sql("select count(*) from mail_outbox where dedupe_key like :key")
			.param("key", "wse-action:" + action + "%")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql(
				"select count(*) from safeguarding_step where whole_service_enquiry_id = :id and kind = 'WSE_ACTION_REMINDED'")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(page(id, this.lead)).contains("Overdue").contains("Action owner reminded");
	}

	// Closure
	// --------------------

	@Test
	void anEnquiryClosesOnlyAfterItsClosingMeeting() throws Exception {
		UUID id = opened(this.fixtures.freshService(), false);
		meeting(id, "STRATEGY", LocalDate.now().minusDays(20), LocalDate.now().plusDays(5));
		String refused = close(id).getResponse().getContentAsString();
		assertThat(refused).contains("Record the closing meeting before closing the enquiry");
		assertThat(this.fixtures.column(id, "status")).isEqualTo("OPEN");
		meeting(id, "CLOSING", LocalDate.now(), LocalDate.now().plusDays(5));
		assertThat(close(id).getResponse().getRedirectedUrl()).isEqualTo("/safeguarding/whole-service/" + id);
		assertThat(this.fixtures.column(id, "status")).isEqualTo("CLOSED");
		assertThat(page(id, this.lead)).contains("Closed").contains("Improvements made and checked");
	}

	// The escalation ladder
	// --------------------

	@Test
	void askingForSuspensionMovesTheLadderWhichShowsTheOpenEnquiry() throws Exception {
		UUID service = this.fixtures.freshService();
		UUID id = opened(service, true);
		String stage = null;
		for (int i = 0; i < 100 && !"SUSPENSION".equals(stage); i++) {
			Thread.sleep(100);
			stage = this.jdbc.sql("select stage from escalation where care_service_id = :s")
				.param("s", service)
				.query(String.class)
				.optional()
				.orElse(null);
		}
		assertThat(stage).isEqualTo("SUSPENSION");
		UUID escalation = this.jdbc.sql("select id from escalation where care_service_id = :s")
			.param("s", service)
			.query(UUID.class)
			.single();
		assertThat(this.jdbc.sql("select after_safeguarding from escalation where id = :id")
			.param("id", escalation)
			.query(Boolean.class)
			.single()).as("no appeal after serious safeguarding concerns").isTrue();
		String ladder = this.mvc
			.perform(get("/oversight/escalations/{id}", escalation).session(SignIn.as(this.mvc, Role.COMMISSIONER)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(ladder).contains("Whole-service safeguarding enquiry open since").doesNotContain("AB");
		meeting(id, "CLOSING", LocalDate.now(), LocalDate.now().plusDays(5));
		close(id);
		String after = this.mvc
			.perform(get("/oversight/escalations/{id}", escalation).session(SignIn.as(this.mvc, Role.COMMISSIONER)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(after).doesNotContain("Whole-service safeguarding enquiry open since");
	}

	@Test
	void withoutSuspensionTheLadderIsLeftAlone() throws Exception {
		UUID service = this.fixtures.freshService();
		opened(service, false);
		Thread.sleep(1500);
		assertThat(this.jdbc.sql("select count(*) from escalation where care_service_id = :s")
			.param("s", service)
			.query(Long.class)
			.single()).isZero();
	}

	// Helpers
	// --------------------

	private UUID sweepAndFind(UUID service) {
		sweep();
		return this.fixtures.live(service);
	}

	UUID raise(UUID service) throws Exception {
		MvcResult result = this.mvc
			.perform(post("/safeguarding/whole-service/new").session(this.lead)
				.with(csrf())
				.param("service", service.toString())
				.param("detail", "Staff turnover and several concerns"))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).startsWith("/safeguarding/whole-service/");
		return this.fixtures.live(service);
	}

	UUID opened(UUID service, boolean suspend) throws Exception {
		this.fixtures.concern(service, 3, "S42_ENQUIRY", false, "AB");
		UUID id = raise(service);
		decide(id, "OPEN", "Several adults at risk", String.valueOf(suspend)).andExpectRedirect();
		return id;
	}

	record Done(MvcResult result) {

		void andExpectRedirect() {
			assertThat(this.result.getResponse().getRedirectedUrl()).as("the form was accepted")
				.startsWith("/safeguarding/whole-service/");
		}

	}

	Done decide(UUID id, String decision, String reasons, String suspend) throws Exception {
		return new Done(this.mvc
			.perform(post("/safeguarding/whole-service/{id}/decide", id).session(this.lead)
				.with(csrf())
				.param("version", String.valueOf(this.fixtures.version(id)))
				.param("decision", decision)
				.param("reasons", reasons)
				.param("suspendPlacements", suspend))
			.andReturn());
	}

	void meeting(UUID id, String kind, LocalDate held, LocalDate due) throws Exception {
		MockHttpServletRequestBuilder request = post("/safeguarding/whole-service/{id}/meetings/new", id)
			.session(this.lead)
			.with(csrf())
			.param("kind", kind)
			.param("heldDay", String.valueOf(held.getDayOfMonth()))
			.param("heldMonth", String.valueOf(held.getMonthValue()))
			.param("heldYear", String.valueOf(held.getYear()))
			.param("agenda", "Staffing; medicines")
			.param("minutes", "The provider explained its plan")
			.param("attendees[0].name", "Ann Lead")
			.param("attendees[0].agency", "COUNCIL")
			.param("attendees[1].name", "Ben Police")
			.param("attendees[1].agency", "POLICE")
			.param("attendees[2].name", "")
			.param("attendees[2].agency", "");
		if (kind.equals("STRATEGY")) {
			request.param("actions[0].description", "Check the staffing rota")
				.param("actions[0].owner", "Cath Owner")
				.param("actions[0].email", "cath.owner@example.org")
				.param("actions[0].dueDay", String.valueOf(due.getDayOfMonth()))
				.param("actions[0].dueMonth", String.valueOf(due.getMonthValue()))
				.param("actions[0].dueYear", String.valueOf(due.getYear()));
		}
		MvcResult result = this.mvc.perform(request).andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).as(result.getResponse().getContentAsString())
			.startsWith("/safeguarding/whole-service/");
	}

	MvcResult close(UUID id) throws Exception {
		return this.mvc
			.perform(post("/safeguarding/whole-service/{id}/close", id).session(this.lead)
				.with(csrf())
				.param("version", String.valueOf(this.fixtures.version(id)))
				.param("summary", "Improvements made and checked at the review meeting"))
			.andReturn();
	}

	String page(UUID id, MockHttpSession session) throws Exception {
		MvcResult result = this.mvc.perform(get("/safeguarding/whole-service/{id}", id).session(session)).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return result.getResponse().getContentAsString();
	}

	static Date sqlDate(LocalDate date) {
		return Date.valueOf(date);
	}

}
