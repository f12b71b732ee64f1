package org.carecycle.quality;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The sentences with which a {@link Review} refuses a step that does not follow from
 * where it is. The review decides; these say why, to the person who tried, so the wording
 * is kept together and out of the aggregate's rules.
 */
final class ReviewRefusals {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private ReviewRefusals() {
	}

	/** Why evidence and findings cannot be changed in this status. */
	static String notEditable(ReviewStatus status) {
		return switch (status) {
			case PLANNED -> "Record the visit before adding evidence or findings";
			case FACTUAL_ACCURACY, DISPUTE_REVIEW ->
				"The draft has been sent to the provider, so its findings can no longer be edited";
			case CANCELLED -> "This review was cancelled";
			default -> "This review has been published, so its findings can no longer be edited";
		};
	}

	/** The provider's window for comments has closed. */
	static String commentsClosed(LocalDate commentsDueOn) {
		return "The " + ReviewTimeLimits.COMMENT_DAYS + " days for comments on this draft ended on "
				+ commentsDueOn.format(DATE) + ". Contact the quality assurance officer if the report is wrong";
	}

	/** The draft cannot be published while the provider may still comment. */
	static String commentsOpen(LocalDate commentsDueOn) {
		return "The provider has until " + commentsDueOn.format(DATE) + " to comment on the draft's factual accuracy";
	}

}
