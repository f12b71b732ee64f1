package org.carecycle.providers.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.carecycle.identity.AuditAction;
import org.carecycle.identity.AuditLog;
import org.carecycle.providers.imports.table.TabularFileException;
import org.carecycle.providers.imports.table.TabularReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a file that is not CQC's own through the columns its person mapped. Every row
 * is checked first: if any cannot be used, nothing is imported and the report lists each
 * row and what is wrong with it. Otherwise every location is added or updated in one
 * transaction, its provider matched or created, and the report says which for each row.
 */
@Component
class MappedImportRun {

	/** The most rows a mapped file may have (council extracts have hundreds). */
	static final int MAX_ROWS = 20_000;

	private static final Logger log = LoggerFactory.getLogger(MappedImportRun.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final ImportJobs jobs;

	private final AuditLog auditLog;

	private final Clock clock;

	MappedImportRun(JdbcClient jdbc, PlatformTransactionManager transactions, ImportJobs jobs, AuditLog auditLog,
			Clock clock) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.jobs = jobs;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	private record Note(long rowNumber, String locationId, String name, String note) {
	}

	void run(UUID jobId, Path file, long headerRow, Map<MappedField, Integer> columns, String fileName) {
		long read = 0;
		try {
			List<MappedRows.MappedRow> rows = new ArrayList<>();
			List<Note> problems = new ArrayList<>();
			MappedRows reader = new MappedRows(columns);
			try (TabularReader table = TabularReader.open(file)) {
				this.jobs.started(jobId, ImportKind.MAPPED_LOCATIONS, table.format().name(), null);
				List<String> cells;
				while ((cells = table.nextRow()) != null) {
					if (table.rowNumber() <= headerRow) {
						continue;
					}
					if (++read > MAX_ROWS) {
						throw new IllegalArgumentException("The file has more than "
								+ String.format(Locale.UK, "%,d", MAX_ROWS) + " rows: split it into smaller files");
					}
					MappedRows.Read row = reader.read(table.rowNumber(), cells);
					if (row.problem() != null) {
						problems.add(new Note(table.rowNumber(), row.locationId(), row.name(), row.problem()));
					}
					else {
						rows.add(row.row());
					}
				}
			}
			if (read == 0) {
				throw new IllegalArgumentException("The file has no rows below its header");
			}
			if (!problems.isEmpty()) {
				long refused = problems.size();
				this.transaction.executeWithoutResult(status -> keep(jobId, problems, true));
				this.jobs.finished(jobId, ImportStatus.FAILED, new ImportCounts(read, 0, 0, 0, 0, refused),
						"Nothing was imported, because "
								+ ((refused == 1) ? "1 row has a problem"
										: String.format(Locale.UK, "%,d rows have problems", refused))
								+ ". Correct the file and upload it again.");
				return;
			}
			long rowCount = read;
			ImportCounts counts = AuditLog.asSystem("CQC import",
					() -> this.transaction.execute(status -> importRows(jobId, rows, rowCount, fileName)));
			this.jobs.finished(jobId, ImportStatus.SUCCEEDED, counts, ImportRun.summary(counts));
		}
		catch (TabularFileException | IllegalArgumentException ex) {
			this.jobs.finished(jobId, ImportStatus.FAILED, new ImportCounts(read, 0, 0, 0, 0, 0),
					"Nothing was imported, because " + lowerFirst(ex.getMessage())
							+ ". Correct the file and upload it again.");
		}
		catch (RuntimeException ex) {
			log.error("Mapped import {} failed", jobId, ex);
			this.jobs.finished(jobId, ImportStatus.FAILED, new ImportCounts(read, 0, 0, 0, 0, 0),
					"Nothing was imported: the import stopped with an error. Try again, and if it happens again "
							+ "contact your CareCycle administrator.");
		}
		finally {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				log.warn("Could not delete the uploaded file {}", file, ex);
			}
		}
	}

