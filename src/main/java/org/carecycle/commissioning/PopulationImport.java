package org.carecycle.commissioning;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.carecycle.identity.AuditAction;
import org.carecycle.identity.AuditLog;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports population by area, year and age band from a CSV file in one of the shapes ONS
 * publishes: the long shape of its projections ({@code area_code, area_name, [sex,]
 * age_band, year, population}) or the wide shape of its mid-year estimates ({@code
 * <geography>_code, <geography>_name, all_ages, age_0 ... age_89, age_90_plus}), single
 * years of age added up into five-year bands. An import is all or nothing: every row is
 * checked first, and if any is refused nothing is saved and every refusal is explained.
 * The figures of an area and year in a file replace those already held.
 */
@Service
public class PopulationImport {

	/** The most refusals a check collects before it stops reading. */
	public static final int MOST_REFUSALS = 500;

	static final String LOOKUP = "data/commissioning/population/lookup_ltla22_utla22_dec2022.csv";

	static final String MSOAS = "data/commissioning/population/mye2020_msoa11_syoa_persons_cornwall.csv";

	private static final List<String> LONG_COLUMNS = List.of("area_code", "age_band", "year", "population");

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final AuditLog auditLog;

	private final Clock clock;

	private volatile Map<String, String> councilAreas;

	PopulationImport(JdbcClient jdbc, JdbcTemplate template, AuditLog auditLog, Clock clock) {
		this.jdbc = jdbc;
		this.template = template;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** Whether a file's figures are estimates or projections. */
	public enum Kind {

		ESTIMATES, PROJECTIONS

	}

	/**
	 * One figure to hold.
	 *
	 * @param areaCode the locality, council or MSOA code
	 * @param areaName its name
	 * @param year the year (mid-year)
	 * @param ageBand a band of {@link PopulationAgeBands}
	 * @param people how many people
	 * @param projected whether it is a projection
	 */
	public record Row(String areaCode, String areaName, int year, String ageBand, BigDecimal people,
			boolean projected) {
	}

	/**
	 * A row of the file that was refused, and why.
	 *
	 * @param line the line of the file (the header is line 1)
	 * @param messageKey the message key of the reason
	 * @param value what the row held that was wrong
	 */
	public record Refusal(long line, String messageKey, String value) {
	}

	/**
	 * What checking a file found: the figures it holds, or why it cannot be imported.
	 *
	 * @param rows the figures, in five-year bands
	 * @param refusals every refused row; empty when the file can be imported
	 * @param truncated whether reading stopped after {@link #MOST_REFUSALS} refusals
	 */
	public record Checked(List<Row> rows, List<Refusal> refusals, boolean truncated) {

		public boolean acceptable() {
			return this.refusals.isEmpty() && !this.rows.isEmpty();
		}

		public long areas() {
			return this.rows.stream().map(Row::areaCode).distinct().count();
		}

	}

	/**
	 * What an import did.
	 *
	 * @param importId the import's id, or null when it was refused
	 * @param checked what the check found
	 */
	public record Outcome(UUID importId, Checked checked) {

		public boolean imported() {
			return this.importId != null;
		}

	}

	/**
	 * Checks a file and, if every row is acceptable, saves its figures in one
	 * transaction; otherwise saves nothing.
	 * @param fileName the file's name, for the record
	 * @param content the file
	 * @param source where the figures come from, as the person importing says
	 * @param kind estimates or projections
	 * @param year the year of a wide (mid-year estimate) file; ignored for a long one
	 * @param userId who imports
	 * @param userName their name
	 * @return what happened
	 */
	@Transactional
	public Outcome importFile(String fileName, byte[] content, String source, Kind kind, Integer year, UUID userId,
			String userName) {
		Checked checked = check(content, kind, year);
		if (!checked.acceptable()) {
			return new Outcome(null, checked);
		}
		UUID id = save(checked.rows(), fileName, source, userId, userName);
		this.auditLog.record(AuditAction.IMPORTED, "population import", id,
				checked.rows().size() + " population figures for " + checked.areas() + " areas from " + fileName);
		return new Outcome(id, checked);
	}

	/** Checks a file without saving anything. */
	public Checked check(byte[] content, Kind kind, Integer year) {
		String text = new String(content, StandardCharsets.UTF_8);
		if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
			text = text.substring(1);
		}
		try (Reader reader = new StringReader(text)) {
			return check(reader, kind, year, knownAreas());
		}
		catch (IOException | RuntimeException ex) {
			return new Checked(List.of(), List.of(new Refusal(1, "population.import.refused.unreadable", "")), false);
		}
	}

