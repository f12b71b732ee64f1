package org.carecycle.shared;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Care Quality Commission identifier for a provider or a location: {@code 1-} followed
 * by digits, such as {@code 1-545611283}.
 */
public record CqcId(String value) {

	private static final Pattern FORMAT = Pattern.compile("^1-[0-9]{8,11}$");

	public CqcId {
		if (value == null || !FORMAT.matcher(value).matches()) {
			throw new IllegalArgumentException("Enter a CQC ID in the correct format, like 1-545611283");
		}
	}

	public static Optional<CqcId> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String trimmed = text.strip();
		return FORMAT.matcher(trimmed).matches() ? Optional.of(new CqcId(trimmed)) : Optional.empty();
	}

	@Override
	public String toString() {
		return this.value;
	}

}