	private ImportCounts importRows(UUID jobId, List<MappedRows.MappedRow> rows, long read, String fileName) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('carecycle-register-import'))")
			.query(Object.class)
			.single();
		Timestamp now = Timestamp.from(this.clock.instant());
		Date today = Date.valueOf(org.carecycle.shared.UkTime.today(this.clock));
		Map<String, UUID> currentProviders = new HashMap<>();
		this.jdbc.sql("select cqc_location_id, provider_id from care_service where cqc_location_id = any(:ids)")
			.param("ids", rows.stream().map(MappedRows.MappedRow::locationId).toArray(String[]::new))
			.query((RowCallbackHandler) rs -> currentProviders.put(rs.getString(1), rs.getObject(2, UUID.class)));
		ProviderMatcher providers = new ProviderMatcher(this.jdbc, now);
		String source = ImportValues.text("File " + fileName, 40);
		List<Note> notes = new ArrayList<>();
		long added = 0;
		long changed = 0;
		long providersAdded = 0;
		for (MappedRows.MappedRow row : rows) {
			ProviderMatcher.Match provider = providers.match(row, currentProviders.get(row.locationId()));
			providersAdded += provider.created() ? 1 : 0;
			String service;
			if (currentProviders.containsKey(row.locationId())) {
				boolean updated = update(row, provider.id(), now) > 0;
				changed += updated ? 1 : 0;
				service = updated ? "Changed " : "Already up to date: ";
			}
			else {
				insert(row, provider.id(), now, today);
				added++;
				service = "Added ";
			}
			if (row.rating() != null) {
				this.jdbc.sql("""
						insert into cqc_rating (cqc_location_id, key_question, rating, published_on, source)
						values (:location, 'OVERALL', :rating, :on, :source)
						on conflict (cqc_location_id, key_question, published_on) do nothing""")
					.param("location", row.locationId())
					.param("rating", row.rating().name())
					.param("on", Date.valueOf(row.ratedOn()))
					.param("source", source)
					.update();
			}
			notes.add(new Note(row.rowNumber(), row.locationId(), row.name(),
					service + row.name() + ". " + provider.note() + "."));
		}
		keep(jobId, notes, false);
		ImportCounts counts = new ImportCounts(read, added, changed, rows.size() - added - changed, 0, 0);
		this.auditLog.record(AuditAction.IMPORTED, "ProviderRegister", jobId, "Imported a mapped locations file: "
				+ ImportRun.summary(counts) + String.format(Locale.UK, " (providers: %,d added)", providersAdded));
		return counts;
	}

	private void insert(MappedRows.MappedRow row, UUID provider, Timestamp now, Date today) {
		this.jdbc.sql("""
				insert into care_service (id, version, provider_id, cqc_location_id, name, service_type, client_groups,
				                          address_line1, town, postcode, postcode_district, locality_id, latitude,
				                          longitude, beds, registered_manager, status, created_at, updated_at)
				select gen_random_uuid(), 0, :provider, :location, :name, :type, '{}', :address, :town, :postcode,
				       d.outcode, d.locality_id, d.latitude, d.longitude, :beds, :manager, 'ACTIVE', :now, :now
				from (select cast(:district as varchar) as outcode) x
				left join geography_postcode_district d on d.outcode = x.outcode""")
			.params(columns(row, provider, now))
			.update();
	}

	private int update(MappedRows.MappedRow row, UUID provider, Timestamp now) {
		return this.jdbc.sql("""
				update care_service s
				set provider_id = :provider, name = :name, service_type = :type,
				    address_line1 = coalesce(:address, s.address_line1), town = coalesce(:town, s.town),
				    latitude = case when s.postcode is distinct from :postcode then d.latitude else s.latitude end,
				    longitude = case when s.postcode is distinct from :postcode then d.longitude else s.longitude end,
				    postcode = :postcode, postcode_district = d.outcode, locality_id = d.locality_id,
				    beds = coalesce(:beds, s.beds), registered_manager = coalesce(:manager, s.registered_manager),
				    version = s.version + 1, updated_at = :now
				from (select cast(:district as varchar) as outcode) x
				left join geography_postcode_district d on d.outcode = x.outcode
				where s.cqc_location_id = :location
				  and (s.provider_id, s.name, s.service_type, s.address_line1, s.town, s.postcode, s.beds,
				       s.registered_manager)
				      is distinct from
				      (:provider, :name, :type, coalesce(:address, s.address_line1), coalesce(:town, s.town),
				       :postcode, coalesce(:beds, s.beds), coalesce(:manager, s.registered_manager))""")
			.params(columns(row, provider, now))
			.update();
	}

	/**
	 * The values a row gives the register's columns, for adding or changing a service.
	 */
	private static java.util.Map<String, Object> columns(MappedRows.MappedRow row, UUID provider, Timestamp now) {
		java.util.Map<String, Object> columns = new java.util.HashMap<>();
		columns.put("provider", provider);
		columns.put("location", row.locationId());
		columns.put("name", row.name());
		columns.put("type", row.type().name());
		columns.put("address", row.address());
		columns.put("town", row.town());
		columns.put("postcode", row.postcode().value());
		columns.put("district", row.postcode().district());
		columns.put("beds", row.beds());
		columns.put("manager", row.manager());
		columns.put("now", now);
		return columns;
	}

	private void keep(UUID jobId, List<Note> notes, boolean refused) {
		for (Note note : notes) {
			this.jdbc.sql("""
					insert into import_row_note (job_id, row_number, location_id, name, note)
					values (:job, :row, left(:location, 40), left(:name, 200), left(:note, 500))""")
				.param("job", jobId)
				.param("row", note.rowNumber())
				.param("location", note.locationId())
				.param("name", note.name())
				.param("note", note.note())
				.update();
			if (refused) {
				this.jdbc.sql("""
						insert into import_rejection (job_id, row_number, location_id, reason)
						values (:job, :row, left(:location, 40), left(:note, 500))""")
					.param("job", jobId)
					.param("row", note.rowNumber())
					.param("location", note.locationId())
					.param("note", note.note())
					.update();
			}
		}
	}

	private static String lowerFirst(String sentence) {
		return (sentence == null || sentence.isEmpty()) ? ""
				: Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
	}

}
