package org.carecycle.quality;

import java.util.EnumSet;
import java.util.Set;

/** Where a quality assurance review is, from planned to closed. */
public enum ReviewStatus {

	PLANNED("grey"), EVIDENCE("blue"), DRAFT("light-blue"), FACTUAL_ACCURACY("purple"), DISPUTE_REVIEW("pink"),
	ACTION_PLAN_DUE("orange"), ACTION_PLAN_SUBMITTED("yellow"), FOLLOW_UP("turquoise"), CLOSED("green"),
	CANCELLED("grey");

	/** Reviews being carried out, before publication. */
	public static final Set<ReviewStatus> IN_PROGRESS = EnumSet.of(PLANNED, EVIDENCE, DRAFT, FACTUAL_ACCURACY,
			DISPUTE_REVIEW);

	/** Reviews whose report has been published. */
	public static final Set<ReviewStatus> PUBLISHED = EnumSet.of(ACTION_PLAN_DUE, ACTION_PLAN_SUBMITTED, FOLLOW_UP,
			CLOSED);

	private final String colour;

	ReviewStatus(String colour) {
		this.colour = colour;
	}

	public String colour() {
		return this.colour;
	}

	public String messageKey() {
		return "reviewStatus." + name();
	}

}
