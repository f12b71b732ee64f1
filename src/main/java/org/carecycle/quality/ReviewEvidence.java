package org.carecycle.quality;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.carecycle.identity.AuditLog;
import org.carecycle.identity.CurrentUser;
import org.carecycle.identity.SignedInUser;
import org.carecycle.shared.RecordNotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A review's evidence, the notes, observations and documents an officer gathers for each
 * standard. Evidence is rows beside the review, not part of the aggregate (a review's
 * version does not change when a note is added), so it is kept apart from the review's
 * steps; {@link Reviews} checks who may add it and calls in within its transaction.
 */
class ReviewEvidence {

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final AuditLog audit;

	private final Clock clock;

	ReviewEvidence(JdbcClient jdbc, CurrentUser currentUser, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	/** Adds a note, an observation or a document to a standard's evidence. */
	void add(Review review, Framework framework, String standardKey, String kind, String text, UUID documentId) {
		UUID id = review.id();
		if (!review.isEditable()) {
			throw new IllegalStateException(
					"Evidence can be added only while the review is gathering evidence or in draft");
		}
		if (framework.standard(standardKey).isEmpty()) {
			throw new RecordNotFoundException("No such standard");
		}
		UUID evidenceId = UUID.randomUUID();
		this.jdbc.sql("""
				insert into qa_evidence (id, review_id, standard_key, kind, text, document_id, recorded_by, recorded_at)
				values (:id, :review, :standard, :kind, :text, :document, :by, :at)""")
			.param("id", evidenceId)
			.param("review", id)
			.param("standard", standardKey)
			.param("kind", kind)
			.param("text", text)
			.param("document", documentId)
			.param("by", this.currentUser.get().map(SignedInUser::id).orElse(null))
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
		this.audit.created("QaEvidence", evidenceId,
				Map.of("review", id, "standard", standardKey, "kind", kind, "document", String.valueOf(documentId)));
	}

	List<Reviews.Evidence> of(UUID reviewId) {
		return this.jdbc.sql("""
				select e.id, e.standard_key, e.kind, e.text, e.document_id, d.file_name as document_name,
				       u.display_name as recorded_by_name, e.recorded_at
				from qa_evidence e
				left join documents_document d on d.id = e.document_id
				left join identity_user_name u on u.id = e.recorded_by
				where e.review_id = :id order by e.recorded_at, e.id""")
			.param("id", reviewId)
			.query(Reviews.Evidence.class)
			.list();
	}

	/**
	 * Whether a document is evidence of this review (so that it may be downloaded with
	 * it).
	 */
	boolean contains(UUID reviewId, UUID documentId) {
		return this.jdbc
			.sql("""
					select exists (select 1 from qa_evidence where review_id = :review and document_id = :document)
					    or exists (select 1 from qa_action where review_id = :review and evidence_document_id = :document)""")
			.param("review", reviewId)
			.param("document", documentId)
			.query(Boolean.class)
			.single();
	}

}
