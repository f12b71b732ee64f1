package org.carecycle.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.carecycle.oversight.Kpi;
import org.carecycle.oversight.KpiDefinitions;
import org.carecycle.oversight.KpiPeriod;
import org.carecycle.oversight.KpiReturns;
import org.carecycle.oversight.RiskProfiles;
import org.carecycle.providers.ServiceType;
import org.carecycle.shared.UkTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's history of KPI returns: every commissioned service's monthly and quarterly
 * returns while its contract was in force, most on time and in tolerance. Services whose
 * council reviews have fallen (the demo's deteriorating services) drift out of tolerance
 * over their last six months and start sending late or not at all, so the risk register
 * and the early warnings have something real to find. The demo provider has its latest
 * returns still to send, and one overdue.
 */
@Component
class DemoReturns {

	/** Months over which a deteriorating service's figures drift. */
	static final int DRIFT_MONTHS = 6;

	private final JdbcClient jdbc;

	private final KpiDefinitions definitions;

	private final KpiReturns returns;

	DemoReturns(JdbcClient jdbc, KpiDefinitions definitions, KpiReturns returns) {
		this.jdbc = jdbc;
		this.definitions = definitions;
		this.returns = returns;
	}

	record DemoService(UUID id, UUID providerId, ServiceType type, Double capacity, LocalDate startsOn,
			LocalDate endsOn, int trouble) {
	}

	/** Loads the returns, in the county loader's transaction; how many were written. */
	@Transactional(propagation = Propagation.MANDATORY)
	int load(LocalDate today, int years, long seed, UUID demoProvider) {
		LocalDate from = today.minusYears(years).withDayOfMonth(1);
		this.definitions.dueFrom(from);
		List<Kpi> kpis = this.definitions.all().stream().filter(Kpi::active).toList();
		List<DemoService> services = services();
		List<KpiReturns.PastReturn> batch = new ArrayList<>();
		int written = 0;
		for (DemoService service : services) {
			Random random = new Random(seed ^ service.id().getLeastSignificantBits());
			for (KpiPeriod.Frequency frequency : KpiPeriod.Frequency.values()) {
				KpiPeriod period = KpiPeriod.containing(frequency, from);
				while (period.isOverOn(today)) {
					KpiReturns.PastReturn past = generate(service, period, kpis, today, random, demoProvider);
					if (past != null) {
						batch.add(past);
					}
					period = period.next();
				}
			}
			if (batch.size() >= 20_000) {
				written += this.returns.load(batch);
				batch.clear();
			}
		}
		written += this.returns.load(batch);
		return written;
	}

	private KpiReturns.PastReturn generate(DemoService service, KpiPeriod period, List<Kpi> kpis, LocalDate today,
			Random random, UUID demoProvider) {
		LocalDate end = period.end();
		if (end.isBefore(service.startsOn()) || end.isAfter(service.endsOn())) {
			return null;
		}
		List<Kpi> due = kpis.stream().filter(k -> k.isDueFor(service.type(), period)).toList();
		if (due.isEmpty()) {
			return null;
		}
		long monthsAgo = java.time.temporal.ChronoUnit.MONTHS.between(end.withDayOfMonth(1), today.withDayOfMonth(1));
		// how far into its decline a troubled service is at this period: 0 before, 1 now
		double drift = (service.trouble() > 0 && monthsAgo < DRIFT_MONTHS)
				? (DRIFT_MONTHS - monthsAgo) / (double) DRIFT_MONTHS * (service.trouble() == 2 ? 1.0 : 0.6) : 0;
		boolean demoLatest = service.providerId().equals(demoProvider) && (period.dueOn().isAfter(today.minusDays(10))
				|| (monthsAgo <= 2 && period.frequency() == KpiPeriod.Frequency.MONTHLY && random.nextDouble() < 0.3));
		if (demoLatest) {
			return null;
		}
		double missing = 0.004 + drift * 0.35;
		if (random.nextDouble() < missing) {
			return null;
		}
		double lateChance = 0.05 + drift * 0.4;
		int day = random.nextDouble() < lateChance ? KpiPeriod.DUE_DAYS + 1 + random.nextInt(25)
				: 2 + random.nextInt(KpiPeriod.DUE_DAYS - 1);
		LocalDate sentOn = end.plusDays(day);
		if (!sentOn.isBefore(today)) {
			return null;
		}
		Map<String, BigDecimal> values = new LinkedHashMap<>();
		List<String> breaches = new ArrayList<>();
		for (Kpi kpi : due) {
			BigDecimal value = value(kpi, service, random, 0.02 + drift * 0.5);
			values.put(kpi.code(), value);
			if (kpi.isOutOfTolerance(value, service.capacity())) {
				breaches.add(kpi.code());
			}
		}
		return new KpiReturns.PastReturn(service.id(), service.providerId(), period, values, breaches,
				sentOn.atTime(9 + random.nextInt(8), random.nextInt(60)).atZone(UkTime.ZONE).toInstant());
	}

	private static BigDecimal value(Kpi kpi, DemoService service, Random random, double breachChance) {
		double units = (service.capacity() != null) ? service.capacity() : 10;
		double raw;
		if (kpi.toleranceAbove() == null) {
			raw = (kpi.unit() == Kpi.Unit.PERCENT) ? random.nextDouble() * 20 : units * random.nextDouble() * 0.12;
		}
		else {
			double limit = kpi.toleranceAbove().doubleValue();
			double factor = random.nextDouble() < breachChance ? 1.15 + random.nextDouble() * 0.9
					: 0.05 + random.nextDouble() * 0.85;
			raw = limit * factor * (kpi.perCapacity() ? units : 1);
		}
		BigDecimal value = (kpi.unit() == Kpi.Unit.NUMBER) ? BigDecimal.valueOf(Math.round(raw))
				: BigDecimal.valueOf(raw).setScale(1, RoundingMode.HALF_UP);
		return value.min(kpi.highest()).max(BigDecimal.ZERO);
	}

	/**
	 * Commissioned services with their contract's span and how troubled they are: 2 when
	 * the latest council review fell to Requires improvement or Poor, 1 when it fell from
	 * Excellent or it is Poor, 0 otherwise.
	 */
	private List<DemoService> services() {
		return this.jdbc
			.sql("""
					with span as (
					    select care_service_id, min(starts_on) as starts_on, max(ends_on) as ends_on
					    from providers_contract group by care_service_id
					), latest as (
					    select distinct on (care_service_id) care_service_id, overall_rating, previous_rating
					    from quality_review where published_at is not null
					    order by care_service_id, published_at desc
					)
					select s.id, s.provider_id, s.service_type, s.beds, s.places, s.weekly_hours, span.starts_on, span.ends_on,
					       latest.overall_rating, latest.previous_rating
					from providers_service s
					join span on span.care_service_id = s.id
					left join latest on latest.care_service_id = s.id
					where s.status = 'ACTIVE'
					order by s.id""")
			.query((rs, n) -> {
				ServiceType type = ServiceType.valueOf(rs.getString("service_type"));
				Double capacity = RiskProfiles.capacity(type, (Integer) rs.getObject("beds"),
						(Integer) rs.getObject("places"), (Integer) rs.getObject("weekly_hours"));
				int trouble = trouble(rs.getString("overall_rating"), rs.getString("previous_rating"));
				return new DemoService(rs.getObject("id", UUID.class), rs.getObject("provider_id", UUID.class), type,
						capacity, rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(), trouble);
			})
			.list();
	}

	static int trouble(String latest, String previous) {
		if (latest == null) {
			return 0;
		}
		int now = rank(latest);
		int before = (previous != null) ? rank(previous) : now;
		if (now < before && now <= 2) {
			return 2;
		}
		if (now < before || now == 1) {
			return 1;
		}
		return 0;
	}

	private static int rank(String rating) {
		return switch (rating) {
			case "POOR" -> 1;
			case "REQUIRES_IMPROVEMENT" -> 2;
			case "GOOD" -> 3;
			default -> 4;
		};
	}

}
