package org.carecycle.providers.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.carecycle.bench.jmh.LineSplit;
import org.carecycle.providers.imports.table.HeaderRow;
import org.carecycle.providers.imports.table.InMemoryCsv;
import org.carecycle.providers.imports.table.TabularReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The CQC import's CSV path over a whole rating history file held in memory: the real one
 * from CQC when {@code -Dcarecycle.cqcFile} names it (29,459 rows, 2.3 MB), otherwise a
 * generated one of the same shape and size.
 * <ul>
 * <li>{@code read}: the table reader alone (UTF-8 decoding, RFC 4180 fields, blank rows)
 * and the header search, as {@code ImportRun} opens a file;</li>
 * <li>{@code stage}: everything the import does with each row in the JVM: the reader,
 * {@link RatingRows} (location id, rating, date checked and parsed) and the
 * {@link Staging} rows formatted for COPY, which here discards them instead of sending
 * them to PostgreSQL.</li>
 * </ul>
 * The floor reads the same bytes with {@link LineSplit}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CqcCsvParsing {

	/** The system property naming CQC's rating history CSV. */
	public static final String FILE = "carecycle.cqcFile";

	private static final int GENERATED_ROWS = 29_459;

	private byte[] csv;

	@Setup
	public void load() throws IOException {
		String file = System.getProperty(FILE, "");
		this.csv = file.isBlank() ? generated(GENERATED_ROWS) : Files.readAllBytes(Path.of(file));
	}

	@Benchmark
	public long read(Blackhole blackhole) throws Exception {
		try (TabularReader reader = InMemoryCsv.open(this.csv)) {
			HeaderRow header = HeaderRow.find(reader, "Location ID", 50);
			blackhole.consume(header);
			long rows = 0;
			List<String> row;
			while ((row = reader.nextRow()) != null) {
				blackhole.consume(row);
				rows++;
			}
			return rows;
		}
	}

	@Benchmark
	public long stage() throws Exception {
		DiscardingCopy copy = new DiscardingCopy();
		try (TabularReader reader = InMemoryCsv.open(this.csv)) {
			HeaderRow header = HeaderRow.find(reader, "Location ID", 50);
			ImportKind kind = ImportRun.kindOf(header);
			if (kind != ImportKind.CQC_RATINGS && kind != ImportKind.CQC_RATING_HISTORY) {
				throw new IllegalStateException("Not a CQC ratings file: " + kind);
			}
			RatingRows ratings = new RatingRows(header, kind == ImportKind.CQC_RATING_HISTORY, false, "Cornwall");
			try (Staging staging = new Staging(copy.connection())) {
				List<String> row;
				while ((row = reader.nextRow()) != null) {
					long number = reader.rowNumber();
					RowOutcome outcome = ratings.read(number, row, staging);
					if (outcome.kind() == RowOutcome.Kind.REFUSED) {
						staging.refusal(number, outcome.locationId(), outcome.reason(), ImportValues.line(row));
					}
				}
			}
		}
		return copy.bytes();
	}

	@Benchmark
	public long floor(Blackhole blackhole) throws IOException {
		return LineSplit.cells(this.csv, blackhole);
	}

	/** A rating history file as CQC's, with made-up locations and dates. */
	static byte[] generated(int rows) {
		String[] ratings = { "Good", "Good", "Good", "Requires improvement", "Requires Improvement", "Inadequate",
				"Outstanding" };
		String[] ownership = { "For-profit", "For-profit", "Third sector", "Local Authority" };
		Random random = new Random(2026_07L);
		StringBuilder csv = new StringBuilder(
				"\"\",\"reportdate\",\"overall\",\"ownership\",\"locationid\",\"location_start_2025\","
						+ "\"location_end_2025\",\"good\",\"rating\"\n");
		LocalDate first = LocalDate.of(2014, 10, 1);
		for (int i = 1; i <= rows; i++) {
			String rating = ratings[random.nextInt(ratings.length)];
			int start = 15_000 + random.nextInt(5_000);
			csv.append('"')
				.append(i)
				.append("\",")
				.append(first.plusDays(random.nextInt(3_800)))
				.append(",\"")
				.append(rating)
				.append("\",\"")
				.append(ownership[random.nextInt(ownership.length)])
				.append("\",\"1-")
				.append(100_000_000 + random.nextInt(900_000_000))
				.append("\",")
				.append(start)
				.append(',')
				.append(start + random.nextInt(5_000))
				.append(',')
				.append(rating.equals("Good") || rating.equals("Outstanding") ? 1 : 0)
				.append(",\"")
				.append(rating.equals("Requires Improvement") ? "Requires improvement" : rating)
				.append("\"\n");
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

}
