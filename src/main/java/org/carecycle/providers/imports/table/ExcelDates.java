package org.carecycle.providers.imports.table;

import java.time.LocalDate;

/**
 * Which Excel number formats show dates, and the dates Excel's serial numbers stand for.
 */
final class ExcelDates {

	/** 31 December 9999, the last date Excel shows. */
	private static final double LAST_SERIAL = 2_958_465;

	/** Half a millisecond, the precision Excel rounds times to. */
	private static final double HALF_MILLISECOND = 0.5 / 86_400_000;

	private ExcelDates() {
	}

	/**
	 * Whether a number format shows a date: a built-in date or time format (14 to 22 and
	 * 45 to 47), or a format code with d, m or y outside quoted text and brackets.
	 * @param id the numFmtId
	 * @param code the format code a workbook gives for the id, or null
	 */
	static boolean isDateFormat(int id, String code) {
		if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47)) {
			return true;
		}
		return code != null && isDateCode(code);
	}

	private static boolean isDateCode(String code) {
		boolean quoted = false;
		boolean bracketed = false;
		for (int i = 0; i < code.length(); i++) {
			char c = code.charAt(i);
			if (quoted) {
				quoted = c != '"';
			}
			else if (bracketed) {
				bracketed = c != ']';
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == '[') {
				bracketed = true;
			}
			else if (c == '\\' || c == '_' || c == '*') {
				// the next character is shown (or spaced, or repeated) as it is
				i++;
			}
			else if ("dmyDMY".indexOf(c) >= 0) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The yyyy-MM-dd date of an Excel serial number, ignoring any time of day, or null if
	 * Excel would not show it as a date. In the 1900 system Excel counts a 29 February
	 * 1900 that never was (serial 60), so later serials are a day behind.
	 */
	static String iso(double serial, boolean date1904) {
		if (Double.isNaN(serial) || serial < 0 || serial > LAST_SERIAL) {
			return null;
		}
		long days = (long) Math.floor(serial + HALF_MILLISECOND);
		if (date1904) {
			return LocalDate.of(1904, 1, 1).plusDays(days).toString();
		}
		if (days == 60) {
			return "1900-02-29";
		}
		LocalDate start = (days < 60) ? LocalDate.of(1899, 12, 31) : LocalDate.of(1899, 12, 30);
		return start.plusDays(days).toString();
	}

}