	static Checked check(Reader reader, Kind kind, Integer year, Map<String, String> known) throws IOException {
		CSVParser parser = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreEmptyLines(true)
			.setTrim(true)
			.get()
			.parse(reader);
		List<String> header = parser.getHeaderNames().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
		List<Refusal> refusals = new ArrayList<>();
		if (header.containsAll(LONG_COLUMNS)) {
			return checkLong(parser, header, kind, known, refusals);
		}
		if (header.size() >= 4 && header.get(0).endsWith("_code") && header.contains("age_0")
				&& header.contains("age_90_plus")) {
			if (year == null) {
				return new Checked(List.of(), List.of(new Refusal(1, "population.import.refused.yearNeeded", "")),
						false);
			}
			return checkWide(parser, header, kind, year, known, refusals);
		}
		return new Checked(List.of(),
				List.of(new Refusal(1, "population.import.refused.shape", String.join(",", parser.getHeaderNames()))),
				false);
	}

	private static Checked checkLong(CSVParser parser, List<String> header, Kind kind, Map<String, String> known,
			List<Refusal> refusals) {
		int code = header.indexOf("area_code");
		int name = header.indexOf("area_name");
		int sex = header.indexOf("sex");
		int band = header.indexOf("age_band");
		int yearColumn = header.indexOf("year");
		int people = header.indexOf("population");
		Map<String, BigDecimal> persons = new LinkedHashMap<>();
		Map<String, BigDecimal> bySex = new LinkedHashMap<>();
		Map<String, String> names = new HashMap<>();
		Set<String> seen = new HashSet<>();
		boolean truncated = false;
		for (CSVRecord record : parser) {
			if (refusals.size() >= MOST_REFUSALS) {
				truncated = true;
				break;
			}
			long line = parser.getCurrentLineNumber();
			if (record.size() != header.size()) {
				refusals.add(new Refusal(line, "population.import.refused.columns", String.valueOf(record.size())));
				continue;
			}
			String area = record.get(code).toUpperCase(Locale.ROOT);
			if (!known.containsKey(area)) {
				refusals.add(new Refusal(line, "population.import.refused.area", record.get(code)));
				continue;
			}
			String ageBand = PopulationAgeBands.normalised(record.get(band));
			if (ageBand == null) {
				refusals.add(new Refusal(line, "population.import.refused.ageBand", record.get(band)));
				continue;
			}
			Integer year = year(record.get(yearColumn));
			if (year == null) {
				refusals.add(new Refusal(line, "population.import.refused.year", record.get(yearColumn)));
				continue;
			}
			BigDecimal count = figure(record.get(people));
			if (count == null) {
				refusals.add(new Refusal(line, "population.import.refused.figure", record.get(people)));
				continue;
			}
			if (count.signum() < 0) {
				refusals.add(new Refusal(line, "population.import.refused.negative", record.get(people)));
				continue;
			}
			String sexValue = (sex >= 0) ? record.get(sex).toLowerCase(Locale.ROOT) : "persons";
			if (!sexValue.equals("persons") && !sexValue.equals("male") && !sexValue.equals("female")) {
				refusals.add(new Refusal(line, "population.import.refused.sex", record.get(sex)));
				continue;
			}
			String key = area + "|" + year + "|" + ageBand;
			if (!seen.add(key + "|" + sexValue)) {
				refusals
					.add(new Refusal(line, "population.import.refused.duplicate", area + " " + year + " " + ageBand));
				continue;
			}
			names.putIfAbsent(area, (name >= 0 && !record.get(name).isBlank()) ? record.get(name) : known.get(area));
			if (sexValue.equals("persons")) {
				persons.put(key, count);
			}
			else {
				bySex.merge(key, count, BigDecimal::add);
			}
		}
		if (!refusals.isEmpty()) {
			return new Checked(List.of(), List.copyOf(refusals), truncated);
		}
		bySex.forEach(persons::putIfAbsent);
		List<Row> rows = new ArrayList<>();
		persons.forEach((key, count) -> {
			String[] parts = key.split("\\|");
			rows.add(new Row(parts[0], names.get(parts[0]), Integer.parseInt(parts[1]), parts[2], count,
					kind == Kind.PROJECTIONS));
		});
		return new Checked(rows, List.of(), false);
	}

