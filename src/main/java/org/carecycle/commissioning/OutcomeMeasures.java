package org.carecycle.commissioning;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.carecycle.identity.AuditLog;
import org.carecycle.shared.Council;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The published adult social care outcome measures: a council against its region, its
 * nearest neighbours and England, year by year, and the list of neighbours it compares
 * itself with. Region and neighbours are the plain mean of their councils' values;
 * England is the median of every council (as the published file gives it), so one large
 * council does not swamp it.
 */
@Service
public class OutcomeMeasures {

	/** The most neighbours a council may compare itself with. */
	public static final int MOST_NEIGHBOURS = 15;

	private final JdbcClient jdbc;

	private final Council council;

	private final AuditLog auditLog;

	OutcomeMeasures(JdbcClient jdbc, Council council, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.council = council;
		this.auditLog = auditLog;
	}

	/**
	 * A council with published measures.
	 *
	 * @param code its ONS code
	 * @param name its name
	 * @param region its region
	 */
	public record Area(String code, String name, String region) {
	}

	/**
	 * One year of a measure.
	 *
	 * @param year the financial year, such as {@code 2022-23}
	 * @param council the council's value, or null if it published none
	 * @param region the mean of its region's councils
	 * @param neighbours the mean of its neighbours
	 * @param england the median of every council
	 */
	public record Point(String year, BigDecimal council, BigDecimal region, BigDecimal neighbours, BigDecimal england) {

		public Point {
			council = plain(council);
			region = plain(region);
			neighbours = plain(neighbours);
			england = plain(england);
		}
	}

	/**
	 * A neighbour's value in the latest year.
	 *
	 * @param name the neighbour
	 * @param year the year
	 * @param value its value
	 */
	public record NeighbourValue(String name, String year, BigDecimal value) {

		public NeighbourValue {
			value = plain(value);
		}
	}

	/** The council CareCycle serves, by its name in the published file. */
	public Optional<Area> ownCouncil() {
		return this.jdbc.sql("""
				select la_code as code, la_name as name, region from commissioning_outcome_value
				where lower(la_name) = lower(:name) limit 1""")
			.param("name", this.council.area())
			.query(Area.class)
			.optional();
	}

	public List<Area> councils() {
		return this.jdbc.sql("""
				select distinct la_code as code, la_name as name, region from commissioning_outcome_value
				order by la_name""").query(Area.class).list();
	}

	public List<Area> neighbours(String code) {
		return this.jdbc.sql("""
				select distinct on (n.position, n.neighbour_code) n.neighbour_code as code, v.la_name as name, v.region
				from commissioning_outcome_neighbour n
				join commissioning_outcome_value v on v.la_code = n.neighbour_code
				where n.la_code = :code order by n.position, n.neighbour_code""")
			.param("code", code)
			.query(Area.class)
			.list();
	}

	/** Replaces a council's neighbours with these (known councils other than itself). */
	@Transactional
	public void setNeighbours(String code, List<String> neighbourCodes) {
		List<String> before = neighbours(code).stream().map(Area::code).toList();
		List<String> known = councils().stream().map(Area::code).toList();
		List<String> chosen = neighbourCodes.stream()
			.filter(known::contains)
			.filter(c -> !c.equals(code))
			.distinct()
			.limit(MOST_NEIGHBOURS)
			.toList();
		this.jdbc.sql("delete from commissioning_outcome_neighbour where la_code = :code").param("code", code).update();
		for (int i = 0; i < chosen.size(); i++) {
			this.jdbc
				.sql("insert into commissioning_outcome_neighbour (la_code, neighbour_code, position) "
						+ "values (:code, :n, :p)")
				.param("code", code)
				.param("n", chosen.get(i))
				.param("p", i)
				.update();
		}
		this.auditLog.changed("outcome neighbours", code, java.util.Map.of("neighbours", String.join(",", before)),
				java.util.Map.of("neighbours", String.join(",", chosen)));
	}

	/** A measure for the council against its comparators, oldest year first. */
	public List<Point> comparison(String code, OutcomeMeasure measure) {
		return this.jdbc
			.sql("""
					with own as (select region from commissioning_outcome_value where la_code = :code limit 1),
					near as (select neighbour_code from commissioning_outcome_neighbour where la_code = :code)
					select v.financial_year as year,
					       max(v.value) filter (where v.la_code = :code) as council,
					       round(avg(v.value) filter (where v.region = (select region from own)), 2) as region,
					       round(avg(v.value) filter (where v.la_code in (select neighbour_code from near)), 2) as neighbours,
					       round(percentile_cont(0.5) within group (order by v.value)::numeric, 2) as england
					from commissioning_outcome_value v
					where v.measure_code = :measure
					group by v.financial_year
					order by v.financial_year""")
			.param("code", code)
			.param("measure", measure.name())
			.query(Point.class)
			.list();
	}

	/** Each neighbour's latest value of a measure. */
	public List<NeighbourValue> neighbourValues(String code, OutcomeMeasure measure) {
		return this.jdbc.sql("""
				select distinct on (v.la_code) v.la_name as name, v.financial_year as year, v.value
				from commissioning_outcome_value v
				join commissioning_outcome_neighbour n on n.neighbour_code = v.la_code and n.la_code = :code
				where v.measure_code = :measure
				order by v.la_code, v.financial_year desc""")
			.param("code", code)
			.param("measure", measure.name())
			.query(NeighbourValue.class)
			.list();
	}

	/**
	 * The share of the council's activity bought from external providers, by setting and
	 * year (NHS Digital's activity returns).
	 *
	 * @param year the year
	 * @param setting residential, nursing, home care, day care, or all
	 * @param externalPercent the share bought from independent providers
	 */
	public record ActivityShare(int year, String setting, BigDecimal externalPercent) {
	}

	public List<ActivityShare> externalShares(String councilName) {
		List<ActivityShare> shares = new ArrayList<>(this.jdbc.sql("""
				select year, setting, round(percent_of_setting, 1) as external_percent
				from commissioning_activity_value
				where lower(la_name) = lower(:name) and provision = 'EXTERNAL' and percent_of_setting is not null
				  and year >= 2016
				order by year desc, setting""").param("name", councilName).query(ActivityShare.class).list());
		return shares;
	}

	/** A figure as published: 7.3 rather than the column's 7.300000, and 100 not 1E+2. */
	static BigDecimal plain(BigDecimal value) {
		if (value == null) {
			return null;
		}
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

}
