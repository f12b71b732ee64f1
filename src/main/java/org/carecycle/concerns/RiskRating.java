package org.carecycle.concerns;

/**
 * A concern's risk as likelihood times impact on the usual 5 by 5 matrix: scores 1 to 3
 * are low, 4 to 6 moderate, 8 to 12 high and 15 to 25 extreme.
 *
 * @param likelihood 1 (rare) to 5 (almost certain)
 * @param impact 1 (negligible) to 5 (catastrophic)
 */
public record RiskRating(int likelihood, int impact) {

	public RiskRating {
		if (likelihood < 1 || likelihood > 5 || impact < 1 || impact > 5) {
			throw new IllegalArgumentException("Likelihood and impact are 1 to 5");
		}
	}

	public int score() {
		return this.likelihood * this.impact;
	}

	public Band band() {
		return Band.of(score());
	}

	/** The band of a score on the matrix. */
	public enum Band {

		LOW("green"), MODERATE("yellow"), HIGH("orange"), EXTREME("red");

		private final String colour;

		Band(String colour) {
			this.colour = colour;
		}

		public static Band of(int score) {
			if (score <= 3) {
				return LOW;
			}
			if (score <= 6) {
				return MODERATE;
			}
			return (score <= 12) ? HIGH : EXTREME;
		}

		public String colour() {
			return this.colour;
		}

		public String messageKey() {
			return "risk.band." + name();
		}

	}

}
