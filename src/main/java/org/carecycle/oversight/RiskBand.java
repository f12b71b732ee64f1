package org.carecycle.oversight;

/**
 * How worried to be about a service, from its risk score. The bands are fixed score
 * ranges so that the same score always means the same thing:
 * <ul>
 * <li>{@link #LOW} 0 to 19: routine monitoring.</li>
 * <li>{@link #MEDIUM} 20 to 39: watch; consider bringing the next quality review
 * forward.</li>
 * <li>{@link #HIGH} 40 to 59: the alert threshold; an officer looks at the service and
 * decides whether enhanced monitoring is needed. A current CQC Inadequate rating reaches
 * it on its own.</li>
 * <li>{@link #CRITICAL} 60 to 100: several serious signals at once; consider the provider
 * concerns process.</li>
 * </ul>
 */
public enum RiskBand {

	LOW(0), MEDIUM(20), HIGH(40), CRITICAL(60);

	private final int lowestScore;

	RiskBand(int lowestScore) {
		this.lowestScore = lowestScore;
	}

	/** The lowest score in this band. */
	public int lowestScore() {
		return this.lowestScore;
	}

	/** Whether a service in this band is at or above the alert threshold (HIGH). */
	public boolean isAlert() {
		return this.compareTo(HIGH) >= 0;
	}

	public String messageKey() {
		return "risk.band." + name();
	}

	/** The GOV.UK tag colour that shows this band. */
	public String colour() {
		return switch (this) {
			case LOW -> "green";
			case MEDIUM -> "yellow";
			case HIGH -> "orange";
			case CRITICAL -> "red";
		};
	}

	/** The band a score from 0 to 100 falls in. */
	public static RiskBand forScore(int score) {
		if (score < 0 || score > RiskModel.MAXIMUM_SCORE) {
			throw new IllegalArgumentException("A risk score is from 0 to 100, not " + score);
		}
		RiskBand band = LOW;
		for (RiskBand candidate : values()) {
			if (score >= candidate.lowestScore) {
				band = candidate;
			}
		}
		return band;
	}

}
