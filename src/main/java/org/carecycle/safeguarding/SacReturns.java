package org.carecycle.safeguarding;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.carecycle.concerns.AbuseType;
import org.carecycle.web.Paged;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Safeguarding Adults Collection (SAC) return for a financial year, computed from the
 * records in one place: the tables SG1 to SG4 with the collection's rows and columns, and
 * the cases behind each count. The counting rules and where they come from are in ADR
 * 0034; in short:
 * <ul>
 * <li>SG1 counts individuals: concerns received in the year, and enquiries that commenced
 * in the year; an adult with the council's record number counts once per column (with the
 * details of their latest case), a concern without one is an individual of its own.</li>
 * <li>SG2 counts enquiries concluded in the year, once for each different type, location
 * and source of risk that applies (multiple counts are permitted).</li>
 * <li>SG3 and SG4 count concluded Section 42 enquiries.</li>
 * <li>A concern merged into another is never counted.</li>
 * </ul>
 */
@Service
public class SacReturns {

	/**
	 * The first year of the collection: the Care Act 2014 came into force on 1 April
	 * 2015.
	 */
	public static final int FIRST_YEAR = 2015;

	private static final ZoneId UK = ZoneId.of("Europe/London");

	/** A column of the collection. */
	public enum Column {

		/** Individuals involved in safeguarding concerns (SG1). */
		CONCERNS,
		/** Section 42 safeguarding enquiries. */
		S42,
		/** Other safeguarding enquiries. */
		OTHER

	}

	/** A row of a table: its code as stored and its label's message key. */
	public record Row(String code, String labelKey) {
	}

	/** One table of the collection, such as SG1a. */
	public record Table(String code, List<Row> rows, List<Column> columns) {

		public String titleKey() {
			return "safeguarding.sac.table." + this.code;
		}

		public String section() {
			return this.code.substring(0, 3);
		}

		public String columnKey(Column column) {
			return "safeguarding.sac.column." + (countsCases() ? this.code : section()) + "." + column.name();
		}

		/** Whether the table counts cases (SG1e) rather than individuals or enquiries. */
		public boolean countsCases() {
			return CASES_TABLE.equals(this.code);
		}

		public Optional<Row> row(String code) {
			return this.rows.stream().filter(row -> row.code().equals(code)).findFirst();
		}

		public Optional<Column> column(String name) {
			return this.columns.stream().filter(column -> column.name().equals(name)).findFirst();
		}

	}

	/**
	 * SG1e: counts of cases, each concern received and each enquiry begun in the year.
	 */
	static final String CASES_TABLE = "SG1e";

	/** SG1e's one row: the number of cases. */
	static final String CASES_ROW = "CASES";

	private static final List<Column> SG1_COLUMNS = List.of(Column.CONCERNS, Column.S42, Column.OTHER);

	private static final List<Column> SG2_COLUMNS = List.of(Column.S42, Column.OTHER);

	private static final List<Column> S42_ONLY = List.of(Column.S42);

	private static final List<Row> ANSWERS = rows(
			new Answer[] { Answer.YES, Answer.NO, Answer.DONT_KNOW, Answer.NOT_RECORDED }, Answer::messageKey);

	/** The tables in the collection's order. */
	public static final List<Table> TABLES = List.of(
			new Table("SG1a", rows(AgeBand.values(), AgeBand::messageKey), SG1_COLUMNS),
			new Table("SG1b", rows(Gender.values(), Gender::messageKey), SG1_COLUMNS),
			new Table("SG1c", rows(Ethnicity.values(), Ethnicity::messageKey), SG1_COLUMNS),
			new Table("SG1d", rows(SupportReason.values(), SupportReason::messageKey), SG1_COLUMNS),
			new Table(CASES_TABLE, List.of(new Row(CASES_ROW, "safeguarding.sac.row.cases")), SG1_COLUMNS),
			new Table("SG2a", rows(AbuseType.typesOfRisk().toArray(AbuseType[]::new), AbuseType::messageKey),
					SG2_COLUMNS),
			new Table("SG2b", rows(LocationOfRisk.values(), LocationOfRisk::messageKey), SG2_COLUMNS),
			new Table("SG2c", rows(SourceOfRisk.values(), SourceOfRisk::messageKey), SG2_COLUMNS),
			new Table("SG2d", rows(ActionAndResult.values(), ActionAndResult::messageKey), SG2_COLUMNS),
			new Table("SG2e", rows(RiskOutcome.values(), RiskOutcome::messageKey), SG2_COLUMNS),
			new Table("SG3a", ANSWERS, S42_ONLY), new Table("SG3b", ANSWERS, S42_ONLY),
			new Table("SG4a", rows(OutcomesAsked.values(), OutcomesAsked::messageKey), S42_ONLY),
			new Table("SG4b", rows(OutcomesAchieved.values(), OutcomesAchieved::messageKey), S42_ONLY));

