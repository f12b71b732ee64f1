package org.carecycle.concerns;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.carecycle.ApplicationTest;
import org.carecycle.SignIn;
import org.carecycle.identity.AuditLog;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Legal hold: a safeguarding lead or an administrator keeps a concern out of the
 * retention rule with a reason, the concern's page says so, the rule leaves it whole
 * however long ago it closed while a similar one without a hold is anonymised, and once
 * the hold is lifted the next run anonymises it. Placing and lifting are on the timeline
 * and in the audit log; a hold without a reason is refused on the same page and saves
 * nothing.
 */
@ApplicationTest
class LegalHoldTests {

	private static final String REASON = "Police investigation: Devon and Cornwall Police, Operation Kestrel";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Concerns concerns;

	@Autowired
	ConcernRetention retention;

	/** A concern received and closed, then moved back to seven years ago. */
	private Concern closedSevenYearsAgo(RetentionTests.Person person) {
		Concern concern = AuditLog.asSystem("test", () -> {
			Concern received = this.concerns.receive(person.report(ConcernFixtures.demoProvidersService(this.jdbc)),
					Channel.PHONE, UUID.randomUUID(), Instant.now());
			this.concerns.assess(received.id(), ConcernFixtures.version(this.jdbc, received.id()),
					Set.of(Theme.MEDICATION), new RiskRating(2, 2), ConcernAction.INTELLIGENCE_ONLY,
					"Noted about " + person.resident(), null);
			this.concerns.close(received.id(), ConcernFixtures.version(this.jdbc, received.id()),
					"Logged; " + person.resident() + " is fine.", null);
			return received;
		});
		this.jdbc.sql("update concern set closed_at = now() - interval '7 years' where id = :id")
			.param("id", concern.id())
			.update();
		return concern;
	}

	private Map<String, Object> row(UUID id) {
		return this.jdbc.sql("select * from concern where id = :id").param("id", id).query().singleRow();
	}

