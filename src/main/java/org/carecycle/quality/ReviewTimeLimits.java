package org.carecycle.quality;

/**
 * The time limits of the council's review process, in one place because the review sets
 * the dates from them, the refusals quote them, and the tests move the clock past them.
 */
final class ReviewTimeLimits {

	/** Calendar days the provider has to comment on the draft's factual accuracy. */
	static final int COMMENT_DAYS = 14;

	/** Calendar days the provider has to send an action plan after publication. */
	static final int ACTION_PLAN_DAYS = 14;

	/** Calendar days at least that the provider has to send again a returned plan. */
	static final int RETURNED_PLAN_DAYS = 7;

	/** Months after publication that the follow-up review is due. */
	static final int FOLLOW_UP_MONTHS = 6;

	private ReviewTimeLimits() {
	}

}
