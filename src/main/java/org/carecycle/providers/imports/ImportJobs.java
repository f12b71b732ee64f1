package org.carecycle.providers.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The import_job table. Progress is written in transactions of its own, so it can be read
 * while the import's own transaction is still open, and survives that transaction
 * failing.
 */
@Component
class ImportJobs {

	private final JdbcClient jdbc;

	private final TransactionTemplate separately;

	private final Clock clock;

	ImportJobs(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	void queue(UUID id, String fileName, boolean areaOnly, UUID requestedBy, String requestedByName) {
		this.separately.executeWithoutResult(status -> this.jdbc.sql("""
				insert into import_job (id, kind, file_name, area_only, status, requested_by, requested_by_name,
				                        requested_at)
				values (:id, 'UNKNOWN', :file, :areaOnly, 'QUEUED', :by, :byName, :at)""")
			.param("id", id)
			.param("file", fileName)
			.param("areaOnly", areaOnly)
			.param("by", requestedBy)
			.param("byName", requestedByName)
			.param("at", now())
			.update());
	}

	void started(UUID id, ImportKind kind, String format, String sha256) {
		this.separately.executeWithoutResult(status -> this.jdbc.sql("""
				update import_job set status = 'RUNNING', kind = :kind, file_format = :format, file_sha256 = :sha,
				                      started_at = :at
				where id = :id""")
			.param("id", id)
			.param("kind", kind.name())
			.param("format", format)
			.param("sha", sha256)
			.param("at", now())
			.update());
	}

	void progress(UUID id, ImportCounts counts) {
		this.separately.executeWithoutResult(status -> this.jdbc
			.sql("update import_job set rows_read = :read, skipped = :skipped, rejected = :rejected where id = :id")
			.param("id", id)
			.param("read", counts.read())
			.param("skipped", counts.skipped())
			.param("rejected", counts.rejected())
			.update());
	}

	void finished(UUID id, ImportStatus result, ImportCounts counts, String message) {
		this.separately.executeWithoutResult(status -> this.jdbc.sql("""
				update import_job set status = :status, rows_read = :read, created = :created, updated = :updated,
				                      unchanged = :unchanged, skipped = :skipped, rejected = :rejected,
				                      message = :message, finished_at = :at
				where id = :id""")
			.param("id", id)
			.param("status", result.name())
			.param("read", counts.read())
			.param("created", counts.created())
			.param("updated", counts.updated())
			.param("unchanged", counts.unchanged())
			.param("skipped", counts.skipped())
			.param("rejected", counts.rejected())
			.param("message", (message != null && message.length() > 1000) ? message.substring(0, 1000) : message)
			.param("at", now())
			.update());
	}

	/**
	 * Jobs left unfinished by a stop: their transactions were rolled back, so nothing
	 * changed.
	 */
	int abandon(String message) {
		return this.separately.execute(status -> this.jdbc
			.sql("update import_job set status = 'FAILED', message = :message, finished_at = :at "
					+ "where status in ('QUEUED', 'RUNNING')")
			.param("message", message)
			.param("at", now())
			.update());
	}

	Optional<ImportJob> find(UUID id) {
		return this.jdbc.sql("select * from import_job where id = :id")
			.param("id", id)
			.query(ImportJobs::job)
			.optional();
	}

	List<ImportJob> recent(int count) {
		return this.jdbc.sql("select * from import_job order by requested_at desc limit :count")
			.param("count", count)
			.query(ImportJobs::job)
			.list();
	}

	void eachRejection(UUID jobId, Consumer<Rejection> consumer) {
		this.jdbc.sql("select * from import_rejection where job_id = :id order by row_number")
			.param("id", jobId)
			.withFetchSize(1000)
			.query((RowCallbackHandler) rs -> consumer.accept(new Rejection(rs.getLong("row_number"),
					rs.getString("location_id"), rs.getString("reason"), rs.getString("row_text"))));
	}

	List<RowNote> rowNotes(UUID jobId, int limit) {
		return this.jdbc.sql("select * from import_row_note where job_id = :id order by row_number limit :limit")
			.param("id", jobId)
			.param("limit", limit)
			.query((rs, row) -> new RowNote(rs.getLong("row_number"), rs.getString("location_id"), rs.getString("name"),
					rs.getString("note")))
			.list();
	}

	/**
	 * A refused row.
	 *
	 * @param rowNumber its row in the file
	 * @param locationId its location id, if it had one
	 * @param reason why it was refused
	 * @param rowText the row as read
	 */
	record Rejection(long rowNumber, String locationId, String reason, String rowText) {
	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

	private static ImportJob job(ResultSet rs, int row) throws SQLException {
		String kind = rs.getString("kind");
		return new ImportJob(rs.getObject("id", UUID.class), "UNKNOWN".equals(kind) ? null : ImportKind.valueOf(kind),
				rs.getString("file_name"), rs.getString("file_format"), rs.getBoolean("area_only"),
				ImportStatus.valueOf(rs.getString("status")), rs.getLong("rows_read"), rs.getLong("created"),
				rs.getLong("updated"), rs.getLong("unchanged"), rs.getLong("skipped"), rs.getLong("rejected"),
				rs.getString("message"), rs.getString("requested_by_name"), instant(rs.getTimestamp("requested_at")),
				instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")));
	}

	private static java.time.Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
