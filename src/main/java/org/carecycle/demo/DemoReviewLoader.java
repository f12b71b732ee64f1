package org.carecycle.demo;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.carecycle.demo.DemoReviewRows.ActionRow;
import org.carecycle.demo.DemoReviewRows.EventRow;
import org.carecycle.demo.DemoReviewRows.EvidenceRow;
import org.carecycle.demo.DemoReviewRows.FindingRow;
import org.carecycle.demo.DemoReviewRows.ReviewRow;
import org.postgresql.PGConnection;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the demo's review history with PostgreSQL's COPY, a batch of services at a time,
 * in the county loader's transaction. References are numbered from the same sequence as
 * reviews planned in the application, so the next one planned follows on.
 * <p>
 * The quality module has no loader of its own yet (the concerns module's
 * {@code ConcernLoader} is the pattern); until it does, the demo writes the module's
 * tables directly, column for column as its aggregate stores them.
 */
@Component
class DemoReviewLoader {

	private final JdbcTemplate jdbc;

	DemoReviewLoader(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Counts of what was written, for the log. */
	record Loaded(long reviews, long findings, long events, long actions, long evidence) {

		Loaded plus(Loaded other) {
			return new Loaded(this.reviews + other.reviews, this.findings + other.findings, this.events + other.events,
					this.actions + other.actions, this.evidence + other.evidence);
		}

	}

	@Transactional(propagation = Propagation.MANDATORY)
	Loaded load(DemoReviewRows.Batch batch) {
		if (batch.reviews.isEmpty()) {
			return new Loaded(0, 0, 0, 0, 0);
		}
		List<Long> numbers = this.jdbc.queryForList("select nextval('qa_review_number') from generate_series(1, ?)",
				Long.class, batch.reviews.size());
		batch.number(numbers);
		Csv reviews = new Csv(batch.reviews.size() * 900);
		for (ReviewRow r : batch.reviews) {
			reviews.row(r.id, r.version, r.reference, r.careServiceId, r.providerId, r.frameworkVersionId, r.kind,
					r.status, r.plannedFor, r.officerId, r.followsReviewId, r.visitStartedOn, r.visitEndedOn,
					r.announced, r.peopleSpokenTo, r.documentsRequested, r.summary, r.overallRating, r.overallPercent,
					r.sentToProviderAt, r.commentsDueOn, r.providerRespondedAt, r.providerChallenged,
					r.disputeDecidedBy, r.disputeDecidedAt, r.disputeSummary, r.publishedAt, r.publishedOn,
					r.previousRating, r.actionPlanDueOn, r.actionPlanSubmittedAt, r.actionPlanApprovedAt,
					r.actionPlanReturned, r.followUpDueOn, r.followUpReviewId, r.closedAt, r.cancelledReason,
					r.createdAt, r.updatedAt);
		}
		copy("""
				qa_review (id, version, reference, care_service_id, provider_id, framework_version_id, kind, status,
				planned_for, officer_id, follows_review_id, visit_started_on, visit_ended_on, announced, people_spoken_to,
				documents_requested, summary, overall_rating, overall_percent, sent_to_provider_at, comments_due_on,
				provider_responded_at, provider_challenged, dispute_decided_by, dispute_decided_at, dispute_summary,
				published_at, published_on, previous_rating, action_plan_due_on, action_plan_submitted_at,
				action_plan_approved_at, action_plan_returned, follow_up_due_on, follow_up_review_id, closed_at,
				cancelled_reason, created_at, updated_at)""",
				reviews);
		Csv findings = new Csv(batch.findings.size() * 220);
		for (FindingRow f : batch.findings) {
			findings.row(f.reviewId(), f.standardKey(), f.rating(), f.findings(), f.providerComment(),
					f.providerCommentedAt(), f.disputeOutcome(), f.disputeResponse(), f.ratingBeforeDispute());
		}
		copy("""
				qa_finding (review_id, standard_key, rating, findings, provider_comment, provider_commented_at,
				dispute_outcome, dispute_response, rating_before_dispute)""", findings);
		Csv events = new Csv(batch.events.size() * 160);
		for (EventRow e : batch.events) {
			events.row(e.reviewId(), e.happenedAt(), e.actorId(), e.actorName(), e.fromStatus(), e.toStatus(),
					e.noteText());
		}
		copy("qa_review_event (review_id, happened_at, actor_id, actor_name, from_status, to_status, note)", events);
		Csv actions = new Csv(batch.actions.size() * 250 + 16);
		for (ActionRow a : batch.actions) {
			actions.row(a.id(), a.reviewId(), a.standardKey(), a.position(), a.description(), a.owner(), a.dueOn(),
					a.completedOn(), a.completionNote(), a.createdAt(), a.updatedAt());
		}
		copy("""
				qa_action (id, review_id, standard_key, position, description, owner, due_on, completed_on,
				completion_note, created_at, updated_at)""", actions);
		Csv evidence = new Csv(batch.evidence.size() * 200 + 16);
		for (EvidenceRow e : batch.evidence) {
			evidence.row(e.id(), e.reviewId(), e.standardKey(), e.kind(), e.text(), e.recordedBy(), e.recordedAt());
		}
		copy("qa_evidence (id, review_id, standard_key, kind, text, recorded_by, recorded_at)", evidence);
		return new Loaded(batch.reviews.size(), batch.findings.size(), batch.events.size(), batch.actions.size(),
				batch.evidence.size());
	}

	/** How many reviews a month each officer takes on, for the annual programme. */
	@Transactional(propagation = Propagation.MANDATORY)
	void capacities(Map<UUID, Integer> perMonth) {
		perMonth.forEach((officer, n) -> this.jdbc.update("""
				insert into qa_officer_capacity (user_id, reviews_per_month) values (?, ?)
				on conflict (user_id) do update set reviews_per_month = excluded.reviews_per_month""", officer, n));
	}

	/** Fresh statistics, so that the first pages read the new rows with good plans. */
	@Transactional(propagation = Propagation.MANDATORY)
	void analyze() {
		this.jdbc.execute("analyze qa_review, qa_finding, qa_review_event, qa_action, qa_evidence");
	}

	private void copy(String target, Csv csv) {
		if (csv.rows == 0) {
			return;
		}
		String text = csv.text.toString();
		this.jdbc.execute((ConnectionCallback<Long>) connection -> {
			try {
				return connection.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn("copy " + target.replaceAll("\\s+", " ") + " from stdin with (format csv)",
							new StringReader(text));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	/** CSV for COPY: empty for null, every other value quoted. */
	private static final class Csv {

		final StringBuilder text;

		int rows;

		Csv(int capacity) {
			this.text = new StringBuilder(Math.max(capacity, 16));
		}

		void row(Object... values) {
			for (int i = 0; i < values.length; i++) {
				if (i > 0) {
					this.text.append(',');
				}
				field(values[i]);
			}
			this.text.append('\n');
			this.rows++;
		}

		private void field(Object value) {
			if (value == null) {
				return;
			}
			if (value instanceof Boolean bool) {
				this.text.append(bool ? 't' : 'f');
				return;
			}
			if (value instanceof UUID || value instanceof Number || value instanceof LocalDate
					|| value instanceof Instant || value instanceof Enum<?> || value instanceof BigDecimal) {
				this.text.append(value instanceof Enum<?> e ? e.name() : value.toString());
				return;
			}
			String s = value.toString();
			this.text.append('"');
			for (int i = 0; i < s.length(); i++) {
				char c = s.charAt(i);
				if (c == '"') {
					this.text.append('"');
				}
				this.text.append(c);
			}
			this.text.append('"');
		}

	}

}
