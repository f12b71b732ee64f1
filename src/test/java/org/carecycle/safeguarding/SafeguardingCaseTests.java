package org.carecycle.safeguarding;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.carecycle.ApplicationTest;
import org.carecycle.HostileValues;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A safeguarding concern from arrival to decision, through the pages: a flagged concern
 * becomes one and the leads are emailed, staff enter one, a lead decides it, a duplicate
 * is merged without losing a step, stale edits are refused, a closed service still reads,
 * and only leads and the staff named on a case may open it.
 */
@ApplicationTest
class SafeguardingCaseTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Concerns concerns;

	private MockHttpSession lead;

	@BeforeEach
	void signIn() throws Exception {
		this.lead = SignIn.as(this.mvc, Role.SAFEGUARDING_LEAD);
	}

	private UUID activeService() {
		return this.jdbc.sql("select id from care_service where status = 'ACTIVE' order by name limit 1")
			.query(UUID.class)
			.single();
	}

	private MockHttpServletRequestBuilder entry(MockHttpSession session, String service, String summary) {
		return form("/safeguarding/concerns/new", session, service, summary);
	}

	private MockHttpServletRequestBuilder form(String path, MockHttpSession session, String service, String summary) {
		return post(path).session(session)
			.with(csrf())
			.param("service", service)
			.param("from", "PARTNER")
			.param("partnerAgency", "POLICE")
			.param("partnerName", "Devon and Cornwall Police, Truro")
			.param("summary", summary)
			.param("receivedDay", "1")
			.param("receivedMonth", "12")
			.param("receivedYear", "2026")
			.param("seriousIncident", "no")
			.param("adultInitials", "jp")
			.param("adultReference", "")
			.param("ageBand", "AGE_85_94")
			.param("gender", "FEMALE")
			.param("ethnicity", "WHITE")
			.param("supportReason", "MEMORY_AND_COGNITION")
			.param("autism", "NO")
			.param("riskTypes", "PHYSICAL", "NEGLECT")
			.param("locationOfRisk", "CARE_HOME_RESIDENTIAL")
			.param("sourcesOfRisk", "SERVICE_PROVIDER");
	}

	/** Enters a case as the session's user and returns its id. */
	private UUID entered(MockHttpSession session, String service, String summary) throws Exception {
		MvcResult result = this.mvc.perform(entry(session, service, summary)).andReturn();
		String location = result.getResponse().getRedirectedUrl();
		assertThat(location).as(result.getResponse().getContentAsString()).startsWith("/safeguarding/concerns/");
		return UUID.fromString(location.substring("/safeguarding/concerns/".length()));
	}

	private int version(UUID id) {
		return this.jdbc.sql("select version from safeguarding_concern where id = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
	}

	private List<String> steps(UUID id) {
		return this.jdbc.sql("select kind from safeguarding_step where concern_id = :id order by id")
			.param("id", id)
			.query(String.class)
			.list();
	}

	@Test
	void aFlaggedConcernBecomesASafeguardingConcernAndTheLeadsAreEmailedALinkToIt() throws Exception {
		UUID service = activeService();
		Report report = new Report(ConcernKind.CONCERN, service, null,
				"A carer slapped my mother and she has bruising on her face.", null, "Yesterday", null, AtRisk.YES,
				ReporterRole.RELATIVE_OR_FRIEND, false, "Tamsin Quick", "tamsin@example.org", null, true);
		Concern concern = AuditLog.asSystem("test",
				() -> this.concerns.receive(report, Channel.PUBLIC_FORM, UUID.randomUUID(), Instant.now()));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("select count(*) from safeguarding_concern where ppmf_concern_id = :id")
				.param("id", concern.id())
				.query(Long.class)
				.single() == 1);
		var row = this.jdbc
			.sql("""
					select id, source, status, ppmf_reference, summary, service_name, decision_due_at > received_at as due_later
					from safeguarding_concern where ppmf_concern_id = :id""")
			.param("id", concern.id())
			.query()
			.singleRow();
		UUID id = (UUID) row.get("id");
		assertThat(row.get("source")).isEqualTo("PPMF");
		assertThat(row.get("status")).isEqualTo("AWAITING_DECISION");
		assertThat(row.get("ppmf_reference")).isEqualTo(concern.reference());
		assertThat((String) row.get("summary")).contains("slapped").doesNotContain("Tamsin");
		assertThat(row.get("service_name")).isNotNull();
		assertThat(row.get("due_later")).isEqualTo(true);
		assertThat(steps(id)).containsExactly("FROM_PPMF");
		List<String> emails = this.jdbc.sql("select subject || ' ' || body from mail_outbox where dedupe_key like :key")
			.param("key", "safeguarding:" + concern.id() + ":%")
			.query(String.class)
			.list();
		assertThat(emails).isNotEmpty()
			.allSatisfy(email -> assertThat(email).contains("/safeguarding/concerns/" + id, concern.reference())
				.doesNotContain("Tamsin"));
		// the lead finds it in the queue with its timer, opens it, and from the concern's
		// page too
		String reference = this.jdbc.sql("select reference from safeguarding_concern where id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		this.mvc.perform(get("/safeguarding").param("reference", reference).session(this.lead))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Awaiting decision")))
			.andExpect(content().string(containsString(reference)))
			.andExpect(content().string(containsString("Due by 5pm")));
		// a day later, the home page's to-do list counts it among the overdue decisions
		this.jdbc.sql("update safeguarding_concern set decision_due_at = now() - interval '1 hour' where id = :id")
			.param("id", id)
			.update();
		this.mvc.perform(get("/safeguarding").param("reference", reference).session(this.lead))
			.andExpect(content().string(containsString("Overdue")));
		this.mvc.perform(get("/").session(this.lead))
			.andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
					"(?s).*href=\"/safeguarding\"[^>]*>[^<]*\\d+ safeguarding decisions? (is|are) overdue.*")));
		this.mvc.perform(get("/concerns/" + concern.id()).session(this.lead))
			.andExpect(content().string(containsString("/safeguarding/from-concern/" + concern.id())));
		this.mvc.perform(get("/safeguarding/from-concern/" + concern.id()).session(this.lead))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/safeguarding/concerns/" + id).session(this.lead))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(concern.reference())))
			.andExpect(content().string(containsString("Referred from a concern")));
	}

	@Test
	void staffEnterAConcernFromAPartnerAndTheScreenSaysWhyItLooksLikeAbuse() throws Exception {
		UUID id = entered(this.lead, activeService().toString(), "Police report that a carer hit J P and took money.");
		var row = this.jdbc.sql("""
				select source, partner_agency, adult_initials, screen_reasons, cast(risk_types as text) as risks
				from safeguarding_concern where id = :id""").param("id", id).query().singleRow();
		assertThat(row.get("source")).isEqualTo("PARTNER");
		assertThat(row.get("partner_agency")).isEqualTo("POLICE");
		assertThat(row.get("adult_initials")).isEqualTo("JP");
		assertThat((String) row.get("risks")).contains("PHYSICAL", "NEGLECT");
		assertThat((String) row.get("screen_reasons")).isNotBlank();
		this.mvc.perform(get("/safeguarding/concerns/" + id).session(this.lead))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Devon and Cornwall Police, Truro")))
			.andExpect(content().string(containsString("Why the safeguarding screen flagged it")));
		// the queue finds it by its reference
		String reference = this.jdbc.sql("select reference from safeguarding_concern where id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		this.mvc.perform(get("/safeguarding").param("reference", reference.toLowerCase()).session(this.lead))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(reference)));
	}

	@Test
	void aSection42EnquiryNeedsAllThreeConditionsAndOpensTheEnquiry() throws Exception {
		UUID id = entered(this.lead, "none", "Neighbour reports bruising on A B's arms.");
		// not all three met: refused with a message on the page
		this.mvc
			.perform(post("/safeguarding/concerns/" + id + "/decision").session(this.lead)
				.with(csrf())
				.param("version", String.valueOf(version(id)))
				.param("careNeeds", "yes")
				.param("abuse", "yes")
				.param("unableToProtect", "no")
				.param("reasons", "Can protect herself.")
				.param("outcome", "SECTION_42"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("A section 42 enquiry needs all three conditions met")));
		// no further action without what the person was told: refused
		this.mvc
			.perform(post("/safeguarding/concerns/" + id + "/decision").session(this.lead)
				.with(csrf())
				.param("version", String.valueOf(version(id)))
				.param("careNeeds", "no")
				.param("abuse", "no")
				.param("unableToProtect", "no")
				.param("reasons", "")
				.param("outcome", "NO_FURTHER_ACTION"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Enter the reasons for the decision")))
			.andExpect(content().string(containsString("Enter what the person was told or signposted to")));
		assertThat(this.jdbc.sql("select status from safeguarding_concern where id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("AWAITING_DECISION");
		// all three: the enquiry is opened for planning in the same step
		this.mvc
			.perform(post("/safeguarding/concerns/" + id + "/decision").session(this.lead)
				.with(csrf())
				.param("version", String.valueOf(version(id)))
				.param("careNeeds", "yes")
				.param("abuse", "yes")
				.param("unableToProtect", "yes")
				.param("reasons", "Dementia; unexplained bruising; cannot say who.")
				.param("outcome", "SECTION_42"))
			.andExpect(status().is3xxRedirection());
		var enquiry = this.jdbc.sql("select kind, status from safeguarding_enquiry where concern_id = :id")
			.param("id", id)
			.query()
			.singleRow();
		assertThat(enquiry.get("kind")).isEqualTo("SECTION_42");
		assertThat(enquiry.get("status")).isEqualTo("PLANNING");
		assertThat(steps(id)).contains("DECIDED", "ENQUIRY_OPENED");
		this.mvc.perform(get("/safeguarding/concerns/" + id).session(this.lead))
			.andExpect(content().string(containsString("/safeguarding/concerns/" + id + "/enquiry")));
		// a decided case cannot be decided again
		this.mvc
			.perform(post("/safeguarding/concerns/" + id + "/decision").session(this.lead)
				.with(csrf())
				.param("version", String.valueOf(version(id)))
				.param("careNeeds", "no")
				.param("abuse", "no")
				.param("unableToProtect", "no")
				.param("reasons", "Changed my mind.")
				.param("outcome", "NO_FURTHER_ACTION")
				.param("nfaInformation", "Signposted."))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("select status from safeguarding_concern where id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("S42_ENQUIRY");
	}

	@Test
	void noFurtherActionRecordsWhatThePersonWasToldAndTheCaseCloses() throws Exception {
		UUID id = entered(this.lead, "none", "Family worried about C D's spending.");
		this.mvc
			.perform(post("/safeguarding/concerns/" + id + "/decision").session(this.lead)
				.with(csrf())
				.param("version", String.valueOf(version(id)))
				.param("careNeeds", "no")
				.param("abuse", "no")
				.param("unableToProtect", "no")
				.param("reasons", "No care needs; has capacity.")
				.param("outcome", "NO_FURTHER_ACTION")
				.param("nfaInformation", "Signposted to Age UK's money advice."))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("select count(*) from safeguarding_enquiry where concern_id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).isZero();
		this.mvc
			.perform(post("/safeguarding/concerns/" + id + "/close").session(this.lead)
				.with(csrf())
				.param("version", String.valueOf(version(id)))
				.param("note", "Nothing more to do."))
			.andExpect(status().is3xxRedirection());
		var row = this.jdbc.sql("select status, nfa_information from safeguarding_concern where id = :id")
			.param("id", id)
			.query()
			.singleRow();
		assertThat(row.get("status")).isEqualTo("CLOSED");
		assertThat(row.get("nfa_information")).isEqualTo("Signposted to Age UK's money advice.");
		// closed cannot change
		this.mvc.perform(get("/safeguarding/concerns/" + id + "/edit").session(this.lead)).andExpect(status().isOk());
		this.mvc
			.perform(form("/safeguarding/concerns/" + id + "/edit", this.lead, "none", "Changed after closing.")
				.param("version", String.valueOf(version(id))))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("select summary from safeguarding_concern where id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("Family worried about C D's spending.");
	}

	@Test
	void aStaleEditIsRefusedWithTheGovUkMessage() throws Exception {
		UUID id = entered(this.lead, "none", "Carer shouted at E F.");
		int seen = version(id);
		this.mvc
			.perform(post("/safeguarding/concerns/" + id + "/merge").session(this.lead)
				.with(csrf())
				.param("version", String.valueOf(seen))
				.param("into", "SG-1900-00000"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Enter the reference of another open safeguarding concern")));
		// someone else changes it
		this.jdbc.sql("update safeguarding_concern set version = version + 1 where id = :id").param("id", id).update();
		this.mvc
			.perform(post("/safeguarding/concerns/" + id + "/decision").session(this.lead)
				.with(csrf())
				.param("version", String.valueOf(seen))
				.param("careNeeds", "yes")
				.param("abuse", "yes")
				.param("unableToProtect", "yes")
				.param("reasons", "All met.")
				.param("outcome", "OTHER_ENQUIRY"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("changed by someone else")));
		assertThat(this.jdbc.sql("select status from safeguarding_concern where id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("AWAITING_DECISION");
	}

	@Test
	void mergingADuplicateKeepsEveryStepAndReadOnTheSurvivingCase() throws Exception {
		UUID original = entered(this.lead, "none", "G H found with a black eye.");
		UUID duplicate = entered(this.lead, "none", "Police report G H has a black eye.");
		MockHttpSession officer = SignIn.as(this.mvc, Role.QA_OFFICER);
		UUID qa = this.jdbc.sql("select id from app_user where email = :e")
			.param("e", SignIn.DEMO_EMAILS.get(Role.QA_OFFICER))
			.query(UUID.class)
			.single();
		this.mvc
			.perform(post("/safeguarding/concerns/" + duplicate + "/officers").session(this.lead)
				.with(csrf())
				.param("add", qa.toString()))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/safeguarding/concerns/" + duplicate).session(officer)).andExpect(status().isOk());
		List<String> before = steps(duplicate);
		String reference = this.jdbc.sql("select reference from safeguarding_concern where id = :id")
			.param("id", original)
			.query(String.class)
			.single();
		this.mvc
			.perform(post("/safeguarding/concerns/" + duplicate + "/merge").session(this.lead)
				.with(csrf())
				.param("version", String.valueOf(version(duplicate)))
				.param("into", " " + reference.toLowerCase() + " "))
			.andExpect(status().is3xxRedirection());
		var merged = this.jdbc.sql("select status, merged_into from safeguarding_concern where id = :id")
			.param("id", duplicate)
			.query()
			.singleRow();
		assertThat(merged.get("status")).isEqualTo("MERGED");
		assertThat(merged.get("merged_into")).isEqualTo(original);
		assertThat(steps(duplicate)).startsWith(before.toArray(String[]::new)).endsWith("MERGED");
		assertThat(steps(original)).endsWith("MERGED_HERE");
		// the surviving case shows the duplicate's history, and its officer may read it
		this.mvc.perform(get("/safeguarding/concerns/" + original).session(this.lead))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Member of staff named on the case")))
			.andExpect(content().string(containsString("Duplicates merged into this case")));
		this.mvc.perform(get("/safeguarding/concerns/" + original + "/seen-by").session(this.lead))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(SignIn.DEMO_EMAILS.get(Role.QA_OFFICER))));
		this.mvc.perform(get("/safeguarding/concerns/" + original).session(officer)).andExpect(status().isOk());
	}

	@Test
	void aCaseAboutAServiceThatHasSinceClosedStillReads() throws Exception {
		UUID service = this.jdbc.sql("""
				select id from care_service where status = 'ACTIVE' order by name desc limit 1""")
			.query(UUID.class)
			.single();
		String name = this.jdbc.sql("select name from care_service where id = :id")
			.param("id", service)
			.query(String.class)
			.single();
		UUID id = entered(this.lead, service.toString(), "Staff left I J on the floor overnight.");
		this.jdbc.sql("update care_service set status = 'CLOSED', closed_on = current_date where id = :id")
			.param("id", service)
			.update();
		try {
			this.mvc.perform(get("/safeguarding/concerns/" + id).session(this.lead))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(org.springframework.web.util.HtmlUtils.htmlEscape(name))));
		}
		finally {
			this.jdbc.sql("update care_service set status = 'ACTIVE', closed_on = null where id = :id")
				.param("id", service)
				.update();
		}
	}

	@Test
	void onlyLeadsAndStaffNamedOnTheCaseMayOpenIt() throws Exception {
		UUID id = entered(this.lead, "none", "K L has unexplained injuries.");
		String page = "/safeguarding/concerns/" + id;
		this.mvc.perform(get(page).session(this.lead)).andExpect(status().isOk());
		MockHttpSession officer = SignIn.as(this.mvc, Role.QA_OFFICER);
		this.mvc.perform(get(page).session(officer)).andExpect(status().isNotFound());
		this.mvc.perform(get("/safeguarding").session(officer))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(page))));
		for (Role role : List.of(Role.COMMISSIONER, Role.ADMIN, Role.CASE_MANAGER, Role.PROVIDER)) {
			MockHttpSession other = SignIn.as(this.mvc, role);
			int status = this.mvc.perform(get(page).session(other)).andReturn().getResponse().getStatus();
			assertThat(status).as(role + " opening a case").isIn(403, 404);
			status = this.mvc.perform(get("/safeguarding").session(other)).andReturn().getResponse().getStatus();
			assertThat(status).as(role + " opening the queue").isIn(403, 404);
		}
		this.mvc.perform(get(page)).andExpect(status().is3xxRedirection());
		// named, the officer reads it but takes no lead's step
		UUID qa = this.jdbc.sql("select id from app_user where email = :e")
			.param("e", SignIn.DEMO_EMAILS.get(Role.QA_OFFICER))
			.query(UUID.class)
			.single();
		this.mvc.perform(post(page + "/officers").session(this.lead).with(csrf()).param("add", qa.toString()))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get(page).session(officer)).andExpect(status().isOk());
		this.mvc.perform(get("/safeguarding").session(officer)).andExpect(content().string(containsString(page)));
		for (String step : List.of("decision", "edit", "officers", "merge", "close", "seen-by")) {
			int status = this.mvc.perform(get(page + "/" + step).session(officer))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(status).as("QA officer opening " + step).isIn(403, 404);
		}
		// every view is in the read log
		assertThat(this.jdbc
			.sql("select count(*) from safeguarding_case_access where concern_id = :id and actor_role = 'QA_OFFICER'")
			.param("id", id)
			.query(Long.class)
			.single()).isPositive();
		// a QA officer who enters a case is named on it
		UUID own = entered(officer, "none", "M N says a carer took her bank card.");
		this.mvc.perform(get("/safeguarding/concerns/" + own).session(officer)).andExpect(status().isOk());
	}

	@Test
	void hostileValuesInTheFormsGetAMessageAndNeverAServerError() throws Exception {
		UUID id = entered(this.lead, "none", "O P was pushed.");
		String[] fields = { "summary", "adultInitials", "adultReference", "ageBand", "gender", "ethnicity",
				"supportReason", "autism", "riskTypes", "locationOfRisk", "sourcesOfRisk", "receivedDay",
				"receivedYear", "seriousIncident", "from", "partnerAgency", "partnerName" };
		long before = this.jdbc.sql("select count(*) from safeguarding_concern").query(Long.class).single();
		int accepted = 0;
		this.mvc.perform(entry(this.lead, "none", "x".repeat(10_001)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("What happened must be 10,000 characters or fewer")));
		this.mvc
			.perform(entry(this.lead, "none", "S T was hit.").param("receivedDay", "31").param("receivedMonth", "2"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("govuk-error-summary")));
		for (String field : fields) {
			for (String value : List.of(HostileValues.SCRIPT, "x".repeat(10_001), "a\u0000b", "", "NOT_A_VALUE",
					"ANY")) {
				MvcResult result = this.mvc.perform(entry(this.lead, "none", "Q R was hit.").param(field, value))
					.andReturn();
				int status = result.getResponse().getStatus();
				assertThat(status).as(field + "=" + value.substring(0, Math.min(20, value.length()))).isLessThan(500);
				assertThat(result.getResponse().getContentAsString()).doesNotContain(HostileValues.SCRIPT);
				if (status == 200) {
					assertThat(result.getResponse().getContentAsString()).contains("govuk-error-summary");
				}
				else {
					// an optional field left empty, or a value cleaned to a good one
					accepted++;
				}
			}
		}
		for (String field : List.of("careNeeds", "abuse", "unableToProtect", "reasons", "outcome", "nfaInformation",
				"version")) {
			for (String value : List.of(HostileValues.SCRIPT, "x".repeat(10_001), "a\u0000b", "", "-1")) {
				MvcResult result = this.mvc
					.perform(post("/safeguarding/concerns/" + id + "/decision").session(this.lead)
						.with(csrf())
						.param("version", String.valueOf(version(id)))
						.param("careNeeds", "yes")
						.param("abuse", "yes")
						.param("unableToProtect", "yes")
						.param("reasons", "All met.")
						.param("outcome", "OTHER_ENQUIRY")
						.param(field, value))
					.andReturn();
				assertThat(result.getResponse().getStatus()).isLessThan(500);
				assertThat(result.getResponse().getContentAsString()).doesNotContain(HostileValues.SCRIPT);
				if (result.getResponse().getStatus() == 200) {
					assertThat(result.getResponse().getContentAsString()).contains("govuk-error-summary");
				}
			}
		}
		// bad ids, bad references, no CSRF token
		this.mvc.perform(get("/safeguarding/concerns/not-an-id").session(this.lead))
			.andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(400, 404));
		this.mvc.perform(get("/safeguarding/concerns/" + UUID.randomUUID()).session(this.lead))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(get("/safeguarding").param("reference", "%_" + HostileValues.SCRIPT)
				.param("page", "x")
				.param("tab", "BAD")
				.session(this.lead))
			.andExpect(status().isOk());
		for (String value : List.of(HostileValues.SCRIPT, "x".repeat(10_001), "", UUID.randomUUID().toString())) {
			this.mvc
				.perform(post("/safeguarding/concerns/" + id + "/officers").session(this.lead)
					.with(csrf())
					.param("add", value))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("govuk-error-summary")));
			this.mvc
				.perform(post("/safeguarding/concerns/" + id + "/merge").session(this.lead)
					.with(csrf())
					.param("version", String.valueOf(version(id)))
					.param("into", value))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("govuk-error-summary")));
		}
		this.mvc.perform(post("/safeguarding/concerns/new").session(this.lead).param("summary", "No token"))
			.andExpect(status().isForbidden());
		assertThat(this.jdbc.sql("select count(*) from safeguarding_concern").query(Long.class).single())
			.as("only the forms that were accepted saved a case")
			.isEqualTo(before + accepted);
	}

}
