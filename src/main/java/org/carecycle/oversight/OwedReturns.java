package org.carecycle.oversight;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.carecycle.identity.ProviderScope;
import org.carecycle.oversight.KpiReturns.Owed;
import org.carecycle.providers.ServiceType;
import org.carecycle.shared.UkTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The returns services owe and have not sent, read apart from the returns themselves:
 * nationally this is the costliest read of KPI returns (half a million service-periods),
 * so its query and the dashboard's background count of overdue returns live together
 * here, away from checking and saving a return. {@link KpiReturns} hands these reads on
 * to it.
 */
@Service
class OwedReturns {

	private static final org.slf4j.Logger LOGGER = org.slf4j.LoggerFactory.getLogger(OwedReturns.class);

	private final JdbcClient jdbc;

	private final KpiDefinitions definitions;

	private final Clock clock;

	OwedReturns(JdbcClient jdbc, KpiDefinitions definitions, Clock clock) {
		this.jdbc = jdbc;
		this.definitions = definitions;
		this.clock = clock;
	}

	private LocalDate today() {
		return UkTime.today(this.clock);
	}

	/**
	 * The returns the services in scope owe for periods that ended in the last
	 * {@code months} months, earliest due first.
	 */
	List<Owed> owed(ProviderScope scope, int months, int limit) {
		LocalDate today = today();
		return owedQuery("""
				select s.id as service_id, s.name as service_name, s.service_type, s.provider_id,
				       p.name as provider_name, o.frequency, o.period_start
				from o
				join (select distinct frequency, period_start, period_end from periods) per
				    on per.frequency = o.frequency and per.period_start = o.period_start
				join providers_service s on s.id = o.service_id
				join providers_provider p on p.id = s.provider_id
				order by per.period_end, p.name, s.name, o.frequency
				limit :limit""", scope, months, false).param("limit", limit).query((rs, n) -> {
			KpiPeriod period = new KpiPeriod(KpiPeriod.Frequency.valueOf(rs.getString("frequency")),
					rs.getDate("period_start").toLocalDate());
			return new Owed(rs.getObject("service_id", UUID.class), rs.getString("service_name"),
					ServiceType.valueOf(rs.getString("service_type")), rs.getObject("provider_id", UUID.class),
					rs.getString("provider_name"), period, period.dueOn(), period.dueOn().isBefore(today));
		}).list();
	}

	/**
	 * The returns owed by the services in scope for periods that ended in the last
	 * {@code months} months ({@code overdueOnly}: only those past their due date): every
	 * period of every service under contract at its end whose type returns a KPI of that
	 * frequency, less the returns sent. The periods and the types that owe them are
	 * worked out here from the KPIs, and the returns sent are taken away as a set (a
	 * hashed {@code except}), not looked up one by one: nationally that is half a million
	 * service-periods. {@code query} follows the common table expressions {@code periods}
	 * (each period with a type of service that owes it) and {@code o} (the
	 * service-periods owed), to list or count them.
	 */
	private JdbcClient.StatementSpec owedQuery(String query, ProviderScope scope, int months, boolean overdueOnly) {
		LocalDate today = today();
		List<Kpi> kpis = this.definitions.all();
		List<String> frequencies = new ArrayList<>();
		List<Date> starts = new ArrayList<>();
		List<Date> ends = new ArrayList<>();
		List<String> types = new ArrayList<>();
		LocalDate earliest = today;
		for (KpiPeriod.Frequency frequency : KpiPeriod.Frequency.values()) {
			KpiPeriod period = KpiPeriod.containing(frequency, today).previous();
			while (!period.end().isBefore(today.minusMonths(months))) {
				if (!overdueOnly || period.dueOn().isBefore(today)) {
					for (ServiceType type : ServiceType.values()) {
						KpiPeriod owed = period;
						if (kpis.stream().anyMatch(kpi -> kpi.isDueFor(type, owed))) {
							frequencies.add(frequency.name());
							starts.add(Date.valueOf(period.start()));
							ends.add(Date.valueOf(period.end()));
							types.add(type.name());
							earliest = period.start().isBefore(earliest) ? period.start() : earliest;
						}
					}
				}
				period = period.previous();
			}
		}
		return this.jdbc.sql("""
				with periods (frequency, period_start, period_end, service_type) as (
				    select * from unnest(:frequencies::varchar[], :starts::date[], :ends::date[], :types::varchar[])
				), o (service_id, frequency, period_start) as (
				    select c.care_service_id, per.frequency, per.period_start
				    from periods per
				    join providers_contract c on c.starts_on <= per.period_end and c.ends_on >= per.period_end
				    join providers_service s on s.id = c.care_service_id and s.service_type = per.service_type
				    where s.status = 'ACTIVE' and %s
				    except
				    select care_service_id, frequency, period_start from kpi_return where period_start >= :earliest
				)
				%s""".formatted(scope.sql("s.provider_id"), query))
			.param("frequencies", frequencies.toArray(String[]::new))
			.param("starts", starts.toArray(Date[]::new))
			.param("ends", ends.toArray(Date[]::new))
			.param("types", types.toArray(String[]::new))
			.param("earliest", Date.valueOf(earliest))
			.params(scope.parameters());
	}

