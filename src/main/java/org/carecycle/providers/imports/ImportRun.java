package org.carecycle.providers.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.carecycle.identity.AuditAction;
import org.carecycle.identity.AuditLog;
import org.carecycle.providers.imports.table.HeaderRow;
import org.carecycle.providers.imports.table.TabularFileException;
import org.carecycle.providers.imports.table.TabularReader;
import org.carecycle.shared.Council;
import org.carecycle.shared.UkTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one import: streams the file's rows into a staging table with COPY and merges them
 * into the register, all in one transaction, so that a file that fails halfway changes
 * nothing. Imports take a database-wide lock, so two imports never interleave, even from
 * two instances of CareCycle.
 */
@Component
class ImportRun {

	private static final Logger log = LoggerFactory.getLogger(ImportRun.class);

	private static final int PROGRESS_EVERY = 2000;

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final ImportJobs jobs;

	private final AuditLog auditLog;

	private final Council council;

	private final Clock clock;

	ImportRun(DataSource dataSource, JdbcClient jdbc, PlatformTransactionManager transactions, ImportJobs jobs,
			AuditLog auditLog, Council council, Clock clock) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.jobs = jobs;
		this.auditLog = auditLog;
		this.council = council;
		this.clock = clock;
	}

	/** What a file holds, judged by its columns; null when it is none of the kinds. */
	static ImportKind kindOf(HeaderRow header) {
		if (header.has("Domain", "Key Question") && header.has("Latest Rating", "Rating")) {
			return ImportKind.CQC_RATINGS;
		}
		if (header.has("reportdate", "Report Date") && header.has("overall")) {
			return ImportKind.CQC_RATING_HISTORY;
		}
		if (header.has("Location Name") && header.has("Provider ID")) {
			return ImportKind.CQC_LOCATIONS;
		}
		return null;
	}

	void run(UUID jobId, Path file, boolean areaOnly) {
		run(jobId, file, areaOnly, true);
	}

	void run(UUID jobId, Path file, boolean areaOnly, boolean deleteAfter) {
		Progress progress = new Progress();
		try {
			String sha256 = sha256(file);
			ImportCounts counts = AuditLog.asSystem("CQC import", () -> this.transaction.execute(status -> {
				try {
					return importFile(jobId, file, areaOnly, sha256, progress);
				}
				catch (TabularFileException | SQLException ex) {
					throw new ImportFailed(ex);
				}
			}));
			this.jobs.finished(jobId, ImportStatus.SUCCEEDED, counts, summary(counts));
		}
		catch (ImportFailed ex) {
			boolean explained = ex.getCause() instanceof TabularFileException
					|| ex.getCause() instanceof IllegalArgumentException;
			if (!explained) {
				log.warn("Import {} failed", jobId, ex.getCause());
			}
			String reason = explained ? ex.getCause().getMessage() : "the database refused the file's data";
			this.jobs.finished(jobId, ImportStatus.FAILED, progress.counts(),
					"Nothing was imported, because " + lowerFirst(reason) + ". Correct the file and upload it again.");
		}
		catch (RuntimeException | IOException ex) {
			log.error("Import {} failed", jobId, ex);
			this.jobs.finished(jobId, ImportStatus.FAILED, progress.counts(),
					"Nothing was imported: the import stopped with an error. Try again, and if it happens again "
							+ "contact your CareCycle administrator.");
		}
		finally {
			if (deleteAfter) {
				try {
					Files.deleteIfExists(file);
				}
				catch (IOException ex) {
					log.warn("Could not delete the uploaded file {}", file, ex);
				}
			}
		}
	}

	private ImportCounts importFile(UUID jobId, Path file, boolean areaOnly, String sha256, Progress progress)
			throws TabularFileException, SQLException {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('carecycle-register-import'))")
			.query(Object.class)
			.single();
		this.jdbc.sql(Staging.CREATE).update();
		ImportKind kind;
		try (TabularReader reader = TabularReader.open(file)) {
			HeaderRow header = HeaderRow.find(reader, "Location ID", 50);
			kind = kindOf(header);
			if (kind == null) {
				throw new ImportFailed(new IllegalArgumentException(
						"the file is not a CQC locations, ratings or rating history file"));
			}
			this.jobs.started(jobId, kind, reader.format().name(), sha256);
			Connection connection = DataSourceUtils.getConnection(this.dataSource);
			LocationRows locations = (kind == ImportKind.CQC_LOCATIONS)
					? new LocationRows(header, areaOnly, this.council.area()) : null;
			RatingRows ratings = (kind != ImportKind.CQC_LOCATIONS)
					? new RatingRows(header, kind == ImportKind.CQC_RATING_HISTORY, areaOnly, this.council.area())
					: null;
			try (Staging staging = new Staging(connection)) {
				List<String> row;
				while ((row = reader.nextRow()) != null) {
					long number = reader.rowNumber();
					RowOutcome outcome = (locations != null) ? locations.read(number, row, staging)
							: ratings.read(number, row, staging);
					progress.count(outcome);
					if (outcome.kind() == RowOutcome.Kind.REFUSED) {
						staging.refusal(number, outcome.locationId(), outcome.reason(), ImportValues.line(row));
					}
					if (progress.read % PROGRESS_EVERY == 0) {
						this.jobs.progress(jobId, progress.counts());
					}
				}
			}
		}
		this.jobs.progress(jobId, progress.counts());
		RegisterMerge merge = new RegisterMerge(this.jdbc, this.clock.instant(), UkTime.today(this.clock));
		RegisterMerge.Merged merged = merge
			.merge((kind == ImportKind.CQC_RATING_HISTORY) ? "CQC rating history" : "CQC " + UkTime.today(this.clock));
		merge.keepRefusals(jobId);
		ImportCounts counts = counts(kind, progress, merged);
		this.auditLog.record(AuditAction.IMPORTED, "ProviderRegister", jobId,
				"Imported " + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + summary(counts)
						+ details(merged));
		return counts;
	}

	private static ImportCounts counts(ImportKind kind, Progress progress, RegisterMerge.Merged merged) {
		if (kind == ImportKind.CQC_LOCATIONS) {
			long unchanged = merged.servicesStaged() - merged.servicesAdded() - merged.servicesChanged();
			return new ImportCounts(progress.read, merged.servicesAdded(), merged.servicesChanged(), unchanged,
					progress.skipped, progress.refused);
		}
		long unchanged = merged.ratingsStaged() - merged.ratingsAdded() - merged.ratingsChanged();
		return new ImportCounts(progress.read, merged.ratingsAdded(), merged.ratingsChanged(), unchanged,
				progress.skipped, progress.refused);
	}

	static String summary(ImportCounts counts) {
		return String.format(java.util.Locale.UK,
				"%,d rows read: %,d added, %,d changed, %,d already up to date, %,d not for the register, %,d refused",
				counts.read(), counts.created(), counts.updated(), counts.unchanged(), counts.skipped(),
				counts.rejected());
	}

	private static String details(RegisterMerge.Merged merged) {
		return String.format(java.util.Locale.UK, " (providers: %,d added, %,d renamed; ratings: %,d added)",
				merged.providersAdded(), merged.providersChanged(), merged.ratingsAdded());
	}

	private static String lowerFirst(String sentence) {
		return (sentence == null || sentence.isEmpty()) ? ""
				: Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
	}

	private static String sha256(Path file) throws IOException {
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
			in.transferTo(java.io.OutputStream.nullOutputStream());
			return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Rows counted as they are read. */
	private static final class Progress {

		long read;

		long skipped;

		long refused;

		void count(RowOutcome outcome) {
			this.read++;
			switch (outcome.kind()) {
				case SKIPPED -> this.skipped++;
				case REFUSED -> this.refused++;
				default -> {
				}
			}
		}

		ImportCounts counts() {
			return new ImportCounts(this.read, 0, 0, 0, this.skipped, this.refused);
		}

	}

	/** A failure that must roll the import back. */
	private static final class ImportFailed extends RuntimeException {

		ImportFailed(Exception cause) {
			super(cause);
		}

	}

}
