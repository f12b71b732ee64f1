package org.carecycle.oversight;

import java.time.LocalDate;
import java.util.UUID;

import org.carecycle.ApplicationTest;
import org.carecycle.SignIn;
import org.carecycle.oversight.EscalationEvents.EscalationMoved;
import org.carecycle.shared.Role;
import org.carecycle.shared.UkTime;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A service taken up the ladder to a suspension of new placements and back down: who may
 * decide each move, the emails to everyone concerned, the embargo on every page that
 * shows the service, and the timers.
 */
@ApplicationTest
@RecordApplicationEvents
class EscalationWorkflowTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Escalations escalations;

	@Autowired
	EscalationDeadlines deadlines;

	@Autowired
	ApplicationEvents events;

	@Autowired
	org.carecycle.quality.ReviewProgramme programme;

	private String page(MockHttpSession session, String path) throws Exception {
		var request = get(path);
		if (session != null) {
			request.session(session);
		}
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString();
	}

	private MvcResult post(MockHttpSession session, String path, String... params) throws Exception {
		var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
			.session(session)
			.with(csrf());
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return this.mvc.perform(request).andReturn();
	}

	private UUID userId(Role role) {
		return this.jdbc.sql("select id from app_user where email = :email")
			.param("email", SignIn.DEMO_EMAILS.get(role))
			.query(UUID.class)
			.single();
	}

	@Test
	void aServiceGoesUpTheLadderToASuspensionThatShowsEverywhereAndBackDown() throws Exception {
		UUID service = this.jdbc.sql("""
				select s.id from care_service s join app_user u on u.provider_id = s.provider_id
				where u.email = :email and s.status = 'ACTIVE'
				and exists (select 1 from contract c where c.care_service_id = s.id
				            and c.starts_on <= current_date and c.ends_on >= current_date)
				and not exists (select 1 from escalation e where e.care_service_id = s.id or
				                (e.subject_kind = 'PROVIDER' and e.provider_id = s.provider_id))
				order by s.name limit 1""")
			.param("email", SignIn.DEMO_EMAILS.get(Role.PROVIDER))
			.query(UUID.class)
			.single();
		String name = this.jdbc.sql("select name from care_service where id = :id")
			.param("id", service)
			.query(String.class)
			.single();
		LocalDate review = LocalDate.now(UkTime.ZONE).plusDays(21);
		String[] reviewDate = { "reviewDay", String.valueOf(review.getDayOfMonth()), "reviewMonth",
				String.valueOf(review.getMonthValue()), "reviewYear", String.valueOf(review.getYear()) };
		MockHttpSession officer = SignIn.as(this.mvc, Role.QA_OFFICER);

		// an officer starts enhanced monitoring
		MvcResult enhanced = post(officer, "/oversight/escalations/new",
				concat(reviewDate, "service", service.toString(), "stage", "ENHANCED", "evidence",
						"Three concerns about missed medication in May.", "rationale",
						"Agreed improvement plan with monthly visits.", "lead", userId(Role.QA_OFFICER).toString()));
		assertThat(enhanced.getResponse().getRedirectedUrl()).startsWith("/oversight/escalations/");
		Escalation escalation = this.escalations.ofService(service).orElseThrow();
		assertThat(escalation.stage()).isEqualTo(EscalationStage.ENHANCED);

		// but cannot suspend placements: that is a senior manager's decision
		String refused = post(officer, "/oversight/escalations/" + escalation.id() + "/move",
				concat(reviewDate, "version", String.valueOf(escalation.version()), "stage", "SUSPENSION", "evidence",
						"x", "rationale", "y", "lead", userId(Role.QA_OFFICER).toString()))
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("Only a senior manager can decide a move to or from this stage");
		assertThat(this.escalations.get(escalation.id()).stage()).isEqualTo(EscalationStage.ENHANCED);

		// a senior manager suspends new placements
		MockHttpSession senior = SignIn.as(this.mvc, Role.COMMISSIONER);
		post(senior, "/oversight/escalations/" + escalation.id() + "/move",
				concat(reviewDate, "version", String.valueOf(escalation.version()), "stage", "SUSPENSION", "evidence",
						"Section 42 enquiry into unexplained injuries; CQC warning notice.", "rationale",
						"People are at risk until staffing and medicines are safe.", "lead",
						userId(Role.QA_OFFICER).toString()));
		escalation = this.escalations.get(escalation.id());
		assertThat(escalation.stage()).isEqualTo(EscalationStage.SUSPENSION);
		assertThat(escalation.letterDueOn()).isNotNull();
		assertThat(escalation.appealBy()).isNotNull();
		assertThat(this.events.stream(EscalationMoved.class)
			.filter(event -> event.careServiceId().equals(service) && event.embargoStarted())).hasSize(1);
		// everyone concerned is told: the provider, safeguarding, commissioners and
		// partners
		String key = "escalation:" + escalation.id() + ":%";
		assertThat(this.jdbc.sql("select recipient from mail_outbox where dedupe_key like :key")
			.param("key", key)
			.query(String.class)
			.list()).contains(SignIn.DEMO_EMAILS.get(Role.PROVIDER), SignIn.DEMO_EMAILS.get(Role.SAFEGUARDING_LEAD),
					SignIn.DEMO_EMAILS.get(Role.COMMISSIONER), "cqc.contact@example.org");

		// the hourly deadline check reminds the lead officer that the letter is due
		this.jdbc.sql("update escalation set letter_due_on = current_date where id = :id")
			.param("id", escalation.id())
			.update();
		this.deadlines.scheduled();
		assertThat(this.jdbc.sql("select recipient from mail_outbox where dedupe_key like :key")
			.param("key", "escalation-letter:" + escalation.id() + ":%")
			.query(String.class)
			.list()).containsExactly(SignIn.DEMO_EMAILS.get(Role.QA_OFFICER));

		// the embargo shows in the public directory, on the staff profile and in search
		assertThat(page(null, "/directory/services/" + service))
			.contains("Not currently accepting new placements by the council");
		assertThat(page(officer, "/services/" + service)).contains("suspended new placements with this service");
		UUID provider = this.jdbc.sql("select provider_id from care_service where id = :id")
			.param("id", service)
			.query(UUID.class)
			.single();
		assertThat(page(officer, "/providers/" + provider)).contains("New placements suspended");
		assertThat(page(SignIn.as(this.mvc, Role.PROVIDER), "/my-organisation")).contains("New placements suspended");
		assertThat(this.escalations.acceptsNewPlacements(service)).isFalse();
		// the review programme brings a suspended service's review forward, saying why
		assertThat(this.programme.standings()
			.stream()
			.filter(standing -> standing.serviceId().equals(service))
			.findFirst()
			.orElseThrow()
			.reasons()).anySatisfy(reason -> {
				assertThat(reason.key()).isEqualTo("programme.reason.escalation");
				assertThat(reason.points()).isEqualTo(40);
			});
		assertThat(page(officer, "/oversight")).contains(name);

		// the timers: the letter is recorded; an appeal after its deadline is refused
		post(officer, "/oversight/escalations/" + escalation.id() + "/letter", "version",
				String.valueOf(escalation.version()), "day", String.valueOf(LocalDate.now().getDayOfMonth()), "month",
				String.valueOf(LocalDate.now().getMonthValue()), "year", String.valueOf(LocalDate.now().getYear()));
		escalation = this.escalations.get(escalation.id());
		assertThat(escalation.letterSentOn()).isNotNull();
		this.jdbc.sql("update escalation set appeal_by = current_date - 10 where id = :id")
			.param("id", escalation.id())
			.update();
		MvcResult late = post(officer, "/oversight/escalations/" + escalation.id() + "/appeal", "version",
				String.valueOf(escalation.version()), "day",
				String.valueOf(LocalDate.now().minusDays(1).getDayOfMonth()), "month",
				String.valueOf(LocalDate.now().minusDays(1).getMonthValue()), "year",
				String.valueOf(LocalDate.now().minusDays(1).getYear()));
		assertThat((String) late.getFlashMap().get("problem")).contains("after the 5 working days");

		// a multi-agency meeting is recorded
		post(officer, "/oversight/escalations/" + escalation.id() + "/meetings", "heldDay",
				String.valueOf(LocalDate.now().getDayOfMonth()), "heldMonth",
				String.valueOf(LocalDate.now().getMonthValue()), "heldYear", String.valueOf(LocalDate.now().getYear()),
				"attendees", "Council, CQC, ICB, police", "minutes", "Agreed the remedial plan.", "actions",
				"Weekly visits by the lead officer");
		assertThat(this.escalations.meetings(escalation.id())).hasSize(1);

		// lifted: back to routine monitoring, and the embargo is gone everywhere
		escalation = this.escalations.get(escalation.id());
		post(senior, "/oversight/escalations/" + escalation.id() + "/move", "version",
				String.valueOf(escalation.version()), "stage", "ROUTINE", "evidence",
				"Week 4 review: all actions done.", "rationale", "Safe to place again.", "lead",
				userId(Role.QA_OFFICER).toString());
		assertThat(this.escalations.get(escalation.id()).stage()).isEqualTo(EscalationStage.ROUTINE);
		assertThat(page(null, "/directory/services/" + service))
			.doesNotContain("Not currently accepting new placements by the council");
		assertThat(this.escalations.decisions(escalation.id())).hasSize(3);
	}

	private static String[] concat(String[] first, String... more) {
		String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
		System.arraycopy(more, 0, all, first.length, more.length);
		return all;
	}

}
