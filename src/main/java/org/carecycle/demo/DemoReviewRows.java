package org.carecycle.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.carecycle.quality.QaRating;
import org.carecycle.quality.ReviewKind;
import org.carecycle.quality.ReviewStatus;

/**
 * The rows the demo's review history is written as, one type a table of the quality
 * module, kept apart from the generator so that the loader, which copies them into the
 * database, depends on the rows and not on how they were made.
 */
final class DemoReviewRows {

	private DemoReviewRows() {
	}

	/** A qa_review row. */
	static final class ReviewRow {

		UUID id;

		int version;

		String reference;

		UUID careServiceId;

		UUID providerId;

		UUID frameworkVersionId;

		ReviewKind kind;

		ReviewStatus status;

		LocalDate plannedFor;

		UUID officerId;

		UUID followsReviewId;

		LocalDate visitStartedOn;

		LocalDate visitEndedOn;

		Boolean announced;

		String peopleSpokenTo;

		String documentsRequested;

		String summary;

		QaRating overallRating;

		BigDecimal overallPercent;

		Instant sentToProviderAt;

		LocalDate commentsDueOn;

		Instant providerRespondedAt;

		Boolean providerChallenged;

		UUID disputeDecidedBy;

		Instant disputeDecidedAt;

		String disputeSummary;

		Instant publishedAt;

		LocalDate publishedOn;

		QaRating previousRating;

		LocalDate actionPlanDueOn;

		Instant actionPlanSubmittedAt;

		Instant actionPlanApprovedAt;

		String actionPlanReturned;

		LocalDate followUpDueOn;

		UUID followUpReviewId;

		Instant closedAt;

		String cancelledReason;

		Instant createdAt;

		Instant updatedAt;

	}

	/** A qa_finding row. */
	record FindingRow(UUID reviewId, String standardKey, QaRating rating, String findings, String providerComment,
			Instant providerCommentedAt, String disputeOutcome, String disputeResponse, QaRating ratingBeforeDispute) {
	}

	/**
	 * A qa_review_event row.
	 *
	 * @param referenceOf when set, the note is this review's reference (known once the
	 * batch is numbered)
	 */
	record EventRow(UUID reviewId, Instant happenedAt, UUID actorId, String actorName, String fromStatus,
			String toStatus, String note, ReviewRow referenceOf) {

		String noteText() {
			return (this.referenceOf != null) ? this.referenceOf.reference : this.note;
		}

	}

	/** A qa_action row. */
	record ActionRow(UUID id, UUID reviewId, String standardKey, int position, String description, String owner,
			LocalDate dueOn, LocalDate completedOn, String completionNote, Instant createdAt, Instant updatedAt) {
	}

	/** A qa_evidence row. */
	record EvidenceRow(UUID id, UUID reviewId, String standardKey, String kind, String text, UUID recordedBy,
			Instant recordedAt) {
	}

	/** The rows of one batch of services. */
	static final class Batch {

		final List<ReviewRow> reviews = new ArrayList<>();

		final List<FindingRow> findings = new ArrayList<>();

		final List<EventRow> events = new ArrayList<>();

		final List<ActionRow> actions = new ArrayList<>();

		final List<EvidenceRow> evidence = new ArrayList<>();

		/**
		 * Gives the reviews their references in the order they were planned, from the
		 * numbers of the review sequence, as the service does ("QA-2026-000123", the year
		 * being the year the review was planned for).
		 */
		void number(List<Long> numbers) {
			List<ReviewRow> ordered = new ArrayList<>(this.reviews);
			ordered.sort(Comparator.comparing((ReviewRow r) -> r.createdAt).thenComparing(r -> r.id));
			for (int i = 0; i < ordered.size(); i++) {
				ReviewRow review = ordered.get(i);
				review.reference = "QA-%d-%06d".formatted(review.plannedFor.getYear(), numbers.get(i));
			}
		}

	}

}
