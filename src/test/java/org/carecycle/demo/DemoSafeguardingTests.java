package org.carecycle.demo;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.carecycle.ApplicationTest;
import org.carecycle.oversight.EscalationStage;
import org.carecycle.oversight.Escalations;
import org.carecycle.shared.UkTime;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo county's safeguarding history reads as a real council's would: the queue has
 * work due today and one case overdue, a whole-service enquiry is open at the home on the
 * escalation ladder after safeguarding concerns, every flagged public concern became a
 * safeguarding concern, the last full year's Safeguarding Adults Collection figures sit
 * where England's do, and the demo QA officer has cases of their own.
 */
@ApplicationTest
class DemoSafeguardingTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Escalations escalations;

	@Autowired
	DemoSafeguarding demoSafeguarding;

	@Autowired
	DemoCountyLoader loader;

	@Autowired
	DemoProperties properties;

	@Autowired
	PlatformTransactionManager transactions;

	private final LocalDate today = LocalDate.now(UkTime.ZONE);

	@Autowired
	org.springframework.context.MessageSource messages;

	/**
	 * Every step in the demo's case histories reads as words on the case page: the demo
	 * records the same kinds of step as the pages do.
	 */
	@Test
	void everyStepInTheDemoHistoryHasWordsOnTheCasePage() {
		List<String> kinds = this.jdbc.sql("select distinct kind from safeguarding_step order by kind")
			.query(String.class)
			.list();
		assertThat(kinds).contains("FROM_PPMF", "DECIDED", "ENQUIRY_CONCLUDED", "WSE_MEETING");
		assertThat(kinds).allSatisfy(kind -> assertThat(
				this.messages.getMessage("safeguarding.step." + kind, null, null, java.util.Locale.UK))
			.as(kind)
			.isNotBlank());
	}

	@Test
	void theQueueHasDecisionsDueTodayAndOneOverdue() {
		onTheDemoAlone((again, nanos) -> {
			Timestamp startOfToday = Timestamp.from(UkTime.startOf(this.today));
			Timestamp startOfTomorrow = Timestamp.from(UkTime.startOf(this.today.plusDays(1)));
			long dueToday = count("""
					safeguarding_concern where status = 'AWAITING_DECISION' and created_by is null
					  and decision_due_at >= :from and decision_due_at < :to and received_at < :from""", startOfToday,
					startOfTomorrow);
			long overdue = count("""
					safeguarding_concern where status = 'AWAITING_DECISION' and created_by is null
					  and decision_due_at < :from and decision_due_at < :to and received_at < :from""", startOfToday,
					startOfTomorrow);
			assertThat(dueToday).isEqualTo(3);
			assertThat(overdue).isEqualTo(1);
			// due at 5pm, as the live timer sets them, not at midnight
			assertThat(count("""
					safeguarding_concern where (decision_due_at at time zone 'Europe/London')::time <> time '17:00'
					  and received_at < :from and decision_due_at < :to""", startOfToday, startOfTomorrow)).isZero();
			// everything older has been decided
			assertThat(count("safeguarding_concern where status = 'AWAITING_DECISION' and received_at < :from"
					+ " and decision_due_at >= :to", startOfToday, startOfTomorrow))
				.isZero();
		});
	}

	@Test
	void aWholeServiceEnquiryIsOpenAtTheHomeSuspendedAfterSafeguardingConcerns() {
		onTheDemoAlone((again, nanos) -> {
			Map<String, Object> wse = this.jdbc.sql("""
					select id, care_service_id, placements_suspended, suggestion_reason, decision_reasons
					from safeguarding_whole_service_enquiry where status = 'OPEN' and suggested_at < :today""")
				.param("today", Timestamp.from(UkTime.startOf(this.today)))
				.query()
				.singleRow();
			UUID service = (UUID) wse.get("care_service_id");
			var escalation = this.escalations.ofService(service).orElseThrow();
			assertThat(escalation.stage()).isIn(EscalationStage.SUSPENSION, EscalationStage.CONTRACT_ACTION);
			assertThat(escalation.afterSafeguarding()).isTrue();
			assertThat(wse.get("placements_suspended")).isEqualTo(true);
			assertThat(wse.get("suggestion_reason")).isEqualTo("CLUSTER");
			assertThat((String) wse.get("decision_reasons")).isNotBlank();
			UUID id = (UUID) wse.get("id");
			assertThat(count("safeguarding_concern where whole_service_enquiry_id = :w and care_service_id = :s", id,
					service))
				.as("adults at risk counted in the enquiry")
				.isGreaterThanOrEqualTo(5);
			assertThat(strings(
					"select kind from safeguarding_meeting where whole_service_enquiry_id = :w order by held_on", id))
				.containsExactly("STRATEGY", "REVIEW");
			assertThat(strings("""
					select distinct a.agency from safeguarding_meeting_attendee a
					join safeguarding_meeting m on m.id = a.meeting_id where m.whole_service_enquiry_id = :w""", id))
				.contains("COUNCIL", "PROVIDER", "CQC", "POLICE", "NHS", "ICB", "OTHER_COUNCIL");
			long overdueActions = count("""
					safeguarding_meeting_action a join safeguarding_meeting m on m.id = a.meeting_id
					where m.whole_service_enquiry_id = :w and a.done_at is null and a.due_on < :t""", id, this.today);
			long doneActions = count("""
					safeguarding_meeting_action a join safeguarding_meeting m on m.id = a.meeting_id
					where m.whole_service_enquiry_id = :w and a.done_at is not null""", id, null);
			assertThat(overdueActions).isEqualTo(1);
			assertThat(doneActions).isGreaterThanOrEqualTo(4);
			assertThat(strings(
					"select distinct audience from safeguarding_communication where whole_service_enquiry_id = :w", id))
				.contains("PLACING_COUNCIL", "FAMILY", "RESIDENT");
			// and an older one, closed at its closing meeting
			UUID closed = this.jdbc.sql(
					"select id from safeguarding_whole_service_enquiry where status = 'CLOSED' and closing_summary is not null")
				.query(UUID.class)
				.single();
			assertThat(strings(
					"select kind from safeguarding_meeting where whole_service_enquiry_id = :w order by held_on",
					closed))
				.containsExactly("STRATEGY", "REVIEW", "CLOSING");
		});
	}

	@Test
	void everyFlaggedDemoConcernHasASafeguardingConcern() {
		long flagged = count("concern_event where actor = 'Demo' and kind = 'FLAGGED'", null, null);
		long missing = count("""
				concern_event e where e.actor = 'Demo' and e.kind = 'FLAGGED' and not exists (
				    select 1 from safeguarding_concern s join concern c on c.id = s.ppmf_concern_id
				    where s.ppmf_concern_id = e.concern_id and s.ppmf_reference = c.reference
				      and s.source = 'PPMF' and s.care_service_id = c.care_service_id)""", null, null);
		assertThat(flagged).isGreaterThan(20);
		assertThat(missing).isZero();
	}

	@Test
	void theLastFullYearLooksLikeEnglandsSafeguardingAdultsCollection() {
		LocalDate start = DemoSafeguarding.financialYearStart(this.today).minusYears(1);
		Timestamp from = Timestamp.from(UkTime.startOf(start));
		Timestamp to = Timestamp.from(UkTime.startOf(start.plusYears(1)));
		Map<String, Object> year = this.jdbc
			.sql("""
					select count(*) as concerns,
					       count(*) filter (where e.kind = 'SECTION_42') as s42,
					       count(*) filter (where e.kind = 'OTHER') as other,
					       count(*) filter (where c.status = 'NO_FURTHER_ACTION' and c.nfa_information is not null) as nfa,
					       count(*) filter (where c.gender = 'FEMALE') as female,
					       count(*) filter (where c.age_band in ('AGE_65_74', 'AGE_75_84', 'AGE_85_94', 'AGE_95_PLUS')) as older,
					       count(*) filter (where c.ethnicity = 'WHITE') as white,
					       count(*) filter (where c.source = 'PARTNER') as partner,
					       count(*) filter (where c.decided_at <= c.decision_due_at) as on_time,
					       count(*) filter (where c.decided_at > c.decision_due_at) as late
					from safeguarding_concern c left join safeguarding_enquiry e on e.concern_id = c.id
					where c.received_at >= :from and c.received_at < :to""")
			.param("from", from)
			.param("to", to)
			.query()
			.singleRow();
		long concerns = (Long) year.get("concerns");
		// 13.4 concerns a year for each 1,000 adults, and Cornwall's 470,000 adults
		assertThat(concerns).isBetween(5_300L, 7_300L);
		assertThat(share(year, "s42", concerns)).isBetween(0.25, 0.36);
		assertThat(share(year, "other", concerns)).isBetween(0.06, 0.14);
		assertThat(share(year, "nfa", concerns)).isBetween(0.50, 0.66);
		assertThat(share(year, "female", concerns)).isBetween(0.55, 0.66);
		assertThat(share(year, "older", concerns)).isBetween(0.50, 0.72);
		assertThat(share(year, "white", concerns)).isBetween(0.85, 0.96);
		assertThat(share(year, "partner", concerns)).isBetween(0.30, 0.45);
		assertThat(share(year, "on_time", concerns)).isBetween(0.80, 0.95);
		assertThat((Long) year.get("late")).isPositive();
		// concluded section 42 enquiries: neglect the commonest type, own home the
		// commonest
		// place, most people asked what they wanted, and the risk mostly reduced or
		// removed
		List<String> types = strings("""
				select t from safeguarding_enquiry e join safeguarding_concern c on c.id = e.concern_id,
				     unnest(c.risk_types) t
				where e.kind = 'SECTION_42' and e.concluded_on >= :w
				group by t order by count(*) desc""", start);
		assertThat(types.get(0)).isEqualTo("NEGLECT");
		assertThat(types.subList(1, 4)).contains("PHYSICAL");
		List<String> places = strings("""
				select c.location_of_risk from safeguarding_enquiry e join safeguarding_concern c on c.id = e.concern_id
				where e.kind = 'SECTION_42' and e.concluded_on >= :w
				group by c.location_of_risk order by count(*) desc""", start);
		assertThat(places.get(0)).isEqualTo("OWN_HOME");
		assertThat(places.subList(1, 3)).contains("CARE_HOME_RESIDENTIAL");
		Map<String, Object> outcomes = this.jdbc.sql("""
				select count(*) as concluded,
				       count(*) filter (where outcomes_asked in ('ASKED_EXPRESSED', 'ASKED_NOT_EXPRESSED')) as asked,
				       count(*) filter (where outcomes_asked = 'ASKED_EXPRESSED') as expressed,
				       count(*) filter (where outcomes_achieved in ('FULLY', 'PARTIALLY')) as achieved,
				       count(*) filter (where risk_outcome is not null) as with_outcome,
				       count(*) filter (where risk_outcome in ('REDUCED', 'REMOVED')) as reduced,
				       count(*) filter (where lacked_capacity = 'YES') as lacked,
				       count(*) filter (where lacked_capacity = 'YES' and advocacy_support = 'YES') as advocated,
				       count(*) filter (where made_by = 'CAUSED' and caused_response is not null) as caused
				from safeguarding_enquiry where kind = 'SECTION_42' and concluded_on >= :w""")
			.param("w", start)
			.query()
			.singleRow();
		long concluded = (Long) outcomes.get("concluded");
		assertThat(concluded).isGreaterThan(1000);
		assertThat(share(outcomes, "asked", concluded)).isBetween(0.75, 0.90);
		assertThat(share(outcomes, "achieved", (Long) outcomes.get("expressed"))).isBetween(0.90, 0.99);
		assertThat(share(outcomes, "reduced", (Long) outcomes.get("with_outcome"))).isBetween(0.85, 0.95);
		assertThat(share(outcomes, "lacked", concluded)).isBetween(0.2, 0.5);
		assertThat(share(outcomes, "advocated", (Long) outcomes.get("lacked"))).isBetween(0.7, 0.9);
		assertThat(share(outcomes, "caused", concluded)).isBetween(0.1, 0.4);
		// every case has its history
		assertThat(count(
				"safeguarding_concern c where received_at >= :from and received_at < :to and not exists"
						+ " (select 1 from safeguarding_step s where s.concern_id = c.id and s.kind = 'DECIDED')",
				from, to))
			.isZero();
	}

	@Test
	void aFewEnquiriesAreStillOpenSomeWaitingForTheProvider() {
		long open = count("safeguarding_enquiry where status in ('PLANNING', 'IN_PROGRESS', 'AWAITING_PROVIDER')", null,
				null);
		assertThat(open).isBetween(5L, 80L);
		assertThat(count("""
				safeguarding_enquiry where status = 'AWAITING_PROVIDER' and caused_due_on is not null
				  and caused_response is null""", null, null)).isPositive();
		assertThat(count("safeguarding_enquiry where chase_count > 0 and last_chased_at is not null", null, null))
			.isPositive();
		// a concluded enquiry's concern is closed once the enquiry is
		assertThat(count("""
				safeguarding_enquiry e join safeguarding_concern c on c.id = e.concern_id
				where e.status = 'CLOSED' and c.status <> 'CLOSED'""", null, null)).isZero();
	}

	@Test
	void theDemoQaOfficerIsNamedOnCasesIncludingOpenOnes() {
		UUID officer = this.jdbc.sql("select id from app_user where email = 'qa.officer@carecycle.example'")
			.query(UUID.class)
			.single();
		long named = count("safeguarding_case_officer where user_id = :from and role = 'QA_OFFICER'", officer, null);
		long open = count("""
				safeguarding_case_officer o join safeguarding_concern c on c.id = o.concern_id
				where o.user_id = :from and c.status in ('S42_ENQUIRY', 'OTHER_ENQUIRY')""", officer, null);
		assertThat(named).isGreaterThanOrEqualTo(5);
		assertThat(open).isGreaterThanOrEqualTo(3);
	}

	@Test
	void theHistoryLoadsQuickly() {
		long[] took = new long[1];
		int[] loaded = new int[1];
		onTheDemoAlone((again, nanos) -> {
			took[0] = nanos;
			loaded[0] = again.concerns();
		});
		System.out.println(
				"Loaded " + loaded[0] + " safeguarding concerns in " + Duration.ofNanos(took[0]).toMillis() + " ms");
		assertThat(loaded[0]).isGreaterThan(10_000);
		// a second and a half on a quiet machine; far more would mean something quadratic
		assertThat(Duration.ofNanos(took[0])).isLessThan(Duration.ofSeconds(20));
	}

	/**
	 * Loads the demo's safeguarding history again, alone (other tests of this shared
	 * database add cases of their own), runs the checks, and rolls it all back.
	 */
	private void onTheDemoAlone(java.util.function.BiConsumer<DemoSafeguarding.Loaded, Long> checks) {
		DemoCounty county = this.loader.generate(this.properties);
		var cast = this.jdbc
			.sql("select id, display_name, email, role from app_user where email like '%@carecycle.example'")
			.query()
			.listOfRows();
		DemoSafeguarding.Person lead = person(cast, "safeguarding@carecycle.example");
		DemoSafeguarding.Person qa = person(cast, "qa.officer@carecycle.example");
		DemoSafeguarding.Person senior = person(cast, "commissioner@carecycle.example");
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		transaction.executeWithoutResult(status -> {
			this.jdbc.sql("""
					truncate safeguarding_step, safeguarding_case_officer, safeguarding_enquiry,
					         safeguarding_meeting_action, safeguarding_meeting_attendee, safeguarding_meeting,
					         safeguarding_communication, safeguarding_wse_officer, safeguarding_concern,
					         safeguarding_whole_service_enquiry""").update();
			long started = System.nanoTime();
			DemoSafeguarding.Loaded again = this.demoSafeguarding.load(county, this.properties.scale(),
					this.properties.seed(), false, new DemoSafeguarding.Cast(lead, List.of(qa), senior));
			long nanos = System.nanoTime() - started;
			try {
				checks.accept(again, nanos);
			}
			finally {
				status.setRollbackOnly();
			}
		});
	}

	private static DemoSafeguarding.Person person(List<Map<String, Object>> rows, String email) {
		return rows.stream()
			.filter(row -> email.equals(row.get("email")))
			.map(row -> new DemoSafeguarding.Person((UUID) row.get("id"), (String) row.get("display_name")))
			.findFirst()
			.orElseThrow();
	}

	private static double share(Map<String, Object> row, String key, long of) {
		return (of == 0) ? 0 : ((Long) row.get(key)) / (double) of;
	}

	private long count(String where, Object from, Object to) {
		var sql = this.jdbc.sql("select count(*) from " + where);
		if (where.contains(":from")) {
			sql = sql.param("from", from);
		}
		if (where.contains(":to")) {
			sql = sql.param("to", to);
		}
		if (where.contains(":w")) {
			sql = sql.param("w", from);
		}
		if (where.contains(":s")) {
			sql = sql.param("s", to);
		}
		if (where.contains(":t")) {
			sql = sql.param("t", to);
		}
		return sql.query(Long.class).single();
	}

	private List<String> strings(String sql, Object w) {
		return this.jdbc.sql(sql).param("w", w).query(String.class).list();
	}

}
