package org.carecycle.quality;

import java.math.BigDecimal;

/**
 * A quality assurance rating, of a standard, a domain or a whole service. Each has points
 * (Excellent 4 down to Poor 1), and percentages of the maximum map back to ratings with
 * the same bands as CQC's single assessment framework.
 */
public enum QaRating {

	EXCELLENT(4, "green", 88), GOOD(3, "turquoise", 63), REQUIRES_IMPROVEMENT(2, "yellow", 39), POOR(1, "red", 0);

	private final int points;

	private final String colour;

	private final int lowestPercent;

	QaRating(int points, String colour, int lowestPercent) {
		this.points = points;
		this.colour = colour;
		this.lowestPercent = lowestPercent;
	}

	public int points() {
		return this.points;
	}

	/** The GOV.UK tag colour that shows this rating. */
	public String colour() {
		return this.colour;
	}

	/** The lowest percentage of the maximum points that earns this rating. */
	public int lowestPercent() {
		return this.lowestPercent;
	}

	public String messageKey() {
		return "qaRating." + name();
	}

	public boolean isBelowGood() {
		return this == REQUIRES_IMPROVEMENT || this == POOR;
	}

	/** The rating that a percentage of the maximum points earns. */
	public static QaRating forPercent(BigDecimal percent) {
		for (QaRating rating : values()) {
			if (percent.compareTo(BigDecimal.valueOf(rating.lowestPercent)) >= 0) {
				return rating;
			}
		}
		return POOR;
	}

	/** Whether this rating is the other or better. */
	public boolean isAboveOrEqual(QaRating other) {
		return this.points >= other.points;
	}

	/** The lower of this rating and another. */
	public QaRating atMost(QaRating cap) {
		return (this.points > cap.points) ? cap : this;
	}

	public static QaRating parse(String value) {
		if (value == null) {
			return null;
		}
		for (QaRating rating : values()) {
			if (rating.name().equals(value)) {
				return rating;
			}
		}
		return null;
	}

}
