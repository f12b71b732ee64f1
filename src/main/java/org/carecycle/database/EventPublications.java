package org.carecycle.database;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.carecycle.web.Paged;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.stereotype.Component;

/**
 * The work that one module's change asked of another and that has not finished: the
 * incomplete entries of Spring Modulith's event publication registry (the
 * {@code event_publication} table, which this module owns), for administrators to see,
 * and the failed ones tried again.
 */
@Component
class EventPublications {

	private final JdbcClient jdbc;

	private final FailedEventPublications failed;

	EventPublications(JdbcClient jdbc, FailedEventPublications failed) {
		this.jdbc = jdbc;
		this.failed = failed;
	}

	/** One piece of unfinished work, as administrators see it. */
	record Unfinished(UUID id, String listener, String event, Instant publishedAt, String status, int attempts,
			Instant lastTriedAt) {

		/** The class and method that does the work, without its package. */
		public String task() {
			int arguments = this.listener.indexOf('(');
			String method = (arguments < 0) ? this.listener : this.listener.substring(0, arguments);
			String[] parts = method.split("\\.");
			return (parts.length >= 2) ? parts[parts.length - 2] + "." + parts[parts.length - 1] : method;
		}

		/** What happened, without its package or enclosing class. */
		public String what() {
			String simple = this.event.substring(this.event.lastIndexOf('.') + 1);
			return simple.substring(simple.lastIndexOf('$') + 1);
		}

		public boolean isFailed() {
			return "FAILED".equals(this.status);
		}

	}

	/** How much work is unfinished, and how much of it failed. */
	record Counts(long unfinished, long failed) {
	}

	Paged<Unfinished> unfinished(int page, int pageSize) {
		List<Unfinished> items = this.jdbc.sql("""
				select id, listener_id, event_type, publication_date, status, completion_attempts,
				       last_resubmission_date
				from event_publication where completion_date is null
				order by publication_date, id
				limit :limit offset :offset""")
			.param("limit", pageSize)
			.param("offset", Paged.offset(page, pageSize))
			.query((rs, n) -> new Unfinished(rs.getObject("id", UUID.class), rs.getString("listener_id"),
					rs.getString("event_type"), instant(rs.getTimestamp("publication_date")), rs.getString("status"),
					rs.getInt("completion_attempts"), instant(rs.getTimestamp("last_resubmission_date"))))
			.list();
		return Paged.counted(items, page, pageSize, counts().unfinished());
	}

	Counts counts() {
		return this.jdbc.sql("""
				select count(*), count(*) filter (where status = 'FAILED')
				from event_publication where completion_date is null""")
			.query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2)))
			.single();
	}

	/**
	 * Hands the work that failed at least {@code olderThan} ago back to its listeners.
	 * @return how many failed before the retry
	 */
	long retryFailed(Duration olderThan) {
		long before = counts().failed();
		if (before > 0) {
			this.failed.resubmit(ResubmissionOptions.defaults().withMinAge(olderThan));
		}
		return before;
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