	private static Checked checkWide(CSVParser parser, List<String> header, Kind kind, int year,
			Map<String, String> known, List<Refusal> refusals) {
		int allAges = header.indexOf("all_ages");
		int[] ageColumns = new int[91];
		for (int age = 0; age <= 90; age++) {
			ageColumns[age] = header.indexOf((age == 90) ? "age_90_plus" : "age_" + age);
			if (ageColumns[age] < 0) {
				return new Checked(List.of(), List
					.of(new Refusal(1, "population.import.refused.shape", String.join(",", parser.getHeaderNames()))),
						false);
			}
		}
		Set<String> seen = new HashSet<>();
		List<Row> rows = new ArrayList<>();
		boolean truncated = false;
		for (CSVRecord record : parser) {
			if (refusals.size() >= MOST_REFUSALS) {
				truncated = true;
				break;
			}
			long line = parser.getCurrentLineNumber();
			if (record.size() != header.size()) {
				refusals.add(new Refusal(line, "population.import.refused.columns", String.valueOf(record.size())));
				continue;
			}
			String area = record.get(0).toUpperCase(Locale.ROOT);
			if (!known.containsKey(area)) {
				refusals.add(new Refusal(line, "population.import.refused.area", record.get(0)));
				continue;
			}
			if (!seen.add(area)) {
				refusals.add(new Refusal(line, "population.import.refused.duplicate", area + " " + year));
				continue;
			}
			Map<String, BigDecimal> bands = new LinkedHashMap<>();
			BigDecimal total = BigDecimal.ZERO;
			boolean refused = false;
			for (int age = 0; age <= 90 && !refused; age++) {
				String cell = record.get(ageColumns[age]);
				BigDecimal count = figure(cell);
				if (count == null || count.signum() < 0) {
					refusals.add(new Refusal(line,
							(count == null) ? "population.import.refused.figure" : "population.import.refused.negative",
							cell));
					refused = true;
					break;
				}
				bands.merge(PopulationAgeBands.of(age), count, BigDecimal::add);
				total = total.add(count);
			}
			if (refused) {
				continue;
			}
			if (allAges >= 0) {
				BigDecimal stated = figure(record.get(allAges));
				if (stated == null || stated.compareTo(total) != 0) {
					refusals.add(new Refusal(line, "population.import.refused.total", record.get(allAges)));
					continue;
				}
			}
			String name = (header.size() > 1 && header.get(1).endsWith("_name")) ? record.get(1) : known.get(area);
			bands.forEach((band, count) -> rows.add(new Row(area, name, year, band, count, kind == Kind.PROJECTIONS)));
		}
		if (!refusals.isEmpty()) {
			return new Checked(List.of(), List.copyOf(refusals), truncated);
		}
		return new Checked(rows, List.of(), false);
	}

