package org.carecycle.commissioning;

/** Where a commissioning intention stands. */
public enum IntentionStatus {

	PROPOSED, PLANNED, IN_PROCUREMENT, IN_PLACE, WITHDRAWN;

	/** Whether providers may still expect to bid for it. */
	public boolean isOpportunity() {
		return this == PROPOSED || this == PLANNED || this == IN_PROCUREMENT;
	}

	public String messageKey() {
		return "intention.status." + name();
	}

	public String tagColour() {
		return switch (this) {
			case PROPOSED -> "grey";
			case PLANNED -> "blue";
			case IN_PROCUREMENT -> "purple";
			case IN_PLACE -> "green";
			case WITHDRAWN -> "red";
		};
	}

}
