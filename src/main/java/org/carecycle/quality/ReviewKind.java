package org.carecycle.quality;

/** Why a review takes place. */
public enum ReviewKind {

	/** The review every commissioned service has at least once a year. */
	ANNUAL,
	/** Brought forward because of risk: ratings, concerns, intelligence. */
	RISK_BASED,
	/** About six months after an action plan was approved. */
	FOLLOW_UP;

	public String messageKey() {
		return "reviewKind." + name();
	}

}
