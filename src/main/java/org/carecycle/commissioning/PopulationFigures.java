package org.carecycle.commissioning;

import java.util.List;
import java.util.Optional;

import org.carecycle.shared.Council;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads the population held: by area, year and age band. */
@Service
public class PopulationFigures {

	private final JdbcClient jdbc;

	private final Council council;

	PopulationFigures(JdbcClient jdbc, Council council) {
		this.jdbc = jdbc;
		this.council = council;
	}

	/**
	 * An area with population held.
	 *
	 * @param code its code
	 * @param name its name
	 * @param firstYear the first year held
	 * @param lastYear the last
	 */
	public record HeldArea(String code, String name, int firstYear, int lastYear) {
	}

	/**
	 * People in one band of one year.
	 *
	 * @param year the year
	 * @param ageBand the band
	 * @param people how many
	 * @param projected whether projected
	 * @param source where the figure comes from
	 */
	public record Figure(int year, String ageBand, long people, boolean projected, String source) {
	}

	/** The code under which the council's own population is held, if it is. */
	public Optional<String> councilCode() {
		return this.jdbc
			.sql("select area_code from commissioning_population where lower(area_name) = lower(:name) "
					+ "group by area_code order by count(*) desc limit 1")
			.param("name", this.council.area())
			.query(String.class)
			.optional();
	}

	public Optional<HeldArea> area(String code) {
		return this.jdbc.sql("""
				select area_code as code, max(area_name) as name, min(year) as first_year, max(year) as last_year
				from commissioning_population where area_code = :code group by area_code""")
			.param("code", code)
			.query(HeldArea.class)
			.optional();
	}

	/** Every band of every year asked for, youngest band first. */
	public List<Figure> figures(String code, List<Integer> years) {
		return this.jdbc.sql("""
				select year, age_band, round(people)::bigint as people, projected, source
				from commissioning_population where area_code = :code and year in (:years)
				order by year, substring(age_band from '^[0-9]+')::int""")
			.param("code", code)
			.param("years", years)
			.query(Figure.class)
			.list();
	}

	/** The years held for an area. */
	public List<Integer> years(String code) {
		return this.jdbc.sql("select distinct year from commissioning_population where area_code = :code order by year")
			.param("code", code)
			.query(Integer.class)
			.list();
	}

	/** How many areas of each kind are held: localities, councils, MSOAs. */
	public long areasHeld() {
		return this.jdbc.sql("select count(distinct area_code) from commissioning_population")
			.query(Long.class)
			.single();
	}

	/** Whether population is held for any of the localities. */
	public boolean anyLocalityHeld() {
		return Boolean.TRUE.equals(this.jdbc.sql(
				"select exists (select 1 from commissioning_population p join geography_locality l on l.code = p.area_code)")
			.query(Boolean.class)
			.single());
	}

}
