package org.carecycle.commissioning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.carecycle.shared.UkTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Demand against supply by locality and type of service, now and some years ahead:
 * projected people needing support (population by age band × prevalence of a need ×
 * uptake of the type of service × the beds, places or weekly hours each uses) against the
 * active supply on the register (total, and commissioned under current contracts), the
 * gap in numbers and per 100,000 people, and the share of rated supply that CQC and the
 * council's own reviews rate Good or better.
 * <p>
 * One query computes every locality, type and year in a single pass over the population,
 * the assumptions, the services, their contracts and the published reviews (the bench
 * scenario {@code demand-against-supply} checks it at national scale).
 */
@Service
public class DemandAgainstSupply {

	/** How far ahead the pages look, in years. */
	public static final List<Integer> HORIZONS = List.of(0, 5, 10);

	static final String SQL = """
			with years (year, ahead) as (values (:y0, 0), (:y5, 5), (:y10, 10)),
			pop as (
			    select l.id as locality_id, y.ahead, p.age_band, p.people
			    from commissioning_population p
			    join geography_locality l on l.code = p.area_code
			    join years y on y.year = p.year
			),
			totals as (
			    select locality_id, ahead, sum(people) as people from pop group by locality_id, ahead
			),
			need as (
			    select pop.locality_id, pop.ahead, u.service_type,
			           sum(pop.people * r.value * u.value) as persons,
			           sum(pop.people * r.value * u.value * coalesce(u.units_per_person, 1)) as demand
			    from pop
			    join commissioning_needs_assumption r on r.kind = 'PREVALENCE' and r.age_band = pop.age_band
			    join commissioning_needs_assumption u on u.kind = 'UPTAKE' and u.need = r.need
			    group by pop.locality_id, pop.ahead, u.service_type
			),
			commissioned as (
			    select care_service_id, sum(commissioned_capacity) as capacity
			    from providers_contract
			    where starts_on <= :today and ends_on >= :today
			    group by care_service_id
			),
			reviewed as (
			    select distinct on (care_service_id) care_service_id, overall_rating
			    from quality_review
			    where published_on is not null and overall_rating is not null
			    order by care_service_id, published_on desc
			),
			services as (
			    select s.id, s.locality_id, s.service_type, s.cqc_overall,
			           coalesce(case s.service_type
			               when 'CARE_HOME' then s.beds when 'CARE_HOME_NURSING' then s.beds
			               when 'HOME_CARE' then s.weekly_hours else s.places end, 0) as capacity
			    from providers_service s
			    where s.status = 'ACTIVE' and s.locality_id is not null
			),
			supply as (
			    select s.locality_id, s.service_type,
			           sum(s.capacity) as total,
			           sum(least(coalesce(c.capacity, 0), s.capacity)) as commissioned,
			           sum(s.capacity) filter (where s.cqc_overall in ('GOOD', 'OUTSTANDING')) as cqc_good,
			           sum(s.capacity) filter (where s.cqc_overall in ('GOOD', 'OUTSTANDING', 'REQUIRES_IMPROVEMENT', 'INADEQUATE')) as cqc_rated,
			           sum(s.capacity) filter (where r.overall_rating in ('GOOD', 'EXCELLENT')) as council_good,
			           sum(s.capacity) filter (where r.overall_rating is not null) as council_rated
			    from services s
			    left join commissioned c on c.care_service_id = s.id
			    left join reviewed r on r.care_service_id = s.id
			    group by s.locality_id, s.service_type
			)
			select l.id as locality_id, l.code, l.name, y.ahead, y.year, t.service_type,
			       coalesce(tot.people, 0) as people, coalesce(n.persons, 0) as persons, coalesce(n.demand, 0) as demand,
			       coalesce(s.total, 0) as total, coalesce(s.commissioned, 0) as commissioned,
			       coalesce(s.cqc_good, 0) as cqc_good, coalesce(s.cqc_rated, 0) as cqc_rated,
			       coalesce(s.council_good, 0) as council_good, coalesce(s.council_rated, 0) as council_rated
			from geography_locality l
			cross join years y
			cross join (select distinct service_type from commissioning_needs_assumption where kind = 'UPTAKE') t
			left join totals tot on tot.locality_id = l.id and tot.ahead = y.ahead
			left join need n on n.locality_id = l.id and n.ahead = y.ahead and n.service_type = t.service_type
			left join supply s on s.locality_id = l.id and s.service_type = t.service_type
			where (:locality::uuid is null or l.id = :locality::uuid)
			order by l.name, y.ahead, t.service_type
			""";

	private final JdbcClient jdbc;