	private static Integer year(String text) {
		try {
			int year = Integer.parseInt(text.strip());
			return (year >= 1990 && year <= 2100) ? year : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static BigDecimal figure(String text) {
		String plain = (text != null) ? text.strip().replace(",", "") : "";
		if (plain.isEmpty() || plain.length() > 20) {
			return null;
		}
		try {
			BigDecimal value = new BigDecimal(plain);
			return (value.scale() > 6) ? value.setScale(6, java.math.RoundingMode.HALF_UP) : value;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * Saves figures that have been checked (the reference data loader and the demo use it
	 * directly), replacing those held for each area and year they cover.
	 */
	@Transactional
	public UUID save(List<Row> rows, String fileName, String source, UUID userId, String userName) {
		UUID id = UUID.randomUUID();
		Set<String> areaYears = new HashSet<>();
		for (Row row : rows) {
			areaYears.add(row.areaCode() + "|" + row.year());
		}
		List<Object[]> deletions = areaYears.stream().map(k -> {
			String[] p = k.split("\\|");
			return new Object[] { p[0], Integer.parseInt(p[1]) };
		}).toList();
		this.template.batchUpdate("delete from commissioning_population where area_code = ? and year = ?", deletions);
		List<Object[]> inserts = rows.stream()
			.map(r -> new Object[] { r.areaCode(), r.areaName(), r.year(), r.ageBand(),
					r.people().setScale(1, java.math.RoundingMode.HALF_UP), r.projected(), abbreviated(source), id })
			.toList();
		this.template.batchUpdate(
				"insert into commissioning_population (area_code, area_name, year, age_band, people, projected, source, import_id) values (?, ?, ?, ?, ?, ?, ?, ?)",
				inserts);
		int first = rows.stream().mapToInt(Row::year).min().orElse(0);
		int last = rows.stream().mapToInt(Row::year).max().orElse(0);
		this.jdbc.sql("""
				insert into commissioning_population_import (id, file_name, source, rows_loaded, areas, first_year,
				    last_year, imported_by, imported_by_name, imported_at)
				values (:id, :file, :source, :rows, :areas, :first, :last, :by, :name, :at)""")
			.param("id", id)
			.param("file", abbreviated(fileName))
			.param("source", abbreviated(source))
			.param("rows", rows.size())
			.param("areas", rows.stream().map(Row::areaCode).distinct().count())
			.param("first", first)
			.param("last", last)
			.param("by", userId)
			.param("name", userName)
			.param("at", java.sql.Timestamp.from(Instant.now(this.clock)))
			.update();
		return id;
	}

	private static String abbreviated(String text) {
		String value = (text != null) ? text.strip() : "";
		return (value.length() > 300) ? value.substring(0, 300) : value;
	}

	/**
	 * Codes an import may hold: the localities, every council of England and Wales (lower
	 * and upper tier), and Cornwall's MSOAs; with their names.
	 */
	public Map<String, String> knownAreas() {
		Map<String, String> known = new HashMap<>(councilAreas());
		this.jdbc.sql("select code, name from geography_locality")
			.query((rs, n) -> Map.entry(rs.getString(1).toUpperCase(Locale.ROOT), rs.getString(2)))
			.list()
			.forEach(e -> known.put(e.getKey(), e.getValue()));
		return known;
	}

	private Map<String, String> councilAreas() {
		Map<String, String> areas = this.councilAreas;
		if (areas == null) {
			Map<String, String> read = new HashMap<>();
			readCsv(LOOKUP, record -> {
				read.put(record.get(0), record.get(1));
				read.put(record.get(2), record.get(3));
			});
			readCsv(MSOAS, record -> read.put(record.get(0), record.get(1)));
			this.councilAreas = Map.copyOf(read);
			areas = this.councilAreas;
		}
		return areas;
	}

	static void readCsv(String resource, java.util.function.Consumer<CSVRecord> each) {
		try (InputStream in = new ClassPathResource(resource).getInputStream();
				Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
				CSVParser parser = CSVFormat.DEFAULT.builder()
					.setHeader()
					.setSkipHeaderRecord(true)
					.setAllowMissingColumnNames(true)
					.get()
					.parse(reader)) {
			parser.forEach(each);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** The imports made, newest first. */
	public List<ImportRecord> imports() {
		return this.jdbc.sql("""
				select file_name, source, rows_loaded, areas, first_year, last_year, imported_by_name, imported_at
				from commissioning_population_import order by imported_at desc limit 20""")
			.query(ImportRecord.class)
			.list();
	}

	/**
	 * An import made.
	 *
	 * @param fileName the file
	 * @param source where its figures come from
	 * @param rowsLoaded figures loaded
	 * @param areas areas covered
	 * @param firstYear first year
	 * @param lastYear last year
	 * @param importedByName who
	 * @param importedAt when
	 */
	public record ImportRecord(String fileName, String source, int rowsLoaded, int areas, int firstYear, int lastYear,
			String importedByName, Instant importedAt) {
	}

}
