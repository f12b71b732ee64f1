package org.carecycle.concerns;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.carecycle.ApplicationTest;
import org.carecycle.SignIn;
import org.carecycle.identity.AuditLog;
import org.carecycle.shared.Role;
import org.carecycle.shared.UkTime;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The retention rule: a concern closed longer ago than six years loses its personal
 * details everywhere the database keeps them (checked by searching every table), keeps
 * what the statistics need, and still reads sensibly on its page; a concern closed more
 * recently, and an open one however old, are left alone; running the rule again changes
 * nothing.
 */
@ApplicationTest
class RetentionTests {

	private static final String PUBLIC_ADDRESS = "203.0.113.77";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Concerns concerns;

	@Autowired
	ConcernRetention retention;

	@Autowired
	PlatformTransactionManager transactionManager;

	/** Words that appear nowhere else in the database: one person's details. */
	record Person(String reporter, String email, String phone, String resident, String when, String secret) {

		static Person invent() {
			String tag = letters(8);
			return new Person("Morwenna Z" + tag, "w" + tag + "@example.org",
					"07700 9" + (10000 + ThreadLocalRandom.current().nextInt(89999)), "Jory P" + letters(8),
					"the Tuesday after " + letters(8) + " chapel", "T" + letters(10));
		}

		List<String> markers() {
			return List.of(this.reporter, this.email, this.phone, this.resident, this.when, this.secret);
		}

		Report report(UUID service) {
			return new Report(ConcernKind.CONCERN, service, null,
					"On " + this.when + " I saw bruises on " + this.resident + "'s arms. Ring me on " + this.phone
							+ ".",
					null, this.when, this.resident + ", aged 91", AtRisk.NO, ReporterRole.RELATIVE_OR_FRIEND, false,
					this.reporter, this.email, this.phone, true);
		}

