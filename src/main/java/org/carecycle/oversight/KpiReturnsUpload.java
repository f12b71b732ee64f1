package org.carecycle.oversight;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.carecycle.identity.ProviderScope;
import org.carecycle.identity.SignedInUser;

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
		List<List<String>> rows = Csv.parse(text.get(), MAX_ROWS + 2);
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

	/** Rows to fill in: every figure the services in scope owe for the last year. */
	public String template(ProviderScope scope) {
		StringBuilder csv = new StringBuilder("service_id,service_name,period,kpi,kpi_name,value\r\n");
		List<Kpi> all = this.definitions.all();
		for (KpiReturns.Owed owed : this.returns.owed(scope, 12, 5_000)) {
			for (Kpi kpi : owed.kpis(all)) {
				csv.append(owed.serviceId())
					.append(',')
					.append(Csv.quote(owed.serviceName()))
					.append(',')
					.append(owed.period().label())
					.append(',')
					.append(kpi.code())
					.append(',')
					.append(Csv.quote(kpi.name()))
					.append(",\r\n");
			}
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

	/** Just enough CSV (RFC 4180): quoted fields, doubled quotes, CRLF or LF. */
	static final class Csv {

		private Csv() {
		}

		static List<List<String>> parse(String text, int maxRows) {
			List<List<String>> rows = new ArrayList<>();
			List<String> row = new ArrayList<>();
			StringBuilder field = new StringBuilder();
			boolean quoted = false;
			for (int i = 0; i < text.length() && rows.size() < maxRows; i++) {
				char c = text.charAt(i);
				if (quoted) {
					if (c == '"') {
						if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
							field.append('"');
							i++;
						}
						else {
							quoted = false;
						}
					}
					else {
						field.append(c);
					}
				}
				else if (c == '"' && field.isEmpty()) {
					quoted = true;
				}
				else if (c == ',') {
					row.add(field.toString());
					field.setLength(0);
				}
				else if (c == '\n' || c == '\r') {
					if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
						i++;
					}
					row.add(field.toString());
					field.setLength(0);
					rows.add(row);
					row = new ArrayList<>();
				}
				else {
					field.append(c);
				}
			}
			if (!field.isEmpty() || !row.isEmpty()) {
				row.add(field.toString());
				rows.add(row);
			}
			return rows;
		}

		/** A field for a file people open in a spreadsheet: quoted, never a formula. */
		static String quote(String value) {
			String safe = (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
			return "\"" + safe.replace("\"", "\"\"") + "\"";
		}

	}

}
