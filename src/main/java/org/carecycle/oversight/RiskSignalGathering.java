package org.carecycle.oversight;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.carecycle.oversight.RiskProfiles.Gathered;
import org.carecycle.providers.ServiceType;
import org.carecycle.shared.UkTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Gathers the signals the {@link RiskModel} scores, for every active service or one: a
 * single SQL query across the published views of the other modules, so that a full run
 * reads the country in one statement. It is apart from {@link RiskProfiles} because the
 * query and the reading of its rows change when a signal is added, while the scoring and
 * the writing of profiles do not. It runs in the caller's transaction.
 */
@Service
class RiskSignalGathering {

	/** Actions that make a concern serious: a quality visit or stronger. */
	static final List<String> SERIOUS_ACTIONS = List.of("QA_VISIT_ANNOUNCED", "QA_VISIT_UNANNOUNCED",
			"IMPROVEMENT_PLAN", "REFER_SAFEGUARDING", "SHARE_WITH_CQC", "RECOMMEND_ESCALATION");

	private static final String SIGNALS = """
			with cqc as (
			    select cqc_location_id, safe, effective, caring, responsive, well_led,
			           nullif(overall, '{}') as overall, overall_on
			    from providers_cqc_location_rating %s
			), qa as (
			    select care_service_id, array_agg(overall_rating order by published_at desc) as ratings
			    from quality_review where published_at is not null %s
			    group by care_service_id
			), recent as (
			    select care_service_id, count(*) as concerns,
			           count(*) filter (where action in (:serious) or safeguarding_flag) as serious
			    from concerns_signal
			    where kind = 'CONCERN' and received_at >= :yearAgo and care_service_id is not null and duplicate_of is null %s
			    group by care_service_id
			), referrals as (
			    select a.care_service_id, a.concerns_awaiting_decision + a.open_enquiries as open_referrals
			    from safeguarding_service_activity a
			    where a.care_service_id is not null %s
			), kpis as (
			    select care_service_id, count(*) as sent, count(*) filter (where cardinality(breaches) > 0) as breached,
			           count(*) filter (where late) as late
			    from kpi_return
			    where frequency = 'MONTHLY' and period_start in (:kpiFirst, :kpiSecond) %s
			    group by care_service_id
			), contracted as (
			    select care_service_id,
			           bool_or(starts_on <= :kpiFirstEnd and ends_on >= :kpiFirstEnd) as first,
			           bool_or(starts_on <= :kpiSecondEnd and ends_on >= :kpiSecondEnd) as second,
			           bool_or(starts_on <= :today and ends_on >= :today) as now
			    from providers_contract where ends_on >= :kpiSecondEnd %s
			    group by care_service_id
			), monthly_kpis as (
			    select type, min(applies_from) as applies_from
			    from kpi, unnest(service_types) as type
			    where active and frequency = 'MONTHLY'
			    group by type
			), notices as (
			    select care_service_id, provider_id, subject_kind from escalation where stage = 'CONTRACT_ACTION'
			)
			select s.id, s.service_type, s.beds, s.places, s.weekly_hours, s.registered_manager, s.cqc_location_id,
			       cqc.safe, cqc.effective, cqc.caring, cqc.responsive, cqc.well_led, cqc.overall, cqc.overall_on,
			       qa.ratings as qa_ratings, coalesce(recent.concerns, 0) as concerns, coalesce(recent.serious, 0) as serious,
			       coalesce(referrals.open_referrals, 0) as open_referrals,
			       coalesce(kpis.sent, 0) as kpi_sent, coalesce(kpis.breached, 0) as kpi_breached,
			       coalesce(kpis.late, 0) as kpi_late,
			       (coalesce(contracted.first, false) and monthly_kpis.applies_from <= :kpiFirstEnd)::int
			           + (coalesce(contracted.second, false) and monthly_kpis.applies_from <= :kpiSecondEnd)::int
			           as kpi_expected,
			       coalesce(contracted.now, false) as commissioned,
			       (select count(*) from notices n where n.care_service_id = s.id
			        or (n.subject_kind = 'PROVIDER' and n.provider_id = s.provider_id)) as default_notices
			from providers_service s
			left join cqc on cqc.cqc_location_id = s.cqc_location_id
			left join qa on qa.care_service_id = s.id
			left join recent on recent.care_service_id = s.id
			left join referrals on referrals.care_service_id = s.id
			left join kpis on kpis.care_service_id = s.id
			left join contracted on contracted.care_service_id = s.id
			left join monthly_kpis on monthly_kpis.type = s.service_type
			where s.status = 'ACTIVE' %s""";

	private final JdbcClient jdbc;

	private final Clock clock;

