package org.carecycle.commissioning;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A commissioning strategy for a care group, as read: who owns it, the period it covers,
 * where it is in its life, its Care Act compliance review and its review dates. Its moves
 * are guarded here ({@link #checkMove}); {@link Strategies} carries them out.
 */
public record Strategy(UUID id, int version, String reference, String title, CareGroup careGroup, UUID ownerId,
		String ownerName, String summary, LocalDate periodFrom, LocalDate periodTo, StrategyStatus status,
		LocalDate reviewDueOn, LocalDate approvedOn, LocalDate lastReviewedOn, LocalDate careActReviewedOn,
		String careActReviewer, String careActFindings) {

	/** A move refused, with the message key of the reason a commissioner reads. */
	public static class RefusedException extends IllegalStateException {

		private final String messageKey;

		public RefusedException(String messageKey, String sentence) {
			super(sentence);
			this.messageKey = messageKey;
		}

		public String messageKey() {
			return this.messageKey;
		}

	}

	/**
	 * Refuses a move the strategy may not make now: one its status does not allow, or an
	 * approval without priorities, without a Care Act compliance review, or without a
	 * review date still to come.
	 */
	public void checkMove(StrategyStatus target, int priorities, LocalDate today) {
		if (!this.status.canMoveTo(target)) {
			throw new RefusedException("strategy.move.notAllowed",
					"A strategy that is " + this.status + " cannot become " + target);
		}
		if (target == StrategyStatus.APPROVED) {
			if (priorities == 0) {
				throw new RefusedException("strategy.move.noPriorities",
						"A strategy needs at least one priority before it is approved");
			}
			if (this.careActReviewedOn == null) {
				throw new RefusedException("strategy.move.noCareActReview",
						"A strategy needs its Care Act compliance review before it is approved");
			}
			if (this.reviewDueOn == null || !this.reviewDueOn.isAfter(today)) {
				throw new RefusedException("strategy.move.noReviewDate",
						"A strategy needs a review date in the future before it is approved");
			}
			if (this.periodTo.isBefore(today)) {
				throw new RefusedException("strategy.move.periodOver",
						"A strategy whose period has ended cannot be approved");
			}
		}
	}

	/** Whether its review date has passed while it is in force. */
	public boolean isReviewOverdue(LocalDate today) {
		return this.status.inForce() && this.reviewDueOn != null && this.reviewDueOn.isBefore(today);
	}

	/** Whether its period has ended while it is still in force. */
	public boolean isPeriodOver(LocalDate today) {
		return this.status.inForce() && this.periodTo.isBefore(today);
	}

	/** The date it was last looked at: the last review, or else its approval. */
	public LocalDate lastLookedAt() {
		return (this.lastReviewedOn != null) ? this.lastReviewedOn : this.approvedOn;
	}

	public boolean isEditable() {
		return this.status != StrategyStatus.EXPIRED;
	}

}
