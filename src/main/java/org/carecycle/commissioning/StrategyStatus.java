package org.carecycle.commissioning;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a commissioning strategy is in its life: drafted, out to consultation, approved
 * (and in force), being reviewed, or expired. The moves a strategy may make are here;
 * {@link Strategy} adds what each move needs.
 */
public enum StrategyStatus {

	DRAFT, CONSULTATION, APPROVED, IN_REVIEW, EXPIRED;

	/** The statuses this one may move to. */
	public Set<StrategyStatus> next() {
		return switch (this) {
			case DRAFT -> EnumSet.of(CONSULTATION, EXPIRED);
			case CONSULTATION -> EnumSet.of(DRAFT, APPROVED, EXPIRED);
			case APPROVED -> EnumSet.of(IN_REVIEW, EXPIRED);
			case IN_REVIEW -> EnumSet.of(CONSULTATION, APPROVED, EXPIRED);
			case EXPIRED -> EnumSet.noneOf(StrategyStatus.class);
		};
	}

	public boolean canMoveTo(StrategyStatus target) {
		return next().contains(target);
	}

	/**
	 * Whether the strategy is the council's plan in force (approved, or under review).
	 */
	public boolean inForce() {
		return this == APPROVED || this == IN_REVIEW;
	}

	public String messageKey() {
		return "strategy.status." + name();
	}

	public String tagColour() {
		return switch (this) {
			case DRAFT -> "grey";
			case CONSULTATION -> "blue";
			case APPROVED -> "green";
			case IN_REVIEW -> "yellow";
			case EXPIRED -> "red";
		};
	}

}