	/** The counts of one year's return. */
	public record Return(int year, Map<String, Long> counts, long millis) {

		/** The count in a cell: table, row and column. */
		public long count(Table table, Row row, Column column) {
			return this.counts.getOrDefault(key(table.code(), row.code(), column), 0L);
		}

		/** A column's total: the sum of its rows. */
		public long total(Table table, Column column) {
			return table.rows().stream().mapToLong(row -> count(table, row, column)).sum();
		}

	}

	/** A case behind a count; never the adult's name or details. */
	public record CaseLine(java.util.UUID concernId, String reference, LocalDate date, String service) {
	}

	// Concerns received in the year and enquiries commenced in it (SG1), one line per
	// case
	// and column, with the individual it counts: the adult's record number, or the
	// concern.
	private static final String SG1_CASES = """
			cases as (
			    select 'CONCERNS' as col, c.id as concern_id, c.received_at as at,
			           safeguarding_sac_person(c.adult_reference, c.id) as person,
			           c.age_band, c.gender, c.ethnicity, c.support_reason
			    from safeguarding_concern c
			    where c.status <> 'MERGED' and c.received_at >= :from and c.received_at < :to
			    union all
			    select case e.kind when 'SECTION_42' then 'S42' else 'OTHER' end, c.id, e.opened_at,
			           safeguarding_sac_person(c.adult_reference, c.id),
			           c.age_band, c.gender, c.ethnicity, c.support_reason
			    from safeguarding_enquiry e join safeguarding_concern c on c.id = e.concern_id
			    where c.status <> 'MERGED' and e.opened_at >= :from and e.opened_at < :to
			),
			people as (
			    select col, person, age_band, gender, ethnicity, support_reason
			    from safeguarding_sac_individual where financial_year = :year
			)""";

	// Enquiries concluded in the year (SG2 to SG4), one line each.
	private static final String CONCLUDED = """
			concluded as (
			    select case e.kind when 'SECTION_42' then 'S42' else 'OTHER' end as col, c.id as concern_id,
			           e.concluded_on as at, c.risk_types, c.location_of_risk, c.sources_of_risk, e.action_and_result,
			           e.risk_outcome, e.lacked_capacity, e.advocacy_support, e.outcomes_asked, e.outcomes_achieved
			    from safeguarding_enquiry e join safeguarding_concern c on c.id = e.concern_id
			    where c.status <> 'MERGED' and e.concluded_on >= :fromDay and e.concluded_on < :toDay
			)""";

	/**
	 * What each table of SG2 to SG4 counts a concluded enquiry under, null where the
	 * table does not count it: the counts and the drill-down both use these.
	 */
	private static final Map<String, String> CONCLUDED_DIMENSIONS = new java.util.LinkedHashMap<>();

	/** The tables that count an enquiry once for each different value of an array. */
	private static final java.util.Set<String> ARRAY_TABLES = java.util.Set.of("SG2a", "SG2c");

	static {
		CONCLUDED_DIMENSIONS.put("SG2a", "risk_types");
		CONCLUDED_DIMENSIONS.put("SG2b", "location_of_risk");
		CONCLUDED_DIMENSIONS.put("SG2c", "sources_of_risk");
		CONCLUDED_DIMENSIONS.put("SG2d", "action_and_result");
		CONCLUDED_DIMENSIONS.put("SG2e", "case when action_and_result in ('RISK_IDENTIFIED_ACTION_TAKEN', "
				+ "'INCONCLUSIVE_ACTION_TAKEN') then risk_outcome end");
		CONCLUDED_DIMENSIONS.put("SG3a", "case when col = 'S42' then coalesce(lacked_capacity, 'NOT_RECORDED') end");
		CONCLUDED_DIMENSIONS.put("SG3b",
				"case when col = 'S42' and lacked_capacity = 'YES' then coalesce(advocacy_support, 'NOT_RECORDED') end");
		CONCLUDED_DIMENSIONS.put("SG4a", "case when col = 'S42' then coalesce(outcomes_asked, 'NOT_RECORDED') end");
		CONCLUDED_DIMENSIONS.put("SG4b",
				"case when col = 'S42' and outcomes_asked = 'ASKED_EXPRESSED' then outcomes_achieved end");
	}

	private static final Map<String, String> SG1_DIMENSIONS = Map.of("SG1a", "age_band", "SG1b", "gender", "SG1c",
			"ethnicity", "SG1d", "support_reason");

