package org.carecycle.providers.imports;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reading the values CQC's files hold, in the shapes they come in. */
final class ImportValues {

	/**
	 * A CQC location or provider id: 1- and digits, or an NHS (ODS) code for NHS
	 * locations.
	 */
	private static final Pattern CQC_ID = Pattern.compile("^(1-[0-9]{6,11}|[A-Z][A-Z0-9]{2,6})$");

	private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
			DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT),
			DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT),
			new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("d MMM uuuu").toFormatter(Locale.UK),
			new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("d-MMM-uu").toFormatter(Locale.UK),
			new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("d MMMM uuuu").toFormatter(Locale.UK));

	private ImportValues() {
	}

	static String cqcId(String text) {
		if (text == null) {
			return null;
		}
		String id = text.strip().toUpperCase(Locale.ROOT);
		return CQC_ID.matcher(id).matches() ? id : null;
	}

	static LocalDate date(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String value = text.strip();
		if (value.length() > 10 && value.charAt(10) == 'T') {
			value = value.substring(0, 10);
		}
		if (isNumericDate(value)) {
			return numericDate(value);
		}
		for (DateTimeFormatter format : DATES) {
			try {
				return LocalDate.parse(value, format);
			}
			catch (DateTimeParseException ex) {
				// try the next shape
			}
		}
		return null;
	}

	private static boolean isNumericDate(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (!((c >= '0' && c <= '9') || c == '/' || c == '-')) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The common shapes, 27/03/2019 and 2019-03-27, read without a formatter (whose
	 * failures, by exception, cost more than the rest of a row): null for anything else
	 * or for a date that does not exist.
	 */
	private static LocalDate numericDate(String value) {
		int[] parts = new int[3];
		int part = 0;
		int digits = 0;
		char separator = 0;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c >= '0' && c <= '9') {
				if (++digits > 4) {
					return null;
				}
				parts[part] = parts[part] * 10 + (c - '0');
			}
			else if ((c == '/' || c == '-') && digits > 0 && part < 2 && (separator == 0 || separator == c)) {
				separator = c;
				part++;
				digits = 0;
			}
			else {
				return null;
			}
		}
		if (part != 2 || digits == 0) {
			return null;
		}
		boolean yearFirst = separator == '-' && parts[0] > 31;
		int year = yearFirst ? parts[0] : parts[2];
		int month = parts[1];
		int day = yearFirst ? parts[2] : parts[0];
		if (year < 1000 || month < 1 || month > 12 || day < 1
				|| day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
			return null;
		}
		return LocalDate.of(year, month, day);
	}

	static boolean yes(String text) {
		String value = (text == null) ? "" : text.strip().toUpperCase(Locale.ROOT);
		return value.equals("Y") || value.equals("YES") || value.equals("TRUE") || value.equals("1");
	}

	static Integer count(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			String value = text.strip().replace(",", "");
			if (value.endsWith(".0")) {
				value = value.substring(0, value.length() - 2);
			}
			int number = Integer.parseInt(value);
			return (number >= 0) ? number : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	static String text(String value, int maxLength) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip().replaceAll("\\p{Cntrl}", " ");
		return (text.length() > maxLength) ? text.substring(0, maxLength) : text;
	}

	/** The row as a line for the report of refused rows. */
	static String line(List<String> row) {
		String line = String.join(", ", row);
		return (line.length() > 4000) ? line.substring(0, 4000) : line;
	}

}