	private final Clock clock;

	DemandAgainstSupply(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Demand against supply of one locality and type of service in one year.
	 *
	 * @param localityId the locality
	 * @param localityCode its code
	 * @param localityName its name
	 * @param yearsAhead 0, 5 or 10
	 * @param year the year
	 * @param serviceType the type of service
	 * @param people everyone living there that year
	 * @param persons people projected to need this type of service
	 * @param demand the beds, places or weekly hours they need
	 * @param supply the active supply on the register
	 * @param commissioned the supply under current contracts
	 * @param cqcGoodShare share of CQC-rated supply rated Good or Outstanding (null when
	 * none rated)
	 * @param councilGoodShare share of council-reviewed supply rated Good or Excellent
	 * (null when none reviewed)
	 */
	public record Row(UUID localityId, String localityCode, String localityName, int yearsAhead, int year,
			String serviceType, long people, long persons, long demand, long supply, long commissioned,
			Double cqcGoodShare, Double councilGoodShare) {

		/** Demand less supply: positive is a shortfall, negative a surplus. */
		public long gap() {
			return this.demand - this.supply;
		}

		/** The gap per 100,000 people living there, or 0 where nobody is counted. */
		public double gapPer100k() {
			return (this.people > 0) ? this.gap() * 100_000.0 / this.people : 0;
		}

		/** The gap as a share of demand, for shading: how much of the need is unmet. */
		public double shortfallShare() {
			return (this.demand > 0) ? (double) gap() / this.demand : (this.supply > 0 ? -1 : 0);
		}

	}

	/** The years counted as now, 5 and 10 years ahead. */
	public Map<Integer, Integer> years() {
		int now = UkTime.today(this.clock).getYear();
		Map<Integer, Integer> years = new LinkedHashMap<>();
		HORIZONS.forEach(ahead -> years.put(ahead, now + ahead));
		return years;
	}

	/** Every locality, type of service and horizon, in one query. */
	public List<Row> all() {
		return query(null);
	}

	/** One locality's rows. */
	public List<Row> of(UUID localityId) {
		return query(localityId);
	}

	private List<Row> query(UUID localityId) {
		LocalDate today = UkTime.today(this.clock);
		Map<Integer, Integer> years = years();
		return this.jdbc.sql(SQL)
			.param("y0", years.get(0))
			.param("y5", years.get(5))
			.param("y10", years.get(10))
			.param("today", today)
			.param("locality", localityId, java.sql.Types.OTHER)
			.query(DemandAgainstSupply::row)
			.list();
	}

	/**
	 * The council-wide figures: every locality added up, for each type of service and
	 * horizon.
	 */
	public List<Row> councilWide(List<Row> rows) {
		Map<String, List<Row>> byKey = new LinkedHashMap<>();
		for (Row row : rows) {
			byKey.computeIfAbsent(row.yearsAhead() + "|" + row.serviceType(), k -> new ArrayList<>()).add(row);
		}
		List<Row> totals = new ArrayList<>();
		byKey.forEach((key, group) -> {
			Row first = group.get(0);
			totals.add(new Row(null, null, null, first.yearsAhead(), first.year(), first.serviceType(),
					group.stream().mapToLong(Row::people).sum(), group.stream().mapToLong(Row::persons).sum(),
					group.stream().mapToLong(Row::demand).sum(), group.stream().mapToLong(Row::supply).sum(),
					group.stream().mapToLong(Row::commissioned).sum(), weighted(group, true), weighted(group, false)));
		});
		return totals;
	}

	private static Double weighted(List<Row> rows, boolean cqc) {
		double good = 0;
		double rated = 0;
		for (Row row : rows) {
			Double share = cqc ? row.cqcGoodShare() : row.councilGoodShare();
			if (share != null) {
				good += share * row.supply();
				rated += row.supply();
			}
		}
		return (rated > 0) ? good / rated : null;
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		long cqcRated = rs.getLong("cqc_rated");
		long councilRated = rs.getLong("council_rated");
		return new Row(rs.getObject("locality_id", UUID.class), rs.getString("code"), rs.getString("name"),
				rs.getInt("ahead"), rs.getInt("year"), rs.getString("service_type"), Math.round(rs.getDouble("people")),
				Math.round(rs.getDouble("persons")), Math.round(rs.getDouble("demand")), rs.getLong("total"),
				rs.getLong("commissioned"), (cqcRated > 0) ? rs.getLong("cqc_good") / (double) cqcRated : null,
				(councilRated > 0) ? rs.getLong("council_good") / (double) councilRated : null);
	}

}
