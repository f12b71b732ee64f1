package org.carecycle.shared;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A full UK postcode, held in its standard form: upper case with one space before the
 * inward code ({@code TR1 3LJ}).
 */
public record Postcode(String value) {

	private static final Pattern FORMAT = Pattern.compile(
			"^(GIR|[A-PR-UWYZ][0-9][0-9A-HJKPSTUW]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9ABEHMNPRVWXY]?)([0-9][ABD-HJLNP-UW-Z]{2})$");

	private static final Pattern OUTWARD = Pattern
		.compile("^(GIR|[A-PR-UWYZ][0-9][0-9A-HJKPSTUW]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9ABEHMNPRVWXY]?)$");

	public Postcode {
		if (value == null || !FORMAT.matcher(value.replace(" ", "")).matches()) {
			throw new IllegalArgumentException("Enter a real postcode");
		}
	}

	/** Reads a postcode as people type it: any case, any spacing. */
	public static Optional<Postcode> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String compact = text.replaceAll("\\s+", "").toUpperCase(Locale.UK);
		Matcher matcher = FORMAT.matcher(compact);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		return Optional.of(new Postcode(matcher.group(1) + " " + matcher.group(2)));
	}

	/**
	 * The postcode district a person means by a full postcode ({@code tr1 3lj}) or by its
	 * outward code alone ({@code TR1}), in any case and spacing; empty for anything else.
	 */
	public static Optional<String> districtOf(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String[] parts = text.strip().toUpperCase(Locale.UK).split("\\s+");
		if (parts.length > 1 && OUTWARD.matcher(parts[0]).matches()) {
			// "TR1 3" is the start of a postcode in TR1, not the district TR13
			return parse(text).map(Postcode::district);
		}
		String compact = text.replaceAll("\\s+", "").toUpperCase(Locale.UK);
		Matcher outward = OUTWARD.matcher(compact);
		if (outward.matches()) {
			return Optional.of(compact);
		}
		return parse(text).map(Postcode::district);
	}

	/** The outward code, or postcode district, such as {@code TR1}. */
	public String district() {
		return this.value.substring(0, this.value.indexOf(' '));
	}

	@Override
	public String toString() {
		return this.value;
	}

}