		private static String letters(int n) {
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < n; i++) {
				text.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
			}
			return text.toString();
		}

	}

	/**
	 * A concern sent through the public form from a member of the public's address,
	 * assessed, answered by the provider with a document, accepted and closed, all
	 * through the pages; every step copies the person's words somewhere.
	 */
	private Concern closedWithEverything(Person person) throws Exception {
		UUID service = ConcernFixtures.demoProvidersService(this.jdbc);
		MockHttpServletRequest publicRequest = new MockHttpServletRequest();
		publicRequest.setRemoteAddr(PUBLIC_ADDRESS);
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(publicRequest));
		Concern concern;
		try {
			concern = AuditLog.asSystem("Public form", () -> this.concerns.receive(person.report(service),
					Channel.PUBLIC_FORM, UUID.randomUUID(), Instant.now()));
		}
		finally {
			RequestContextHolder.resetRequestAttributes();
		}
		assertThat(concern.safeguardingFlag()).as("'bruises' flags it for safeguarding").isTrue();
		MockHttpSession officer = SignIn.as(this.mvc, Role.QA_OFFICER);
		this.mvc
			.perform(post("/concerns/" + concern.id() + "/assess").session(officer)
				.param("version", String.valueOf(ConcernFixtures.version(this.jdbc, concern.id())))
				.param("themes", "DIGNITY_AND_RESPECT")
				.param("themes", "FALLS")
				.param("likelihood", "4")
				.param("impact", "3")
				.param("action", "ASK_PROVIDER")
				.param("rationale", "Ask how " + person.resident() + " was hurt.")
				.param("providerSummary", "A relative saw bruises on " + person.resident() + ".")
				.param("step", "send")
				.param("summaryChecked", "yes")
				.with(csrf()))
			.andExpect(redirectedUrl("/concerns/" + concern.id()));
		UUID request = this.jdbc.sql("select id from concern_provider_request where concern_id = :id")
			.param("id", concern.id())
			.query(UUID.class)
			.single();
		MockHttpSession provider = SignIn.as(this.mvc, Role.PROVIDER);
		byte[] pdf = ("%PDF-1.4\n% body map of " + person.secret() + "\n%%EOF\n").getBytes();
		this.mvc
			.perform(multipart("/my-organisation/concerns/" + request)
				.file(new MockMultipartFile("document", person.resident() + " body map.pdf", "application/pdf", pdf))
				.param("response", person.resident() + " fell against the bed rail; we have padded it.")
				.session(provider)
				.with(csrf()))
			.andExpect(redirectedUrl("/my-organisation/concerns/" + request));
		this.mvc
			.perform(post("/concerns/" + concern.id() + "/response").session(officer)
				.param("version", String.valueOf(ConcernFixtures.version(this.jdbc, concern.id())))
				.param("decision", "accept")
				.with(csrf()))
			.andExpect(redirectedUrl("/concerns/" + concern.id()));
		this.mvc
			.perform(post("/concerns/" + concern.id() + "/close").session(officer)
				.param("version", String.valueOf(ConcernFixtures.version(this.jdbc, concern.id())))
				.param("outcome", "Bed rail padded; " + person.resident() + "'s daughter told.")
				.param("lessons", "Check " + person.resident() + "'s skin daily.")
				.with(csrf()))
			.andExpect(redirectedUrl("/concerns/" + concern.id()));
		return this.concerns.find(concern.id()).orElseThrow();
	}

	/** A concern received and closed through the service, no pages involved. */
	private Concern closedQuietly(Person person) {
		UUID service = ConcernFixtures.demoProvidersService(this.jdbc);
		Concern concern = AuditLog.asSystem("test", () -> {
			Concern received = this.concerns.receive(person.report(service), Channel.PHONE, UUID.randomUUID(),
					Instant.now());
			this.concerns.assess(received.id(), ConcernFixtures.version(this.jdbc, received.id()),
					Set.of(Theme.MEDICATION), new RiskRating(2, 2), ConcernAction.INTELLIGENCE_ONLY,
					"Noted about " + person.resident(), null);
			this.concerns.close(received.id(), ConcernFixtures.version(this.jdbc, received.id()),
					"Logged; " + person.resident() + " is fine.", null);
			return received;
		});
		return this.concerns.find(concern.id()).orElseThrow();
	}

	private void closedAgo(UUID id, int years, int days) {
		this.jdbc.sql("update concern set closed_at = :at where id = :id")
			.param("at",
					java.sql.Timestamp
						.from(Instant.now().atZone(UkTime.ZONE).minusYears(years).minusDays(days).toInstant()))
			.param("id", id)
			.update();
	}

	/** The tables in which any of the words can be found, by searching every row. */
	private List<String> tablesHolding(List<String> markers) {
		String pattern = String.join("|", markers.stream().map(m -> m.toLowerCase(Locale.ROOT)).toList());
		List<String> tables = this.jdbc.sql("""
				select table_name from information_schema.tables
				where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name""")
			.query(String.class)
			.list();
		List<String> holding = new ArrayList<>();
		for (String table : tables) {
			long rows = this.jdbc.sql("select count(*) from \"" + table + "\" t where lower(t::text) ~ :pattern")
				.param("pattern", pattern)
				.query(Long.class)
				.single();
			if (rows > 0) {
				holding.add(table);
			}
		}
		for (String marker : markers) {
			// documents are bytes, which the text search above sees only as hex
			long documents = this.jdbc
				.sql("select count(*) from document where position(convert_to(:m, 'UTF8') in content) > 0")
				.param("m", marker)
				.query(Long.class)
				.single();
			if (documents > 0 && !holding.contains("document (content)")) {
				holding.add("document (content)");
			}
		}
		return holding;
	}

	/**
	 * Everything stored about one concern, as text, to tell whether any of it changed.
	 */
	private String everythingAbout(UUID id) {
		return String.join("\n",
				this.jdbc
					.sql("""
							select 'concern ' || c::text from concern c where c.id = :id
							union all select 'event ' || e::text from concern_event e where e.concern_id = :id
							union all select 'request ' || r::text from concern_provider_request r where r.concern_id = :id
							union all select 'document ' || d::text from document d
							    where d.id in (select document_id from concern_provider_request where concern_id = :id)
							union all select 'audit ' || a::text from audit_event a where a.record_id = cast(:id as text)
							union all select 'mail ' || m::text from mail_outbox m where m.dedupe_key like '%' || cast(:id as text) || '%'
							order by 1""")
					.param("id", id)
					.query(String.class)
					.list());
	}

	/** What the statistics read. */
	private Map<String, Object> statistics(UUID id) {
		return this.jdbc
			.sql("""
					select reference, kind, channel, care_service_id, provider_id, received_at, happened_on, acknowledged_at,
					       assessed_at, closed_at, cast(themes as text) as themes, likelihood, impact, action, status,
					       safeguarding_flag, urgent, anonymous, reporter_role
					from concern where id = :id""")
			.param("id", id)
			.query()
			.singleRow();
	}

	private long retentionEntries() {
		return this.jdbc.sql("select count(*) from audit_event where record_type = 'Concern retention'")
			.query(Long.class)
			.single();
	}

	@Test
	void anonymisesAConcernClosedBeforeTheCutOffAndLeavesTheOthersAlone() throws Exception {
		Person old = Person.invent();
		Person recent = Person.invent();
		Person stillOpen = Person.invent();
		Concern due = closedWithEverything(old);
		closedAgo(due.id(), 6, 2);
		Concern kept = closedQuietly(recent);
		closedAgo(kept.id(), 5, 300);
		Concern open = AuditLog.asSystem("test",
				() -> this.concerns.receive(stillOpen.report(ConcernFixtures.demoProvidersService(this.jdbc)),
						Channel.EMAIL, UUID.randomUUID(), Instant.now().minus(3000, ChronoUnit.DAYS)));

		// Before: the person's details are all over the database, the audit log included.
		assertThat(tablesHolding(old.markers())).contains("concern", "concern_event", "concern_provider_request",
				"audit_event", "mail_outbox", "document (content)");
		assertThat(this.jdbc.sql("select count(*) from audit_event where record_id = :id and client_address = :address")
			.param("id", due.id().toString())
			.param("address", PUBLIC_ADDRESS)
			.query(Long.class)
			.single()).isPositive();
		UUID documentId = this.jdbc.sql("select document_id from concern_provider_request where concern_id = :id")
			.param("id", due.id())
			.query(UUID.class)
			.single();
		Map<String, Object> statisticsBefore = statistics(due.id());
		String keptBefore = everythingAbout(kept.id());
		String openBefore = everythingAbout(open.id());
		long entriesBefore = retentionEntries();

		ConcernRetention.Anonymised done = AuditLog.asSystem("test", () -> this.retention.run());

		assertThat(done.concerns()).isPositive();
		assertThat(done.documents()).isPositive();
		assertThat(done.emails()).isPositive();
		assertThat(done.auditEntries()).isPositive();
		// After: no table holds any of them, and the document is gone.
		assertThat(tablesHolding(old.markers())).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from document where id = :id")
			.param("id", documentId)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from audit_event where client_address = :address")
			.param("address", PUBLIC_ADDRESS)
			.query(Long.class)
			.single()).isZero();
		Map<String, Object> row = this.jdbc.sql("select * from concern where id = :id")
			.param("id", due.id())
			.query()
			.singleRow();
		assertThat(row.get("reporter_name")).isNull();
		assertThat(row.get("reporter_email")).isNull();
		assertThat(row.get("reporter_phone")).isNull();
		assertThat(row.get("people_affected")).isNull();
		assertThat(row.get("happened_when_text")).isNull();
		assertThat(row.get("lessons")).isNull();
		assertThat(row.get("what_happened")).asString().startsWith("This account was removed");
		assertThat(row.get("anonymised_on")).isNotNull();
		// What the statistics need is untouched.
		assertThat(statistics(due.id())).isEqualTo(statisticsBefore);
		assertThat(statisticsBefore.get("themes")).asString().contains("DIGNITY_AND_RESPECT", "FALLS");
		assertThat(statisticsBefore.get("action")).isEqualTo("ASK_PROVIDER");
		// One audit entry for the run, naming no one.
		assertThat(retentionEntries()).isEqualTo(entriesBefore + 1);
		// The concern closed less than six years ago, and the open one received eight
		// years ago, are exactly as they were, their audit entries included.
		assertThat(everythingAbout(kept.id())).isEqualTo(keptBefore).contains(recent.resident());
		assertThat(everythingAbout(open.id())).isEqualTo(openBefore).contains(stillOpen.resident());
		assertThat(tablesHolding(List.of(recent.resident()))).contains("concern", "audit_event");

		// Running again changes nothing more: not the concern, not the log.
		String dueAfter = everythingAbout(due.id());
		long auditRows = this.jdbc.sql("select count(*) from audit_event").query(Long.class).single();
		ConcernRetention.Anonymised again = AuditLog.asSystem("test", () -> this.retention.run());
		assertThat(again.concerns()).isZero();
		assertThat(everythingAbout(due.id())).isEqualTo(dueAfter);
		assertThat(everythingAbout(kept.id())).isEqualTo(keptBefore);
		assertThat(this.jdbc.sql("select count(*) from audit_event").query(Long.class).single()).isEqualTo(auditRows);
	}

	@Test
	void theAnonymisedConcernStillReadsSensibly() throws Exception {
		Person person = Person.invent();
		Concern concern = closedWithEverything(person);
		closedAgo(concern.id(), 7, 0);
		AuditLog.asSystem("test", () -> this.retention.run());
		UUID request = this.jdbc.sql("select id from concern_provider_request where concern_id = :id")
			.param("id", concern.id())
			.query(UUID.class)
			.single();

		String page = this.mvc.perform(get("/concerns/" + concern.id()).session(SignIn.as(this.mvc, Role.QA_OFFICER)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(concern.reference(), "Anonymised on", "under the retention rule",
				"This account was removed", "Removed under the retention rule", "Anonymised under the retention rule",
				"Dignity and respect");
		for (String marker : person.markers()) {
			assertThat(page).doesNotContain(marker);
		}
		// The document is gone for the officer and the provider alike.
		assertThat(page).doesNotContain("/responses/" + request + "/document");
		this.mvc
			.perform(get("/concerns/" + concern.id() + "/responses/" + request + "/document")
				.session(SignIn.as(this.mvc, Role.QA_OFFICER)))
			.andExpect(status().isNotFound());
		String providerPage = this.mvc
			.perform(get("/my-organisation/concerns/" + request).session(SignIn.as(this.mvc, Role.PROVIDER)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(providerPage).contains("Removed under the retention rule").doesNotContain(person.resident());
	}

	@Test
	void theAuditLogAllowsOnlyRedactionAndOnlyInsideTheRedactionFunction() {
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
		long id = this.jdbc.sql("select max(id) from audit_event").query(Long.class).single();
		assertThatThrownBy(() -> transaction.executeWithoutResult(
				status -> this.jdbc.sql("update audit_event set summary = '(redacted)' where id = :id")
					.param("id", id)
					.update()))
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
		for (String tampering : List.of("actor_name = 'Someone else'", "summary = 'Nothing happened'",
				"changes = '{\"status\": {\"from\": \"NEW\", \"to\": \"CLOSED\"}}'", "client_address = '10.0.0.1'")) {
			assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
				this.jdbc.sql("select set_config('carecycle.audit_redaction', 'on', true)").query().singleRow();
				this.jdbc.sql("update audit_event set " + tampering + " where id = :id").param("id", id).update();
			})).as(tampering)
				.isInstanceOf(DataAccessException.class)
				.rootCause()
				.hasMessageContaining("only values may be redacted");
		}
		assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
			this.jdbc.sql("select set_config('carecycle.audit_redaction', 'on', true)").query().singleRow();
			this.jdbc.sql("delete from audit_event where id = :id").param("id", id).update();
		})).isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
	}

}
