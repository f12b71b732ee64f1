package org.carecycle.oversight;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.carecycle.bench.jmh.LineSplit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The KPI returns CSV upload's reading of a file ({@link KpiReturnsUpload}): the bytes
 * decoded strictly as UTF-8 and parsed by {@code KpiReturnsUpload.rows} (Commons CSV), for the largest
 * file the upload takes ({@value KpiReturnsUpload#MAX_ROWS} rows), laid out as the
 * upload's own template (service id, quoted service name, period, KPI code, quoted KPI
 * name, value). The floor reads the same bytes with {@link LineSplit}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class KpiCsvParsing {

	private static final String[][] KPIS = { { "BEDS_VACANT", "Beds or places vacant at the end of the month" },
			{ "STAFF_VACANCY_RATE", "Staff vacancy rate" }, { "AGENCY_USE", "Agency staff use" },
			{ "MEDICATION_ERRORS", "Medication errors" }, { "FALLS", "Falls" } };

	private byte[] csv;

	@Setup
	public void generate() {
		Random random = new Random(2026_07L);
		StringBuilder text = new StringBuilder("service_id,service_name,period,kpi,kpi_name,value\r\n");
		YearMonth month = YearMonth.of(2026, 10);
		int rows = 0;
		while (rows < KpiReturnsUpload.MAX_ROWS) {
			UUID service = new UUID(random.nextLong(), random.nextLong());
			String name = "The Willows, " + (1 + random.nextInt(200)) + " " + "Trelawney Road";
			for (int m = 0; m < 12 && rows < KpiReturnsUpload.MAX_ROWS; m++) {
				for (int k = 0; k < KPIS.length && rows < KpiReturnsUpload.MAX_ROWS; k++, rows++) {
					text.append(service)
						.append(",\"")
						.append(name)
						.append("\",")
						.append(month.minusMonths(m))
						.append(',')
						.append(KPIS[k][0])
						.append(",\"")
						.append(KPIS[k][1])
						.append("\",")
						.append(random.nextInt(40))
						.append("\r\n");
				}
			}
		}
		this.csv = text.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** What the upload does before it looks at the rows. */
	@Benchmark
	public List<List<String>> parse() throws CharacterCodingException {
		// as KpiReturnsUpload.utf8
		String text = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT)
			.decode(ByteBuffer.wrap(this.csv))
			.toString();
		if (text.indexOf('\0') >= 0) {
			throw new IllegalStateException("Not text");
		}
		return KpiReturnsUpload.rows(text, KpiReturnsUpload.MAX_ROWS + 2);
	}

	@Benchmark
	public long floor(Blackhole blackhole) throws IOException {
		return LineSplit.cells(this.csv, blackhole);
	}

}
