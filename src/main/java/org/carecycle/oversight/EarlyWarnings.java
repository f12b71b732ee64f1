package org.carecycle.oversight;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.carecycle.identity.CurrentUser;
import org.carecycle.identity.SignedInUser;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.shared.UkTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds services drifting before any single threshold is crossed, and asks an officer to
 * acknowledge each warning with a decision.
 * <ul>
 * <li><b>Concern rate</b>, a Poisson control chart against the service's own history: the
 * concerns of the last 3 months against what its previous 12 months lead us to expect
 * (never less than 0.1 a month, so a quiet service's first concerns count). A warning
 * when the chance of that many or more is under 1 in 100 and there are at least 3.</li>
 * <li><b>KPI drift</b>, a Poisson CUSUM of KPI figures out of tolerance month by month
 * over the last 6 months, against the service's usual rate in the 12 months before (see
 * {@link #cusumPeak}): it adds up small, persistent excesses that no single month's
 * return would show.</li>
 * <li><b>Risk rising</b>, several weak signals together: the risk score up 15 points or
 * more in 90 days to medium or above, though no single signal may have crossed a
 * threshold.</li>
 * </ul>
 */
@Service
public class EarlyWarnings {

	static final double CONTROL_LIMIT = 0.01;

	static final double FLOOR_PER_MONTH = 0.1;

	static final int MINIMUM_CONCERNS = 3;

	static final int RISE_POINTS = 15;

	private final JdbcClient jdbc;

	private final RiskProfiles profiles;

	private final CurrentUser currentUser;

	private final Clock clock;

	EarlyWarnings(JdbcClient jdbc, RiskProfiles profiles, CurrentUser currentUser, Clock clock) {
		this.jdbc = jdbc;
		this.profiles = profiles;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	/**
	 * The probability of at least {@code observed} events when {@code expected} are
	 * expected.
	 */
	static double upperTail(int observed, double expected) {
		if (observed <= 0) {
			return 1.0;
		}
		double term = Math.exp(-expected);
		double below = term;
		for (int k = 1; k < observed; k++) {
			term *= expected / k;
			below += term;
		}
		return Math.max(0.0, 1.0 - below);
	}

	/** Looks at every service once; returns how many new warnings it raised. */
	@Transactional
	public int scan() {
		LocalDate today = UkTime.today(this.clock);
		int raised = 0;
		List<Object[]> rates = this.jdbc.sql("""
				select care_service_id,
				       count(*) filter (where received_at >= :recent) as recent,
				       count(*) filter (where received_at < :recent) as before
				from concerns_signal
				where kind = 'CONCERN' and care_service_id is not null and duplicate_of is null and received_at >= :from
				group by care_service_id
				having count(*) filter (where received_at >= :recent) >= :minimum""")
			.param("recent", Timestamp.from(today.minusMonths(3).atStartOfDay(UkTime.ZONE).toInstant()))
			.param("from", Timestamp.from(today.minusMonths(15).atStartOfDay(UkTime.ZONE).toInstant()))
			.param("minimum", MINIMUM_CONCERNS)
			.query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getInt(2), rs.getInt(3) })
			.list();
		for (Object[] row : rates) {
			int recent = (Integer) row[1];
			double perMonth = Math.max(FLOOR_PER_MONTH, ((Integer) row[2]) / 12.0);
			double expected = 3 * perMonth;
			double p = upperTail(recent, expected);
			if (p < CONTROL_LIMIT) {
				String explanation = ("%d concerns in the last 3 months, against %.1f expected from the %d in the 12 months"
						+ " before (a chance of %s by chance alone)")
					.formatted(recent, expected, (Integer) row[2],
							(p < 0.0001) ? "under 1 in 10,000" : "1 in " + Math.round(1 / p));
				raised += raise((UUID) row[0], "CONCERN_RATE", today, explanation, recent, expected);
			}
		}
		raised += scanKpiDrift(today);
		Map<UUID, Integer> before = this.profiles.scoresOn(today.minusDays(90));
		Map<UUID, Integer> now = this.profiles.scoresOn(today);
		for (Map.Entry<UUID, Integer> entry : now.entrySet()) {
			Integer then = before.get(entry.getKey());
			if (then != null && entry.getValue() - then >= RISE_POINTS
					&& entry.getValue() >= RiskBand.MEDIUM.lowestScore()) {
				raised += raise(entry.getKey(), "RISK_RISING", today,
						"Risk score rose from %d to %d in 90 days".formatted(then, entry.getValue()), entry.getValue(),
						then);
			}
		}
		return raised;
	}

	/**
	 * Months of KPI history the drift warning reads: a year of baseline, then six
	 * watched.
	 */
	static final int KPI_BASELINE_MONTHS = 12;

	static final int KPI_WATCHED_MONTHS = 6;

	/**
	 * The least usual rate of figures out of tolerance a month (a quiet service's first
	 * count).
	 */
	static final double KPI_FLOOR_PER_MONTH = 0.1;

	/**
	 * The rise the CUSUM is tuned to find: twice the usual rate, and at least 0.4 a month
	 * more.
	 */
	static final double KPI_SHIFT_FACTOR = 2.0;

	static final double KPI_SHIFT_MINIMUM = 0.4;

	/** The CUSUM's alarm level, in figures out of tolerance above the allowance. */
	static final double KPI_ALARM = 2.0;

	/**
	 * A service's KPI drift: the CUSUM's peak over the watched months, and what it read.
	 */
	record KpiDrift(UUID serviceId, double peak, double usualPerMonth, int watchedBreaches) {
	}

	/**
	 * A one-sided Poisson CUSUM over monthly counts of figures out of tolerance, oldest
	 * first: the first {@link #KPI_BASELINE_MONTHS} give the usual rate λ0 (at least
	 * {@link #KPI_FLOOR_PER_MONTH}); over the watched months S = max(0, S + x − k) with k
	 * = (λ1 − λ0) / ln(λ1 / λ0), the reference value between the usual rate and a rise to
	 * λ1. Returns the highest S reached.
	 */
	static double cusumPeak(int[] monthly) {
		double usual = Math.max(KPI_FLOOR_PER_MONTH, usual(monthly));
		double raised = Math.max(usual * KPI_SHIFT_FACTOR, usual + KPI_SHIFT_MINIMUM);
		double k = (raised - usual) / Math.log(raised / usual);
		double sum = 0;
		double peak = 0;
		for (int i = KPI_BASELINE_MONTHS; i < monthly.length; i++) {
			sum = Math.max(0, sum + monthly[i] - k);
			peak = Math.max(peak, sum);
		}
		return peak;
	}

	private static double usual(int[] monthly) {
		int total = 0;
		for (int i = 0; i < KPI_BASELINE_MONTHS; i++) {
			total += monthly[i];
		}
		return total / (double) KPI_BASELINE_MONTHS;
	}

	/** Services whose KPI figures are drifting out of tolerance, by the CUSUM. */
	public List<UUID> kpiDrifting(LocalDate today) {
		return kpiDrifts(today).stream().map(KpiDrift::serviceId).toList();
	}

	List<KpiDrift> kpiDrifts(LocalDate today) {
		LocalDate first = today.withDayOfMonth(1).minusMonths(KPI_BASELINE_MONTHS + KPI_WATCHED_MONTHS);
		Map<UUID, int[]> series = new java.util.HashMap<>();
		this.jdbc.sql("""
				select care_service_id, period_end, cardinality(breaches) from kpi_return
				where period_end >= :first and period_end < :month""")
			.param("first", Date.valueOf(first))
			.param("month", Date.valueOf(today.withDayOfMonth(1)))
			.query((java.sql.ResultSet rs) -> {
				LocalDate end = rs.getDate(2).toLocalDate();
				int index = (int) java.time.temporal.ChronoUnit.MONTHS.between(first, end.withDayOfMonth(1));
				series.computeIfAbsent(rs.getObject(1, UUID.class),
						id -> new int[KPI_BASELINE_MONTHS + KPI_WATCHED_MONTHS])[index] += rs.getInt(3);
			});
		List<KpiDrift> drifts = new ArrayList<>();
		series.forEach((service, monthly) -> {
			double peak = cusumPeak(monthly);
			if (peak >= KPI_ALARM) {
				int watched = 0;
				for (int i = KPI_BASELINE_MONTHS; i < monthly.length; i++) {
					watched += monthly[i];
				}
				drifts.add(new KpiDrift(service, peak, usual(monthly), watched));
			}
		});
		return drifts;
	}

	private int scanKpiDrift(LocalDate today) {
		int raised = 0;
		for (KpiDrift drift : kpiDrifts(today)) {
			String explanation = ("%d KPI figures out of tolerance in returns for the last %d months, against a usual"
					+ " %.1f a month in the year before: their cumulative excess reached %.1f, over the alarm level of"
					+ " %.0f")
				.formatted(drift.watchedBreaches(), KPI_WATCHED_MONTHS, drift.usualPerMonth(), drift.peak(), KPI_ALARM);
			raised += raise(drift.serviceId(), "KPI_DRIFT", today, explanation, drift.watchedBreaches(),
					drift.usualPerMonth() * KPI_WATCHED_MONTHS);
		}
		return raised;
	}

	private int raise(UUID service, String kind, LocalDate today, String explanation, double observed,
			double expected) {
		return this.jdbc.sql("""
				insert into early_warning (id, care_service_id, kind, raised_on, explanation, observed, expected)
				values (:id, :service, :kind, :today, :explanation, :observed, :expected)
				on conflict (care_service_id, kind) where acknowledged_at is null do nothing""")
			.param("id", UUID.randomUUID())
			.param("service", service)
			.param("kind", kind)
			.param("today", Date.valueOf(today))
			.param("explanation", explanation)
			.param("observed", BigDecimal.valueOf(observed).setScale(2, RoundingMode.HALF_UP))
			.param("expected", BigDecimal.valueOf(expected).setScale(2, RoundingMode.HALF_UP))
			.update();
	}

	/** A warning as the pages show it. */
	public record Warning(UUID id, UUID serviceId, String serviceName, String providerName, String kind,
			LocalDate raisedOn, String explanation, String acknowledgedByName, String decision) {

		public String kindKey() {
			return "warning.kind." + this.kind;
		}

		public boolean isOpen() {
			return this.acknowledgedByName == null && this.decision == null;
		}

	}

	private static final String WARNING = """
			select w.id, w.care_service_id as service_id, s.name as service_name, p.name as provider_name, w.kind,
			       w.raised_on, w.explanation, w.acknowledged_by_name, w.decision
			from early_warning w join providers_service s on s.id = w.care_service_id join providers_provider p on p.id = s.provider_id
			""";

	/** How many warnings wait for a decision. */
	public long openCount() {
		return this.jdbc.sql("select count(*) from early_warning where acknowledged_at is null")
			.query(Long.class)
			.single();
	}

	/** A page of the warnings waiting for a decision, newest first. */
	public org.carecycle.web.Paged<Warning> open(int page, int pageSize) {
		List<Warning> items = this.jdbc
			.sql(WARNING + " where w.acknowledged_at is null order by w.raised_on desc, s.name, w.id"
					+ " limit :limit offset :offset")
			.param("limit", pageSize)
			.param("offset", org.carecycle.web.Paged.offset(page, pageSize))
			.query(Warning.class)
			.list();
		return new org.carecycle.web.Paged<>(items, page, pageSize, openCount());
	}

	public List<Warning> open() {
		return this.jdbc.sql(WARNING + " where w.acknowledged_at is null order by w.raised_on desc, s.name")
			.query(Warning.class)
			.list();
	}

	public List<Warning> ofService(UUID serviceId) {
		return this.jdbc.sql(WARNING + " where w.care_service_id = :id order by w.raised_on desc")
			.param("id", serviceId)
			.query(Warning.class)
			.list();
	}

	/** An officer acknowledges a warning with the decision taken. */
	@Transactional
	public void acknowledge(UUID id, String decision) {
		SignedInUser user = this.currentUser.require();
		int changed = this.jdbc.sql("""
				update early_warning set acknowledged_at = :now, acknowledged_by = :by, acknowledged_by_name = :name,
				       decision = :decision
				where id = :id and acknowledged_at is null""")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("by", user.id())
			.param("name", user.displayName())
			.param("decision", decision)
			.param("id", id)
			.update();
		if (changed == 0) {
			boolean exists = this.jdbc.sql("select exists (select 1 from early_warning where id = :id)")
				.param("id", id)
				.query(Boolean.class)
				.single();
			if (!exists) {
				throw new RecordNotFoundException("No such warning");
			}
			throw new IllegalStateException("This warning has already been acknowledged");
		}
	}

}