	RiskSignalGathering(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	List<Gathered> gather(UUID only) {
		String one = (only != null) ? " and %s = :only" : "";
		String sql = SIGNALS.formatted((only != null)
				? "where cqc_location_id = (select cqc_location_id from providers_service where id = :only)" : "",
				one.formatted("care_service_id"), one.formatted("care_service_id"), one.formatted("a.care_service_id"),
				one.formatted("care_service_id"), one.formatted("care_service_id"), one.formatted("s.id"));
		LocalDate today = UkTime.today(this.clock);
		KpiPeriod first = RiskProfiles.lastDueMonth(today);
		KpiPeriod second = first.previous();
		var statement = this.jdbc.sql(sql)
			.param("serious", SERIOUS_ACTIONS)
			.param("kpiFirst", Date.valueOf(first.start()))
			.param("kpiSecond", Date.valueOf(second.start()))
			.param("kpiFirstEnd", Date.valueOf(first.end()))
			.param("kpiSecondEnd", Date.valueOf(second.end()))
			.param("today", Date.valueOf(today))
			.param("yearAgo", Timestamp.from(yearAgo()));
		if (only != null) {
			statement = statement.param("only", only);
		}
		return statement.query((rs, n) -> gathered(rs, today)).list();
	}

	private Gathered gathered(ResultSet rs, LocalDate today) throws SQLException {
		ServiceType type = ServiceType.valueOf(rs.getString("service_type"));
		RiskSignals.Builder signals = RiskSignals.builder();
		boolean registered = type.isCqcRegistered();
		String[] overall = strings(rs.getArray("overall"));
		Date[] overallOn = dates(rs.getArray("overall_on"));
		if (overall.length > 0) {
			signals.cqcOverall(cqc(overall[0]));
			List<RiskSignals.DatedRating> earlier = new ArrayList<>();
			for (int i = 1; i < overall.length; i++) {
				RiskSignals.CqcRating rating = cqc(overall[i]);
				if (rating != null) {
					earlier.add(new RiskSignals.DatedRating(rating, overallOn[i].toLocalDate()));
				}
			}
			signals.earlierCqcRatings(earlier);
			signals.monthsSinceLastInspection((int) ChronoUnit.MONTHS.between(overallOn[0].toLocalDate(), today));
			signals.cqcInspections(overall.length);
			Map<RiskSignals.KeyQuestion, RiskSignals.CqcRating> questions = new EnumMap<>(
					RiskSignals.KeyQuestion.class);
			put(questions, RiskSignals.KeyQuestion.SAFE, rs.getString("safe"));
			put(questions, RiskSignals.KeyQuestion.EFFECTIVE, rs.getString("effective"));
			put(questions, RiskSignals.KeyQuestion.CARING, rs.getString("caring"));
			put(questions, RiskSignals.KeyQuestion.RESPONSIVE, rs.getString("responsive"));
			put(questions, RiskSignals.KeyQuestion.WELL_LED, rs.getString("well_led"));
			signals.cqcKeyQuestions(questions);
		}
		else if (registered && rs.getString("cqc_location_id") != null) {
			signals.cqcInspections(0);
		}
		String[] qa = strings(rs.getArray("qa_ratings"));
		if (qa.length > 0) {
			signals.qaRating(RiskSignals.QaRating.valueOf(qa[0]));
			if (qa.length > 1) {
				signals.previousQaRating(RiskSignals.QaRating.valueOf(qa[1]));
			}
		}
		int concerns = rs.getInt("concerns");
		signals.seriousConcerns(rs.getInt("serious"));
		signals.openSafeguardingReferrals(rs.getInt("open_referrals"));
		int expected = rs.getInt("kpi_expected");
		if (expected > 0) {
			// of the last two monthly returns due: out of tolerance, and late or never
			// sent
			int missing = Math.max(0, expected - rs.getInt("kpi_sent"));
			signals.kpiReturns(Math.min(2, rs.getInt("kpi_breached")), Math.min(2, rs.getInt("kpi_late") + missing));
		}
		if (rs.getBoolean("commissioned")) {
			// the council's own formal finding that the contract is not met: contract
			// action on the escalation ladder, for the service or its whole provider
			signals.contractDefaultNotices(rs.getInt("default_notices"));
		}
		if (registered) {
			String manager = rs.getString("registered_manager");
			signals.registeredManagerAbsent(manager == null || manager.isBlank());
		}
		Double capacity = RiskProfiles.capacity(type, (Integer) rs.getObject("beds"), (Integer) rs.getObject("places"),
				(Integer) rs.getObject("weekly_hours"));
		return new Gathered(rs.getObject("id", UUID.class), type, capacity, signals, concerns);
	}

	private static void put(Map<RiskSignals.KeyQuestion, RiskSignals.CqcRating> questions,
			RiskSignals.KeyQuestion question, String rating) {
		RiskSignals.CqcRating parsed = cqc(rating);
		if (parsed != null) {
			questions.put(question, parsed);
		}
	}

	private static RiskSignals.CqcRating cqc(String rating) {
		if (rating == null || rating.equals("NOT_RATED")) {
			return null;
		}
		return RiskSignals.CqcRating.valueOf(rating);
	}

	static String[] strings(Array array) throws SQLException {
		return (array != null) ? (String[]) array.getArray() : new String[0];
	}

	private static Date[] dates(Array array) throws SQLException {
		return (array != null) ? (Date[]) array.getArray() : new Date[0];
	}

	private Instant yearAgo() {
		return UkTime.today(this.clock).minusMonths(12).atStartOfDay(UkTime.ZONE).toInstant();
	}

}
