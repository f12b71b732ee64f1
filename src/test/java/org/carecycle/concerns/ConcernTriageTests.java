package org.carecycle.concerns;

import java.time.Instant;
import java.util.UUID;

import org.carecycle.ApplicationTest;
import org.carecycle.SignIn;
import org.carecycle.identity.AuditLog;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Quality assurance officers work through the queue: the most pressing first, then
 * acknowledge, assess with a visible risk and a graded action, and close with an outcome.
 */
@ApplicationTest
@RecordApplicationEvents
class ConcernTriageTests {

	@Autowired
	ApplicationEvents events;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Concerns concerns;

	private Concern received(String whatHappened, AtRisk atRisk) {
		UUID service = this.jdbc.sql("select id from care_service where status = 'ACTIVE' order by name desc limit 1")
			.query(UUID.class)
			.single();
		Report report = new Report(ConcernKind.CONCERN, service, null, whatHappened, null, "Yesterday", null, atRisk,
				ReporterRole.PROFESSIONAL, false, "Dr Tremayne", null, "01872 000000", true);
		return AuditLog.asSystem("test",
				() -> this.concerns.receive(report, Channel.PUBLIC_FORM, UUID.randomUUID(), Instant.now()));
	}

	@Test
	void anOfficerAcknowledgesAssessesAndClosesAConcern() throws Exception {
		Concern concern = received("Medication was given late three times this week.", AtRisk.NO);
		MockHttpSession officer = SignIn.as(this.mvc, Role.QA_OFFICER);
		this.mvc.perform(get("/concerns/" + concern.id() + "/assess").session(officer))
			.andExpect(content().string(containsString("Medicines (Safeguarding and safety)")));
		this.mvc.perform(get("/concerns/" + concern.id()).session(officer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Medication was given late three times this week.")))
			.andExpect(content().string(containsString("Dr Tremayne")));
		this.mvc
			.perform(post("/concerns/" + concern.id() + "/acknowledge").session(officer)
				.param("version", String.valueOf(ConcernFixtures.version(this.jdbc, concern.id())))
				.with(csrf()))
			.andExpect(redirectedUrl("/concerns/" + concern.id()));

		// Nothing chosen: every question says what is missing, and nothing is saved.
		this.mvc
			.perform(post("/concerns/" + concern.id() + "/assess").session(officer)
				.param("version", String.valueOf(ConcernFixtures.version(this.jdbc, concern.id())))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Select what the concern is about")))
			.andExpect(content().string(containsString("Select how likely harm is")))
			.andExpect(content().string(containsString("Select an action")))
			.andExpect(content().string(containsString("Enter why you chose this action")));
		assertThat(this.jdbc.sql("select assessed_at from concern where id = :id")
			.param("id", concern.id())
			.query()
			.singleRow()
			.get("assessed_at")).isNull();

		this.mvc
			.perform(post("/concerns/" + concern.id() + "/assess").session(officer)
				.param("version", String.valueOf(ConcernFixtures.version(this.jdbc, concern.id())))
				.param("themes", "MEDICATION", "STAFFING_LEVELS")
				.param("likelihood", "4")
				.param("impact", "3")
				.param("action", "QA_VISIT_UNANNOUNCED")
				.param("rationale", "Repeated late medication: see it on a normal morning.")
				.with(csrf()))
			.andExpect(redirectedUrl("/concerns/" + concern.id()));
		this.mvc.perform(get("/concerns/" + concern.id()).session(officer))
			.andExpect(content().string(containsString("Likelihood 4 times impact 3 = 12 (High)")))
			.andExpect(content().string(containsString("Quality assurance visit (unannounced)")))
			.andExpect(content().string(containsString("Action under way")));

		this.mvc
			.perform(post("/concerns/" + concern.id() + "/close").session(officer)
				.param("version", String.valueOf(ConcernFixtures.version(this.jdbc, concern.id())))
				.param("outcome", "")
				.with(csrf()))
			.andExpect(content().string(containsString("Enter the outcome")));
		this.mvc
			.perform(post("/concerns/" + concern.id() + "/close").session(officer)
				.param("version", String.valueOf(ConcernFixtures.version(this.jdbc, concern.id())))
				.param("outcome", "Visit found a new medicines round; the provider changed the rota.")
				.param("lessons", "Check rotas on visits.")
				.with(csrf()))
			.andExpect(redirectedUrl("/concerns/" + concern.id()));
		var closed = this.jdbc
			.sql("select status, themes::text as themes, likelihood * impact as score from concern where id = :id")
			.param("id", concern.id())
			.query()
			.singleRow();
		assertThat(closed.get("status")).isEqualTo("CLOSED");
		assertThat(closed.get("themes")).isEqualTo("{MEDICATION,STAFFING_LEVELS}");
		assertThat(closed.get("score")).isEqualTo(12);
		assertThat(this.jdbc.sql("select kind from concern_event where concern_id = :id order by id")
			.param("id", concern.id())
			.query(String.class)
			.list()
			.stream()
			// Whether the screen flags late medication is the screen's business, measured
			// elsewhere.
			.filter(kind -> !kind.equals("FLAGGED"))
			.toList()).containsExactly("RECEIVED", "ACKNOWLEDGED", "ASSESSED", "CLOSED");
		assertThat(this.jdbc.sql("select count(*) from audit_event where record_type = 'concern' and record_id = :id")
			.param("id", concern.id().toString())
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(4);
	}

	@Test
	void aConcernCannotBeClosedBeforeItIsAssessed() throws Exception {
		Concern concern = received("Staff were rude to visitors.", AtRisk.NO);
		MockHttpSession officer = SignIn.as(this.mvc, Role.QA_OFFICER);
		this.mvc
			.perform(post("/concerns/" + concern.id() + "/close").session(officer)
				.param("version", String.valueOf(ConcernFixtures.version(this.jdbc, concern.id())))
				.param("outcome", "Nothing to do")
				.with(csrf()))
			.andExpect(content().string(containsString("Assess this concern before you close it")));
		assertThat(this.jdbc.sql("select status from concern where id = :id")
			.param("id", concern.id())
			.query(String.class)
			.single()).isEqualTo("NEW");
	}

	@Test
	void twoOfficersAssessingAtOnceNeverOverwriteEachOther() throws Exception {
		Concern concern = received("Residents' rooms are cold.", AtRisk.NO);
		int version = ConcernFixtures.version(this.jdbc, concern.id());
		MockHttpSession first = SignIn.as(this.mvc, Role.QA_OFFICER);
		MockHttpSession second = SignIn.as(this.mvc, Role.SAFEGUARDING_LEAD);
		this.mvc
			.perform(post("/concerns/" + concern.id() + "/assess").session(first)
				.param("version", String.valueOf(version))
				.param("themes", "PREMISES_AND_EQUIPMENT")
				.param("likelihood", "2")
				.param("impact", "2")
				.param("action", "QA_VISIT_ANNOUNCED")
				.param("rationale", "Look at the heating.")
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post("/concerns/" + concern.id() + "/assess").session(second)
				.param("version", String.valueOf(version))
				.param("themes", "PREMISES_AND_EQUIPMENT")
				.param("likelihood", "1")
				.param("impact", "1")
				.param("action", "INTELLIGENCE_ONLY")
				.param("rationale", "Log it.")
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Someone else changed this concern")));
		assertThat(this.jdbc.sql("select action from concern where id = :id")
			.param("id", concern.id())
			.query(String.class)
			.single()).isEqualTo("QA_VISIT_ANNOUNCED");
	}

	@Test
	void theQueueShowsPossibleSafeguardingFirstAndOfficersTakeConcernsInBulk() throws Exception {
		Concern ordinary = received("The garden is untidy.", AtRisk.NO);
		Concern flagged = received("He told me a carer pushed him.", AtRisk.NOT_SURE);
		assertThat(flagged.safeguardingFlag()).isTrue();
		MockHttpSession officer = SignIn.as(this.mvc, Role.QA_OFFICER);
		String serviceName = this.jdbc.sql("select name from care_service where id = :id")
			.param("id", flagged.careServiceId())
			.query(String.class)
			.single();
		String page = this.mvc.perform(get("/concerns").param("q", serviceName).session(officer))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(flagged.reference(), "Possible safeguarding");
		int firstFlagged = page.indexOf("Possible safeguarding");
		assertThat(page.indexOf(flagged.reference())).isLessThan(page.indexOf(ordinary.reference()));
		assertThat(firstFlagged).isPositive();

		UUID officerId = this.jdbc
			.sql("select id from app_user where role = 'QA_OFFICER' and enabled order by email limit 1")
			.query(UUID.class)
			.single();
		MvcResult bulk = this.mvc
			.perform(post("/concerns/bulk").session(officer)
				.param("selected", ordinary.id().toString(), flagged.id().toString())
				.param("officer", officerId.toString())
				.param("action", "acknowledge")
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		this.mvc.perform(get("/concerns").session(officer).flashAttrs(bulk.getFlashMap()))
			.andExpect(content().string(containsString("2 concerns changed")));
		assertThat(this.jdbc
			.sql("select count(*) from concern where id in (:a, :b) and status = 'ACKNOWLEDGED' and assigned_to = :o")
			.param("a", ordinary.id())
			.param("b", flagged.id())
			.param("o", officerId)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void providersAndCaseManagersCannotOpenConcerns() throws Exception {
		Concern concern = received("Something private.", AtRisk.NO);
		this.mvc.perform(get("/concerns/" + concern.id()).session(SignIn.as(this.mvc, Role.PROVIDER)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/concerns").session(SignIn.as(this.mvc, Role.CASE_MANAGER)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/concerns")).andExpect(status().is3xxRedirection());
	}

	@Test
	void administratorsAddAPhraseAndItFlagsTheNextConcern() throws Exception {
		MockHttpSession admin = SignIn.as(this.mvc, Role.ADMIN);
		String word = "zorbled" + UUID.randomUUID().toString().substring(0, 4);
		this.mvc
			.perform(post("/admin/safeguarding-rules").session(admin)
				.param("phrase", "a*b")
				.param("abuseType", "PHYSICAL")
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/safeguarding-rules"));
		this.mvc
			.perform(post("/admin/safeguarding-rules").session(admin)
				.param("phrase", word)
				.param("abuseType", "PSYCHOLOGICAL")
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/safeguarding-rules"));
		this.mvc.perform(get("/admin/safeguarding-rules").session(admin))
			.andExpect(content().string(containsString("Phrase: " + word)));
		assertThat(received("They were " + word + " by the night staff.", AtRisk.NO).safeguardingFlag()).isTrue();
	}

	@Test
	void theServiceProfileShowsItsConcerns() throws Exception {
		Concern concern = received("Laundry goes missing.", AtRisk.NO);
		this.mvc.perform(get("/services/" + concern.careServiceId()).session(SignIn.as(this.mvc, Role.COMMISSIONER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Concerns and compliments")))
			.andExpect(content().string(containsString(concern.reference())));
		this.mvc.perform(get("/services/" + concern.careServiceId()).session(SignIn.as(this.mvc, Role.CASE_MANAGER)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(concern.reference()))));
	}

	@Test
	void tellsTheRestOfCareCycleWhatHappensToAConcern() {
		Concern concern = received("A carer shouted at him in the lounge.", AtRisk.NO);
		assertThat(this.events.stream(ConcernEvents.ConcernRaised.class))
			.anyMatch(e -> e.concernId().equals(concern.id()) && e.safeguardingFlag());
		assertThat(this.events.stream(ConcernEvents.ConcernReferred.class))
			.anyMatch(e -> e.concernId().equals(concern.id()) && e.reasons().contains("shouted at"));
		AuditLog.asSystem("test", () -> {
			this.concerns.assess(concern.id(), ConcernFixtures.version(this.jdbc, concern.id()),
					java.util.Set.of(Theme.DIGNITY_AND_RESPECT), new RiskRating(4, 4),
					ConcernAction.QA_VISIT_UNANNOUNCED, "See it.", null);
			this.concerns.close(concern.id(), ConcernFixtures.version(this.jdbc, concern.id()), "Staff retrained.",
					null);
			return null;
		});
		assertThat(this.events.stream(ConcernEvents.ConcernAssessed.class))
			.anyMatch(e -> e.concernId().equals(concern.id()) && e.riskScore() == 16);
		assertThat(this.events.stream(ConcernEvents.ConcernClosed.class))
			.anyMatch(e -> e.concernId().equals(concern.id()));
	}

	@Test
	void aConcernFromSomeoneWhoWorksAtTheServiceIsMarkedAsWhistleblowing() throws Exception {
		UUID service = this.jdbc.sql("select id from care_service where status = 'ACTIVE' order by name limit 1")
			.query(UUID.class)
			.single();
		Report report = new Report(ConcernKind.CONCERN, service, null,
				"Rotas are signed off with staff who are not there.", null, "Every week", null, AtRisk.NO,
				ReporterRole.STAFF_MEMBER, true, null, null, null, false);
		Concern concern = AuditLog.asSystem("test",
				() -> this.concerns.receive(report, Channel.PHONE, UUID.randomUUID(), Instant.now()));
		this.mvc.perform(get("/concerns/" + concern.id()).session(SignIn.as(this.mvc, Role.QA_OFFICER)))
			.andExpect(content().string(containsString("Whistleblowing")))
			.andExpect(content().string(containsString("They did not give their name")));
	}

}
