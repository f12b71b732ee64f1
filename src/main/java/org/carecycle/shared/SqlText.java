package org.carecycle.shared;

import java.util.Locale;

/** Turning what people type into safe SQL {@code like} patterns. */
public final class SqlText {

	private SqlText() {
	}

	/** A case-folded pattern matching values that contain the text, wildcards escaped. */
	public static String containing(String text) {
		return "%" + escaped(text.strip().toLowerCase(Locale.ROOT)) + "%";
	}

	/**
	 * A pattern matching values that start with the text (as given), wildcards escaped.
	 */
	public static String startingWith(String text) {
		return escaped(text) + "%";
	}

	private static String escaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
