package org.carecycle.providers;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.carecycle.identity.ProviderScope;
import org.carecycle.providers.RegisterViews.Counts;
import org.carecycle.providers.RegisterViews.LocalityCapacity;
import org.carecycle.providers.RegisterViews.TypeCount;
import org.carecycle.shared.UkTime;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import static org.carecycle.providers.ServiceSearch.CAPACITY;

/**
 * The register in aggregate: counts for the home page, services and capacity by type,
 * rating and locality for the market pages. These are sums over every active service,
 * read for dashboards rather than for one record, so they are kept apart from the
 * searches and the profiles. {@link Register} hands these reads on to it.
 */
@Service
class RegisterMarket {

	private final JdbcClient jdbc;

	private final Clock clock;

	RegisterMarket(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	private LocalDate today() {
		return UkTime.today(this.clock);
	}

	private LocalDate soon() {
		return today().plusMonths(Register.ENDING_SOON_MONTHS);
	}

	Counts counts(ProviderScope scope) {
		return this.jdbc
			.sql("""
					select (select count(*) from provider p where %s) as providers,
					       count(*) as services,
					       coalesce(sum(s.beds), 0) as beds,
					       coalesce(sum(s.weekly_hours), 0) as weekly_hours,
					       coalesce(sum(s.places), 0) as places,
					       count(*) filter (where live.ends_on is not null) as commissioned,
					       (select count(*) from contract c join care_service cs on cs.id = c.care_service_id
					        where c.starts_on <= :today and c.ends_on >= :today and c.ends_on < :soon and %s) as ending
					""".formatted(scope.sql("p.id"), scope.sql("cs.provider_id"))
					+ """
							from care_service s
							left join lateral (select max(c.ends_on) as ends_on from contract c
							                   where c.care_service_id = s.id and c.starts_on <= :today and c.ends_on >= :today) live
							       on true
							where s.status = 'ACTIVE' and %s"""
						.formatted(scope.sql("s.provider_id")))
			.params(scope.parameters())
			.param("today", Date.valueOf(today()))
			.param("soon", Date.valueOf(soon()))
			.query((rs, row) -> new Counts(rs.getLong("providers"), rs.getLong("services"), rs.getLong("beds"),
					rs.getLong("weekly_hours"), rs.getLong("places"), rs.getLong("commissioned"), rs.getLong("ending")))
			.single();
	}

	/**
	 * Active services and their capacity by type, in the order of {@link ServiceType}.
	 */
	List<TypeCount> activeServicesByType(ProviderScope scope) {
		Map<ServiceType, TypeCount> counts = new EnumMap<>(ServiceType.class);
		this.jdbc.sql("""
				select s.service_type, count(*) as services, coalesce(sum(%s), 0) as capacity
				from care_service s where s.status = 'ACTIVE' and %s
				group by s.service_type""".formatted(CAPACITY, scope.sql("s.provider_id")))
			.params(scope.parameters())
			.query((RowCallbackHandler) rs -> {
				ServiceType type = ServiceType.valueOf(rs.getString("service_type"));
				counts.put(type, new TypeCount(type, rs.getLong("services"), rs.getLong("capacity")));
			});
		return Arrays.stream(ServiceType.values())
			.map(type -> counts.getOrDefault(type, new TypeCount(type, 0, 0)))
			.toList();
	}

	/** How many active services hold each current overall CQC rating. */
	Map<CqcRating, Long> currentOverallRatings(ProviderScope scope) {
		Map<CqcRating, Long> counts = new EnumMap<>(CqcRating.class);
		for (CqcRating rating : CqcRating.values()) {
			counts.put(rating, 0L);
		}
		this.jdbc.sql("""
				select coalesce(s.cqc_overall, 'NOT_RATED') as rating, count(*) as n
				from care_service s where s.status = 'ACTIVE' and %s
				group by 1""".formatted(scope.sql("s.provider_id")))
			.params(scope.parameters())
			.query((RowCallbackHandler) rs -> counts.merge(CqcRating.valueOf(rs.getString("rating")), rs.getLong("n"),
					Long::sum));
		return counts;
	}

	/** Capacity of active services by locality and type, for the market map's table. */
	List<LocalityCapacity> capacityByLocality(ServiceType onlyType, ProviderScope scope) {
		Map<String, LocalityCapacity> rows = new TreeMap<>();
		this.jdbc
			.sql("""
					select coalesce(l.name, '') as locality, s.service_type, count(*) as services, coalesce(sum(%s), 0) as capacity
					from care_service s left join geography_locality l on l.id = s.locality_id
					where s.status = 'ACTIVE' and %s %s
					group by 1, 2"""
				.formatted(CAPACITY, scope.sql("s.provider_id"),
						(onlyType != null) ? "and s.service_type = :type" : ""))
			.params(scope.parameters())
			.params((onlyType != null) ? Map.of("type", onlyType.name()) : Map.of())
			.query((RowCallbackHandler) rs -> {
				LocalityCapacity row = rows.computeIfAbsent(rs.getString("locality"), name -> new LocalityCapacity(name,
						new EnumMap<>(ServiceType.class), new EnumMap<>(ServiceType.class)));
				ServiceType type = ServiceType.valueOf(rs.getString("service_type"));
				row.capacity().put(type, rs.getLong("capacity"));
				row.services().put(type, rs.getLong("services"));
			});
		return List.copyOf(rows.values());
	}

}
