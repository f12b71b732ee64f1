package org.carecycle.matching;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.carecycle.identity.CurrentUser;
import org.carecycle.identity.ProviderScope;
import org.carecycle.providers.Register;
import org.carecycle.providers.RegisterMaintenance;
import org.carecycle.providers.RegisterMaintenance.VacancyLine;
import org.carecycle.providers.RegisterViews.ServiceRow;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.web.TableExport;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Providers' reports of many services' vacancies at once, from a CSV upload or the API:
 * every line is checked against the organisation's own services and their capacity before
 * anything is saved, and one refused line means nothing is saved, with every refusal
 * explained. The vacancies themselves belong to the register, which saves them.
 */
@Service
public class VacancyReports {

	/** The most lines in one report (a large group has a few hundred services). */
	public static final int MAX_LINES = 5_000;

	/** The most refusals listed: enough to see what is wrong. */
	static final int MAX_PROBLEMS = 50;

	private static final CSVFormat READ = CSVFormat.RFC4180.builder()
		.setIgnoreEmptyLines(false)
		.setTrailingData(true)
		.setLenientEof(true)
		.get();

	private final Register register;

	private final RegisterMaintenance maintenance;

	private final CurrentUser currentUser;

	private final MessageSource messages;

	VacancyReports(Register register, RegisterMaintenance maintenance, CurrentUser currentUser,
			MessageSource messages) {
		this.register = register;
		this.maintenance = maintenance;
		this.currentUser = currentUser;
		this.messages = messages;
	}

	/** A line as sent: the service's id and the number, both as text. */
	public record Line(int number, String serviceId, String vacancies) {
	}

	/**
	 * What a report did: how many services were updated, or why nothing was saved.
	 *
	 * @param problems each refused line, in words (with its line number)
	 * @param refusedKey a problem with the whole report (a message key), or null
	 */
	public record Outcome(int saved, List<String> problems, String refusedKey) {

		public static Outcome refused(String key) {
			return new Outcome(0, List.of(), key);
		}

		public boolean accepted() {
			return this.refusedKey == null && this.problems.isEmpty();
		}

	}

	/** Checks every line, then saves them all, or none. */
	@Transactional
	public Outcome report(List<Line> lines) {
		if (lines.isEmpty()) {
			return Outcome.refused("matching.upload.empty");
		}
		if (lines.size() > MAX_LINES) {
			return Outcome.refused("matching.upload.tooMany");
		}
		Map<UUID, ServiceRow> own = ownServices();
		List<String> problems = new ArrayList<>();
		Map<UUID, Integer> seen = new HashMap<>();
		List<VacancyLine> accepted = new ArrayList<>();
		for (Line line : lines) {
			Optional<UUID> id = uuid(line.serviceId());
			ServiceRow service = id.map(own::get).orElse(null);
			if (service == null) {
				problems.add(text("matching.upload.row.service", line.number()));
				continue;
			}
			Integer earlier = seen.putIfAbsent(service.id(), line.number());
			if (earlier != null) {
				problems.add(text("matching.upload.row.twice", line.number(), earlier));
				continue;
			}
			String count = (line.vacancies() != null) ? line.vacancies().strip() : "";
			if (count.isEmpty()) {
				problems.add(text("matching.upload.row.blank", line.number()));
				continue;
			}
			if (!count.matches("[0-9]{1,6}")) {
				problems.add(text("matching.upload.row.number", line.number()));
				continue;
			}
			int vacancies = Integer.parseInt(count);
			if (service.capacity() != null && vacancies > service.capacity()) {
				problems.add(text("matching.upload.row.capacity", line.number(), service.capacity()));
				continue;
			}
			accepted.add(new VacancyLine(service.id(), vacancies));
		}
		if (!problems.isEmpty()) {
			return new Outcome(0, problems.subList(0, Math.min(MAX_PROBLEMS, problems.size())), null);
		}
		this.maintenance.reportVacancies(accepted);
		return new Outcome(accepted.size(), List.of(), null);
	}

	/** Reads an uploaded CSV file (columns service_id and vacancies), then reports it. */
	@Transactional
	public Outcome upload(byte[] content) {
		Optional<String> text = utf8(content);
		if (text.isEmpty()) {
			return Outcome.refused("matching.upload.notText");
		}
		List<CSVRecord> records;
		try {
			records = READ.parse(new StringReader(text.get())).getRecords();
		}
		catch (IOException | UncheckedIOException | IllegalStateException ex) {
			return Outcome.refused("matching.upload.notCsv");
		}
		if (records.isEmpty()) {
			return Outcome.refused("matching.upload.empty");
		}
		List<String> header = records.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
		int idColumn = header.indexOf("service_id");
		int countColumn = header.indexOf("vacancies");
		if (idColumn < 0 || countColumn < 0) {
			return Outcome.refused("matching.upload.columns");
		}
		if (records.size() > MAX_LINES + 1) {
			return Outcome.refused("matching.upload.tooMany");
		}
		List<Line> lines = new ArrayList<>();
		for (int r = 1; r < records.size(); r++) {
			CSVRecord record = records.get(r);
			if (record.stream().allMatch(String::isBlank)) {
				continue;
			}
			lines.add(new Line(r + 1, cell(record, idColumn), cell(record, countColumn)));
		}
		return report(lines);
	}

	/**
	 * A CSV file of the organisation's services, with their vacancies now, to fill in.
	 */
	public String template() {
		StringBuilder csv = new StringBuilder();
		try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.RFC4180)) {
			printer.printRecord("service_id", "service_name", "capacity", "vacancies");
			for (ServiceRow service : ownServices().values()) {
				printer.printRecord(service.id(), TableExport.neutralised(service.name()),
						(service.capacity() != null) ? service.capacity() : "",
						(service.vacancies() != null) ? service.vacancies() : "");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return csv.toString();
	}

	/** The signed-in provider user's active services, by id. */
	public Map<UUID, ServiceRow> ownServices() {
		ProviderScope scope = this.currentUser.scope();
		UUID provider = scope.provider().orElseThrow(() -> new RecordNotFoundException("Not a provider user")).value();
		Map<UUID, ServiceRow> own = new LinkedHashMap<>();
		for (ServiceRow service : this.register.servicesOf(provider, scope)) {
			if (service.status() == org.carecycle.providers.ServiceStatus.ACTIVE) {
				own.put(service.id(), service);
			}
		}
		return own;
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, Locale.UK);
	}

	private static String cell(CSVRecord record, int index) {
		return (index < record.size()) ? record.get(index).strip() : "";
	}

	private static Optional<UUID> uuid(String text) {
		if (text == null || text.strip().length() != 36) {
			return Optional.empty();
		}
		try {
			return Optional.of(UUID.fromString(text.strip()));
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
			return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
		}
		catch (CharacterCodingException ex) {
			return Optional.empty();
		}
	}

}
