package org.carecycle.providers.imports.table;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Writes spreadsheet numbers, true/false values and dates as the text the readers return.
 */
final class CellValues {

	/**
	 * Spreadsheets show at most 15 significant digits, hiding binary rounding such as 0.1
	 * + 0.2.
	 */
	private static final MathContext SHOWN = new MathContext(15);

	/** Far beyond the largest number a spreadsheet holds (about 1E308). */
	private static final int MAX_EXPONENT = 400;

	private CellValues() {
	}

	/**
	 * A number as plain text, without exponent and without trailing zeros after the
	 * point, so 42.0 is "42" and 1.5E-3 is "0.0015"; text that is not a number is
	 * returned as it is.
	 */
	static String number(String value) {
		String text = value.strip();
		if (text.isEmpty()) {
			return "";
		}
		BigDecimal number;
		try {
			number = new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			return text;
		}
		if (number.signum() == 0) {
			return "0";
		}
		int exponent = number.precision() - number.scale() - 1;
		if (Math.abs(exponent) > MAX_EXPONENT) {
			return text;
		}
		return number.round(SHOWN).stripTrailingZeros().toPlainString();
	}

	/** TRUE or FALSE, as spreadsheets show them. */
	static String bool(String value) {
		String text = value.strip();
		if (text.equals("1") || text.equalsIgnoreCase("true")) {
			return "TRUE";
		}
		if (text.equals("0") || text.equalsIgnoreCase("false")) {
			return "FALSE";
		}
		return text;
	}

	/** The yyyy-MM-dd date at the start of an ISO 8601 date or date and time. */
	static String date(String value) {
		String text = value.strip();
		return (text.length() > 10) ? text.substring(0, 10) : text;
	}

}
