package org.carecycle.providers;

import java.util.Locale;
import java.util.Optional;

/** CQC's four-point rating, plus "not rated". */
public enum CqcRating {

	OUTSTANDING("green"), GOOD("turquoise"), REQUIRES_IMPROVEMENT("orange"), INADEQUATE("red"), NOT_RATED("grey");

	private final String tagColour;

	CqcRating(String tagColour) {
		this.tagColour = tagColour;
	}

	public String messageKey() {
		return "rating." + name();
	}

	/** The GOV.UK tag colour modifier that shows this rating. */
	public String tagColour() {
		return this.tagColour;
	}

	/**
	 * Reads a rating as CQC writes it, in any of its spellings ("Requires improvement",
	 * "Requires Improvement", "Not Rated", "Not yet rated").
	 */
	public static Optional<CqcRating> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String key = text.strip().toUpperCase(Locale.ROOT).replaceAll("[^A-Z]+", "_");
		return switch (key) {
			case "OUTSTANDING" -> Optional.of(OUTSTANDING);
			case "GOOD" -> Optional.of(GOOD);
			case "REQUIRES_IMPROVEMENT" -> Optional.of(REQUIRES_IMPROVEMENT);
			case "INADEQUATE" -> Optional.of(INADEQUATE);
			case "NOT_RATED", "NOT_YET_RATED" -> Optional.of(NOT_RATED);
			default -> Optional.empty();
		};
	}

}