	/** The concern's row as text, to tell whether anything in it changed. */
	private String asText(UUID id) {
		return this.jdbc.sql("select c::text from concern c where c.id = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

	private MvcResult place(MockHttpSession session, UUID id, String reason, int version) throws Exception {
		return this.mvc
			.perform(post("/concerns/" + id + "/legal-hold").session(session)
				.param("version", String.valueOf(version))
				.param("reason", reason)
				.with(csrf()))
			.andReturn();
	}

	private String page(MockHttpSession session, String path) throws Exception {
		return this.mvc.perform(get(path).session(session)).andReturn().getResponse().getContentAsString();
	}

	private long auditEntries(UUID id, String summary) {
		return this.jdbc.sql("select count(*) from audit_event where record_id = :id and summary = :summary")
			.param("id", id.toString())
			.param("summary", summary)
			.query(Long.class)
			.single();
	}

	@Test
	void aConcernOnLegalHoldIsKeptWholeUntilTheHoldIsLifted() throws Exception {
		RetentionTests.Person heldPerson = RetentionTests.Person.invent();
		RetentionTests.Person otherPerson = RetentionTests.Person.invent();
		Concern held = closedSevenYearsAgo(heldPerson);
		Concern other = closedSevenYearsAgo(otherPerson);
		MockHttpSession lead = SignIn.as(this.mvc, Role.SAFEGUARDING_LEAD);
		String leadName = this.jdbc.sql("select display_name from app_user where email = :email")
			.param("email", SignIn.DEMO_EMAILS.get(Role.SAFEGUARDING_LEAD))
			.query(String.class)
			.single();

		assertThat(page(lead, "/concerns/" + held.id())).contains("Place on legal hold");
		assertThat(page(lead, "/concerns/" + held.id() + "/legal-hold")).contains("Place this concern on legal hold",
				"Why must this concern be kept?");
		MvcResult placed = place(lead, held.id(), REASON, ConcernFixtures.version(this.jdbc, held.id()));
		assertThat(placed.getResponse().getRedirectedUrl()).isEqualTo("/concerns/" + held.id());
		assertThat(row(held.id()).get("legal_hold_reason")).isEqualTo(REASON);
		assertThat(auditEntries(held.id(), "Placed on legal hold")).isOne();
		String heldPage = page(lead, "/concerns/" + held.id());
		assertThat(heldPage).contains("On legal hold", REASON, "placed by " + leadName, "Lift the legal hold",
				"once the hold is lifted, it will be anonymised the next night");
		// Officers see the hold too, but cannot lift it.
		assertThat(page(SignIn.as(this.mvc, Role.QA_OFFICER), "/concerns/" + held.id()))
			.contains("On legal hold", REASON)
			.doesNotContain("Lift the legal hold");

		ConcernRetention.Anonymised first = AuditLog.asSystem("test", () -> this.retention.run());

		assertThat(first.onLegalHold()).isPositive();
		assertThat(row(other.id()).get("anonymised_on")).isNotNull();
		assertThat(row(other.id()).get("reporter_name")).isNull();
		Map<String, Object> kept = row(held.id());
		assertThat(kept.get("anonymised_on")).isNull();
		assertThat(kept.get("reporter_name")).isEqualTo(heldPerson.reporter());
		assertThat((String) kept.get("what_happened")).contains(heldPerson.resident());

		this.mvc
			.perform(post("/concerns/" + held.id() + "/legal-hold/lift").session(lead)
				.param("version", String.valueOf(ConcernFixtures.version(this.jdbc, held.id())))
				.with(csrf()))
			.andReturn();
		assertThat(row(held.id()).get("legal_hold_since")).isNull();
		assertThat(auditEntries(held.id(), "Legal hold lifted")).isOne();
		assertThat(page(lead, "/concerns/" + held.id())).contains("Placed on legal hold", "Legal hold lifted")
			.doesNotContain("On legal hold since");

		AuditLog.asSystem("test", () -> this.retention.run());

		Map<String, Object> anonymised = row(held.id());
		assertThat(anonymised.get("anonymised_on")).isNotNull();
		assertThat(anonymised.get("reporter_name")).isNull();
		// The hold's reason goes with the other free text: from the timeline and the log.
		assertThat(this.jdbc.sql("""
				select count(*) from concern_event where concern_id = :id and detail like '%Operation Kestrel%'""")
			.param("id", held.id())
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc
			.sql("select count(*) from audit_event where record_id = :id and changes::text like '%Operation Kestrel%'")
			.param("id", held.id().toString())
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql(
				"select count(*) from audit_event where record_id = :id and (changes -> 'legalHoldReason') is not null")
			.param("id", held.id().toString())
			.query(Long.class)
			.single()).as("the log still says the hold changed, without its words").isPositive();
	}

	@Test
	void aLegalHoldNeedsAReasonAndSavesNothingWithoutOne() throws Exception {
		Concern concern = closedSevenYearsAgo(RetentionTests.Person.invent());
		MockHttpSession lead = SignIn.as(this.mvc, Role.SAFEGUARDING_LEAD);
		String before = asText(concern.id());

		MvcResult blank = place(lead, concern.id(), "  \n ", ConcernFixtures.version(this.jdbc, concern.id()));
		assertThat(blank.getResponse().getStatus()).isEqualTo(200);
		assertThat(blank.getResponse().getContentAsString()).contains("<title>Error: Place this concern on legal hold",
				"govuk-error-summary", "href=\"#reason\">Enter why this concern must be kept", "govuk-textarea--error");
		MvcResult tooLong = place(lead, concern.id(), "x".repeat(501),
				ConcernFixtures.version(this.jdbc, concern.id()));
		assertThat(tooLong.getResponse().getContentAsString()).contains("The reason must be 500 characters or fewer");

		assertThat(asText(concern.id())).isEqualTo(before);
		assertThat(auditEntries(concern.id(), "Placed on legal hold")).isZero();
		assertThat(this.jdbc.sql("select count(*) from concern_event where concern_id = :id and kind like 'LEGAL%'")
			.param("id", concern.id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void onlySafeguardingLeadsAndAdministratorsPlaceAHoldAndAStalePageSavesNothing() throws Exception {
		Concern concern = closedSevenYearsAgo(RetentionTests.Person.invent());
		for (Role role : new Role[] { Role.QA_OFFICER, Role.COMMISSIONER, Role.CASE_MANAGER, Role.PROVIDER }) {
			assertThat(place(SignIn.as(this.mvc, role), concern.id(), REASON,
					ConcernFixtures.version(this.jdbc, concern.id()))
				.getResponse()
				.getStatus()).as(role.name()).isEqualTo(403);
		}
		assertThat(row(concern.id()).get("legal_hold_since")).isNull();

		MockHttpSession admin = SignIn.as(this.mvc, Role.ADMIN);
		int drawn = ConcernFixtures.version(this.jdbc, concern.id());
		// someone else changes the concern after the page was drawn
		this.jdbc.sql("update concern set version = version + 1 where id = :id").param("id", concern.id()).update();
		MvcResult stale = place(admin, concern.id(), REASON, drawn);
		assertThat(stale.getResponse().getContentAsString()).contains("Someone else changed this concern");
		assertThat(row(concern.id()).get("legal_hold_since")).isNull();

		assertThat(place(admin, concern.id(), REASON, ConcernFixtures.version(this.jdbc, concern.id())).getResponse()
			.getRedirectedUrl()).isEqualTo("/concerns/" + concern.id());
		assertThat(row(concern.id()).get("legal_hold_since")).isNotNull();
		// the hold is lifted again, so that it does not keep this concern from other
		// tests' runs of the rule
		this.mvc
			.perform(post("/concerns/" + concern.id() + "/legal-hold/lift").session(admin)
				.param("version", String.valueOf(ConcernFixtures.version(this.jdbc, concern.id())))
				.with(csrf()))
			.andReturn();
		assertThat(row(concern.id()).get("legal_hold_since")).isNull();
	}

}
