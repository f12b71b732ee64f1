package org.carecycle.quality;

import java.time.LocalDate;
import java.util.UUID;

/** What the quality module tells the rest of CareCycle (the oversight module listens). */
public final class ReviewEvents {

	private ReviewEvents() {
	}

	/** A review's report and rating were published. */
	public record ReviewPublished(UUID reviewId, String reference, UUID careServiceId, UUID providerId, QaRating rating,
			QaRating previousRating, LocalDate publishedOn) {
	}

	/** A service's published rating is lower than its previous one. */
	public record RatingFell(UUID reviewId, UUID careServiceId, UUID providerId, QaRating from, QaRating to,
			LocalDate publishedOn) {
	}

	/** A review's draft report was sent to its provider for comments on its facts. */
	public record DraftSent(UUID reviewId, String reference, UUID providerId, String serviceName,
			LocalDate commentsDueOn) {
	}

	/** A provider did not send the action plan a review needed by its due date. */
	public record ActionPlanOverdue(UUID reviewId, String reference, UUID careServiceId, UUID providerId,
			LocalDate dueOn) {
	}

}