	private final JdbcClient jdbc;

	private final Clock clock;

	SacReturns(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The table with the code, such as {@code SG2a}. */
	public static Optional<Table> table(String code) {
		return TABLES.stream().filter(table -> table.code().equals(code)).findFirst();
	}

	/** The financial year today falls in: 2026 for 1 April 2026 to 31 March 2027. */
	public int currentYear() {
		LocalDate today = LocalDate.now(this.clock.withZone(UK));
		return (today.getMonthValue() >= 4) ? today.getYear() : today.getYear() - 1;
	}

	/** The years a return can be made for, newest first. */
	public List<Integer> years() {
		int current = currentYear();
		return java.util.stream.IntStream.iterate(current, year -> year >= FIRST_YEAR, year -> year - 1)
			.boxed()
			.toList();
	}

	/** Whether a return can be made for the year. */
	public boolean isYear(int year) {
		return year >= FIRST_YEAR && year <= currentYear();
	}

	// SG1's individuals, kept by the database as cases are written (V46: one row per
	// financial year, column and individual, with the details of their latest case), so
	// the return only counts them.
	private static final String SG1_COUNTS = """
			with details as (
			    select col, age_band, gender, ethnicity, support_reason, count(*) as n
			    from safeguarding_sac_individual where financial_year = :year
			    group by col, age_band, gender, ethnicity, support_reason
			)
			select col, age_band, gender, ethnicity, support_reason,
			       grouping(age_band, gender, ethnicity, support_reason) as unused, sum(n)::bigint as n
			from details
			group by grouping sets ((col, age_band), (col, gender), (col, ethnicity), (col, support_reason))""";

	// SG1e: every concern received in the year and every enquiry begun in it, each once
	// (an adult with three enquiries is three cases).
	private static final String SG1E_COUNTS = """
			select 'CONCERNS' as col, count(*) as n from safeguarding_concern c
			where c.status <> 'MERGED' and c.received_at >= :from and c.received_at < :to
			union all
			select case e.kind when 'SECTION_42' then 'S42' else 'OTHER' end, count(*)
			from safeguarding_enquiry e join safeguarding_concern c on c.id = e.concern_id
			where c.status <> 'MERGED' and e.opened_at >= :from and e.opened_at < :to
			group by 1""";

	/** The year's return. */
	@Transactional(readOnly = true)
	public Return compute(int year) {
		long started = System.nanoTime();
		// enough memory to group a national year's enquiries without writing to disk
		this.jdbc.sql("set local work_mem = '256MB'").update();
		Map<String, Long> counts = new HashMap<>();
		this.jdbc.sql(SG1_COUNTS).param("year", year).query((rs, n) -> {
			int unused = rs.getInt("unused");
			// grouping(...) sets a bit for each column left out, the first column's
			// highest
			String table = switch (unused) {
				case 0b0111 -> "SG1a";
				case 0b1011 -> "SG1b";
				case 0b1101 -> "SG1c";
				default -> "SG1d";
			};
			String row = rs.getString(SG1_DIMENSIONS.get(table));
			counts.put(key(table, row, Column.valueOf(rs.getString("col"))), rs.getLong("n"));
			return null;
		}).list();
		this.jdbc.sql(SG1E_COUNTS).params(bounds(year)).query((rs, n) -> {
			counts.put(key(CASES_TABLE, CASES_ROW, Column.valueOf(rs.getString("col"))), rs.getLong("n"));
			return null;
		}).list();
		List<String> tables = List.copyOf(CONCLUDED_DIMENSIONS.keySet());
		StringBuilder select = new StringBuilder("with " + CONCLUDED + ", dimensions as (select col");
		StringBuilder sets = new StringBuilder();
		for (int i = 0; i < tables.size(); i++) {
			select.append(", ").append(CONCLUDED_DIMENSIONS.get(tables.get(i))).append(" as d").append(i);
			sets.append((i == 0) ? "" : ", ").append("(col, d").append(i).append(")");
		}
		// the enquiries are counted once by all their values together (a few thousand
		// groups), and the tables are read off those groups
		String all = String.join(", ",
				java.util.stream.IntStream.range(0, tables.size()).mapToObj(i -> "d" + i).toList());
		select.append(" from concluded), combined as (select col, ")
			.append(all)
			.append(", count(*) as n from dimensions group by col, ")
			.append(all)
			.append(") select col, ")
			.append(all);
		select.append(", grouping(")
			.append(all)
			.append(") as unused, sum(n)::bigint as n from combined group by grouping sets (")
			.append(sets)
			.append(")");
		this.jdbc.sql(select.toString()).params(bounds(year)).query((rs, n) -> {
			int unused = rs.getInt("unused");
			int index = 0;
			while (index < tables.size() && (unused & (1 << (tables.size() - 1 - index))) != 0) {
				index++;
			}
			String table = tables.get(index);
			Column column = Column.valueOf(rs.getString("col"));
			long count = rs.getLong("n");
			if (ARRAY_TABLES.contains(table)) {
				java.sql.Array array = rs.getArray("d" + index);
				Object[] values = (array != null) ? (Object[]) array.getArray() : new Object[0];
				for (Object value : new java.util.LinkedHashSet<>(Arrays.asList(values))) {
					counts.merge(key(table, String.valueOf(value), column), count, Long::sum);
				}
			}
			else if (rs.getString("d" + index) != null) {
				counts.merge(key(table, rs.getString("d" + index), column), count, Long::sum);
			}
			return null;
		}).list();
		return new Return(year, Map.copyOf(counts), (System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * The cases behind a count, a page at a time, oldest first: for SG1 every case of the
	 * individuals counted in the cell, in that column; for SG2 to SG4 the concluded
	 * enquiries counted.
	 */
	@Transactional(readOnly = true)
	public Paged<CaseLine> cases(int year, Table table, Row row, Column column, int page, int pageSize) {
		String from;
		if (table.countsCases()) {
			from = "with " + SG1_CASES + ", facts as (select concern_id, at from cases where col = :col)";
		}
		else if (table.section().equals("SG1")) {
			from = "with " + SG1_CASES
					+ """
							, facts as (
							    select cases.concern_id, cases.at from cases join people p on p.col = cases.col and p.person = cases.person
							    where cases.col = :col and p.%s = :row)"""
						.formatted(SG1_DIMENSIONS.get(table.code()));
		}
		else {
			String dimension = CONCLUDED_DIMENSIONS.get(table.code());
			String matches = ARRAY_TABLES.contains(table.code()) ? "cast(:row as varchar) = any(" + dimension + ")"
					: "(" + dimension + ") = :row";
			from = "with " + CONCLUDED + """
					, facts as (select concern_id, at from concluded where col = :col and %s)""".formatted(matches);
		}
		Map<String, Object> params = new HashMap<>(bounds(year));
		params.put("tbl", table.code());
		params.put("year", year);
		params.put("row", row.code());
		params.put("col", column.name());
		long count = this.jdbc.sql(from + " select count(*) from facts").params(params).query(Long.class).single();
		params.put("limit", pageSize);
		params.put("offset", (long) (page - 1) * pageSize);
		List<CaseLine> lines = this.jdbc.sql(from + """
				select c.id, c.reference, f.at, c.service_name
				from facts f join safeguarding_concern c on c.id = f.concern_id
				order by f.at, c.reference limit :limit offset :offset""")
			.params(params)
			.query((rs, n) -> new CaseLine(rs.getObject("id", java.util.UUID.class), rs.getString("reference"),
					dateOf(rs.getObject("at")), rs.getString("service_name")))
			.list();
		return new Paged<>(lines, page, pageSize, count);
	}

	private static LocalDate dateOf(Object value) {
		if (value instanceof Timestamp timestamp) {
			return timestamp.toInstant().atZone(UK).toLocalDate();
		}
		if (value instanceof java.time.OffsetDateTime time) {
			return time.atZoneSameInstant(UK).toLocalDate();
		}
		if (value instanceof Date date) {
			return date.toLocalDate();
		}
		return (LocalDate) value;
	}

	private static Map<String, Object> bounds(int year) {
		LocalDate first = LocalDate.of(year, 4, 1);
		LocalDate next = first.plusYears(1);
		return Map.of("from", Timestamp.from(first.atStartOfDay(UK).toInstant()), "to",
				Timestamp.from(next.atStartOfDay(UK).toInstant()), "fromDay", Date.valueOf(first), "toDay",
				Date.valueOf(next));
	}

	static String key(String table, String row, Column column) {
		return table + "|" + row + "|" + column.name();
	}

	private static <E extends Enum<E>> List<Row> rows(E[] values, Function<E, String> labelKey) {
		return Arrays.stream(values).map(value -> new Row(value.name(), labelKey.apply(value))).toList();
	}

	/**
	 * A count as NHS England publishes it: 0 to 4 as "*", others rounded to the nearest
	 * multiple of 5.
	 */
	public static String published(long count) {
		if (count < 5) {
			return "*";
		}
		return Long.toString(Math.round(count / 5.0) * 5);
	}

}
