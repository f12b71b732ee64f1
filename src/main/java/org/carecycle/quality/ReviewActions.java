package org.carecycle.quality;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.carecycle.identity.AuditLog;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.shared.UkTime;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The actions of a provider's action plan: added and removed while the plan is open,
 * marked done once it has been sent. Like evidence they are rows beside the review, not
 * part of the aggregate, so they are kept apart from the review's steps; the aggregate
 * still decides when the plan is open ({@link Review#isActionPlanOpen()}), and
 * {@link Reviews} checks the scope and calls in within its transaction.
 */
class ReviewActions {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	ReviewActions(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	List<Reviews.Action> of(UUID reviewId) {
		return this.jdbc.sql("""
				select a.id, a.standard_key, a.position, a.description, a.owner, a.due_on, a.completed_on,
				       a.completion_note, a.evidence_document_id, d.file_name as evidence_name
				from qa_action a left join documents_document d on d.id = a.evidence_document_id
				where a.review_id = :id order by a.standard_key, a.position""")
			.param("id", reviewId)
			.query(Reviews.Action.class)
			.list();
	}

	void add(Review review, String standardKey, String description, String owner, LocalDate dueOn) {
		UUID id = review.id();
		if (!review.isActionPlanOpen()) {
			throw new IllegalStateException(review.status() == ReviewStatus.ACTION_PLAN_SUBMITTED
					? "The action plan has been sent and is waiting for the officer's decision"
					: "This review's action plan cannot be changed now");
		}
		if (review.findingsNeedingAction().stream().noneMatch(f -> f.standardKey().equals(standardKey))) {
			throw new IllegalArgumentException("Actions are needed only for standards rated below Good");
		}
		if (dueOn.isBefore(UkTime.today(this.clock))) {
			throw new IllegalArgumentException("The date an action is due must be today or in the future");
		}
		Integer position = this.jdbc
			.sql("select coalesce(max(position), 0) + 1 from qa_action where review_id = :id and standard_key = :key")
			.param("id", id)
			.param("key", standardKey)
			.query(Integer.class)
			.single();
		UUID actionId = UUID.randomUUID();
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc
			.sql("""
					insert into qa_action (id, review_id, standard_key, position, description, owner, due_on, created_at, updated_at)
					values (:id, :review, :key, :position, :description, :owner, :due, :now, :now)""")
			.param("id", actionId)
			.param("review", id)
			.param("key", standardKey)
			.param("position", position)
			.param("description", description)
			.param("owner", owner)
			.param("due", dueOn)
			.param("now", now)
			.update();
		this.audit.created("QaAction", actionId,
				Map.of("review", id, "standard", standardKey, "owner", owner, "dueOn", dueOn));
	}

	void remove(Review review, UUID actionId) {
		UUID id = review.id();
		if (!review.isActionPlanOpen()) {
			throw new IllegalStateException("This review's action plan cannot be changed now");
		}
		int removed = this.jdbc.sql("delete from qa_action where id = :action and review_id = :review")
			.param("action", actionId)
			.param("review", id)
			.update();
		if (removed == 0) {
			throw new RecordNotFoundException("No such action");
		}
		this.audit.deleted("QaAction", actionId, Map.of("review", id));
	}

	/** The provider marks an action done, with a note and optionally a document. */
	void complete(Review review, UUID actionId, LocalDate completedOn, String note, UUID documentId) {
		UUID id = review.id();
		if (review.status() != ReviewStatus.ACTION_PLAN_SUBMITTED && review.status() != ReviewStatus.FOLLOW_UP) {
			throw new IllegalStateException("Actions can be marked done once the action plan has been sent");
		}
		if (completedOn.isAfter(UkTime.today(this.clock))) {
			throw new IllegalArgumentException("The date the action was completed must be today or in the past");
		}
		int changed = this.jdbc.sql("""
				update qa_action set completed_on = :on, completion_note = :note,
				       evidence_document_id = coalesce(:document, evidence_document_id), updated_at = :now
				where id = :action and review_id = :review""")
			.param("on", completedOn)
			.param("note", note)
			.param("document", documentId)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("action", actionId)
			.param("review", id)
			.update();
		if (changed == 0) {
			throw new RecordNotFoundException("No such action");
		}
		this.audit.changed("QaAction", actionId, Map.of(), Map.of("completedOn", completedOn));
	}

}
