package org.carecycle.quality;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.carecycle.identity.AuditAction;
import org.carecycle.identity.AuditLog;
import org.carecycle.identity.CurrentUser;
import org.carecycle.identity.SignedInUser;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A review's timeline: each step {@link Reviews} takes writes who took it and when, with
 * the audit log's line when the status changes, and the review's page reads it back. The
 * timeline is rows beside the review (qa_review_event), written in the step's
 * transaction, so it is kept apart from the steps themselves.
 */
class ReviewTimeline {

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final AuditLog audit;

	private final MessageSource messages;

	private final Clock clock;

	ReviewTimeline(JdbcClient jdbc, CurrentUser currentUser, AuditLog audit, MessageSource messages, Clock clock) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	List<Reviews.TimelineEntry> entries(UUID reviewId) {
		return this.jdbc.sql("""
				select happened_at, actor_name, from_status, to_status, note from qa_review_event
				where review_id = :id order by happened_at, id""")
			.param("id", reviewId)
			.query(Reviews.TimelineEntry.class)
			.list();
	}

	void record(UUID reviewId, ReviewStatus from, ReviewStatus to, String note) {
		SignedInUser user = this.currentUser.get().orElse(null);
		this.jdbc.sql("""
				insert into qa_review_event (review_id, happened_at, actor_id, actor_name, from_status, to_status, note)
				values (:review, :at, :actor, :name, :from, :to, :note)""")
			.param("review", reviewId)
			.param("at", Timestamp.from(this.clock.instant()))
			.param("actor", (user != null) ? user.id() : null)
			.param("name",
					(user != null) ? user.displayName()
							: this.messages.getMessage("review.actor.system", null, "review.actor.system", Locale.UK))
			.param("from", (from != null) ? from.name() : null)
			.param("to", to.name())
			.param("note", note)
			.update();
		if (from != to) {
			this.audit.record(AuditAction.CHANGED, "Review", reviewId,
					"Review " + ((from != null) ? from.name() + " -> " : "") + to.name());
		}
	}

}
