package org.carecycle.oversight;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.carecycle.identity.ProviderScope;
import org.carecycle.identity.SignedInUser;
import org.carecycle.web.TableExport;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * KPI returns sent as a CSV file: one row per figure, with the columns
 * {@code service_id, period, kpi, value} (others, such as the service's name, are
 * ignored). The whole file is checked before anything is saved; one mistake anywhere and
 * nothing is saved, and every mistake is listed with its row. Returns already sent with
 * the same figures are skipped, so sending a file twice is harmless.
 */
@Service
public class KpiReturnsUpload {

	/** The most rows read from one file. */
	static final int MAX_ROWS = 20_000;

	/** The most mistakes listed: enough to see what is wrong with a file. */
	static final int MAX_PROBLEMS = 50;

	static final List<String> COLUMNS = List.of("service_id", "period", "kpi", "value");

	private static final CSVFormat READ = CSVFormat.RFC4180.builder()
		.setIgnoreEmptyLines(false)
		.setTrailingData(true)
		.setLenientEof(true)
		.get();

	private final KpiReturns returns;

	private final KpiDefinitions definitions;

	private final MessageSource messages;

	KpiReturnsUpload(KpiReturns returns, KpiDefinitions definitions, MessageSource messages) {
		this.returns = returns;
		this.definitions = definitions;
		this.messages = messages;
	}

	/**
	 * What an upload did: the returns sent and skipped, or why nothing was saved.
	 *
	 * @param refusedKey the message key of a problem with the whole file, or null
	 */
	public record Report(int sent, int unchanged, List<String> problems, String refusedKey) {

		public static Report refused(String key) {
			return new Report(0, 0, List.of(), key);
		}

		public boolean accepted() {
			return this.refusedKey == null && this.problems.isEmpty();
		}

	}

	private record Group(UUID serviceId, String period, int firstRow, Map<String, String> values,
			Map<String, Integer> rows) {
	}

	/** Checks the whole file, then saves every return in it, or none. */
	@Transactional
	public Report upload(ProviderScope scope, SignedInUser by, byte[] content) {
		Optional<String> text = utf8(content);
		if (text.isEmpty()) {
			return Report.refused("kpi.upload.notText");
		}
		List<List<String>> rows = rows(text.get(), MAX_ROWS + 2);
		if (rows.isEmpty()) {
			return Report.refused("kpi.upload.empty");
		}
		List<String> header = rows.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
		int[] at = new int[COLUMNS.size()];
		for (int i = 0; i < COLUMNS.size(); i++) {
			at[i] = header.indexOf(COLUMNS.get(i));
			if (at[i] < 0) {
				return Report.refused("kpi.upload.columns");
			}
		}
		if (rows.size() > MAX_ROWS + 1) {
			return Report.refused("kpi.upload.tooManyRows");
		}
		List<String> problems = new ArrayList<>();
		Map<String, Group> groups = new LinkedHashMap<>();
		for (int r = 1; r < rows.size(); r++) {
			List<String> row = rows.get(r);
			int line = r + 1;
			if (row.stream().allMatch(String::isBlank)) {
				continue;
			}
			String service = cell(row, at[0]);
			String period = cell(row, at[1]);
			String kpi = cell(row, at[2]).toUpperCase(Locale.ROOT);
			String value = cell(row, at[3]);
			Optional<UUID> id = uuid(service);
			if (id.isEmpty()) {
				problems.add(text("kpi.upload.row.service", line));
				continue;
			}
			if (kpi.isEmpty()) {
				problems.add(text("kpi.upload.row.kpi", line));
				continue;
			}
			String key = id.get() + "|" + period.toUpperCase(Locale.ROOT);
			Group group = groups.computeIfAbsent(key,
					k -> new Group(id.get(), period, line, new LinkedHashMap<>(), new LinkedHashMap<>()));
			Integer earlier = group.rows().putIfAbsent(kpi, line);
			if (earlier != null) {
				problems.add(text("kpi.upload.row.twice", line, shown(kpi), earlier));
				continue;
			}
			group.values().put(kpi, value);
		}
		if (groups.isEmpty() && problems.isEmpty()) {
			return Report.refused("kpi.upload.empty");
		}
		for (Group group : groups.values()) {
			KpiReturns.Result checked = this.returns.check(scope, group.serviceId(), group.period(), group.values());
			if (!checked.accepted()) {
				for (KpiReturns.Problem problem : checked.problems()) {
					Integer line = group.rows().getOrDefault(problem.field(), group.firstRow());
					problems.add(text("kpi.upload.row.problem", line, problem.message()));
				}
			}
		}
		if (!problems.isEmpty()) {
			return new Report(0, 0, problems.subList(0, Math.min(MAX_PROBLEMS, problems.size())), null);
		}
		int sent = 0;
		int unchanged = 0;
		for (Group group : groups.values()) {
			KpiReturns.Result result = this.returns.submit(scope, group.serviceId(), group.period(), group.values(),
					KpiReturns.Channel.UPLOAD, by);
			switch (result.outcome()) {
				case CREATED -> sent++;
				case UNCHANGED -> unchanged++;
				default ->
					throw new IllegalStateException("A return checked a moment ago was refused: " + result.problems());
			}
		}
		return new Report(sent, unchanged, List.of(), null);
	}

	/**
	 * Rows to fill in: every figure the services in scope owe for the last year. Names
	 * are neutralised, as the file is opened in a spreadsheet.
	 */
	public String template(ProviderScope scope) {
		StringBuilder csv = new StringBuilder();
		List<Kpi> all = this.definitions.all();
		try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.RFC4180)) {
			printer.printRecord("service_id", "service_name", "period", "kpi", "kpi_name", "value");
			for (KpiReturns.Owed owed : this.returns.owed(scope, 12, 5_000)) {
				for (Kpi kpi : owed.kpis(all)) {
					printer.printRecord(owed.serviceId(), TableExport.neutralised(owed.serviceName()),
							owed.period().label(), kpi.code(), TableExport.neutralised(kpi.name()), "");
				}
			}
		}
		catch (IOException ex) {
			// a StringBuilder does not fail
			throw new UncheckedIOException(ex);
		}
		return csv.toString();
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, Locale.UK);
	}

	private static String shown(String value) {
		return (value.length() > 40) ? value.substring(0, 40) + "…" : value;
	}

	private static String cell(List<String> row, int index) {
		return (index < row.size()) ? row.get(index).strip() : "";
	}

	private static Optional<UUID> uuid(String text) {
		try {
			return (text.length() == 36) ? Optional.of(UUID.fromString(text)) : Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static Optional<String> utf8(byte[] content) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
			if (text.indexOf('\0') >= 0) {
				return Optional.empty();
			}
			return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
		}
		catch (CharacterCodingException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The rows of the file as a spreadsheet reads them, at most the given number: a blank
	 * line is a row (so row numbers match the lines a person sees), text after a closing
	 * quote is kept, and a quote still open at the end runs to the end.
	 */
	static List<List<String>> rows(String text, int maxRows) {
		List<List<String>> rows = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(text, READ.builder().setMaxRows(maxRows).get())) {
			for (CSVRecord record : parser) {
				rows.add(Arrays.asList(record.values()));
			}
		}
		catch (IOException ex) {
			// only a reader can fail, and a string's does not
			throw new UncheckedIOException(ex);
		}
		return rows;
	}

}