	/**
	 * How many returns the services in scope owe for the last twelve months: those past
	 * their due date, and all of them.
	 */
	long[] overdueAndOwed(ProviderScope scope) {
		long overdue = owedQuery("select count(*) from o", scope, 12, true).query(Long.class).single();
		long owed = owedQuery("select count(*) from o", scope, 12, false).query(Long.class).single();
		return new long[] { overdue, owed };
	}

	/**
	 * How long the dashboard's count of overdue returns may be kept before it is counted
	 * again in the background: it changes daily, and with each return sent (which takes
	 * one off it at once).
	 */
	static final java.time.Duration OVERDUE_COUNT_KEPT = java.time.Duration.ofMinutes(5);

	/** The count of overdue returns and when it was made; null until first counted. */
	private record OverdueCount(long count, Instant at, LocalDate on) {
	}

	private final java.util.concurrent.atomic.AtomicReference<OverdueCount> overdue = new java.util.concurrent.atomic.AtomicReference<>();

	private final java.util.concurrent.atomic.AtomicBoolean recounting = new java.util.concurrent.atomic.AtomicBoolean();

	/** The next dashboard counts overdue returns again, before it shows them. */
	void recountOverdue() {
		this.overdue.set(null);
	}

	/**
	 * How many returns are overdue across the council, for the dashboard. Nationally the
	 * count reads every commissioned service's last year (about a second of database
	 * time), so a visit never waits for it once it has been made: a count older than five
	 * minutes (or from yesterday) is shown while a fresh one is made in the background,
	 * by one thread at a time; a return sent takes one off it at once.
	 */
	long overdueCount() {
		OverdueCount known = this.overdue.get();
		if (known == null) {
			return countOverdue();
		}
		Instant now = this.clock.instant();
		if ((known.at().plus(OVERDUE_COUNT_KEPT).isBefore(now) || !known.on().equals(today()))
				&& this.recounting.compareAndSet(false, true)) {
			Thread recount = new Thread(() -> {
				try {
					countOverdue();
				}
				catch (RuntimeException ex) {
					LOGGER.warn("Could not count the overdue KPI returns", ex);
				}
				finally {
					this.recounting.set(false);
				}
			}, "overdue-returns");
			recount.setDaemon(true);
			recount.start();
		}
		return known.count();
	}

	private long countOverdue() {
		Instant at = this.clock.instant();
		LocalDate on = today();
		long count = owedQuery("select count(*) from o", ProviderScope.everything(), 12, true).query(Long.class)
			.single();
		this.overdue.set(new OverdueCount(count, at, on));
		return count;
	}

	/** A return that was overdue has arrived: one fewer is overdue. */
	void overdueSent() {
		this.overdue.updateAndGet(known -> (known == null) ? null
				: new OverdueCount(Math.max(0, known.count() - 1), known.at(), known.on()));
	}

}
