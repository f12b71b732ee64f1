package org.carecycle.providers.imports.table;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * A file that cannot be read, with a message a person can act on (GOV.UK style sentence,
 * for example "The selected file is empty").
 */
public class TabularFileException extends Exception {

	private static final long serialVersionUID = 1L;

	static final String EMPTY = "The selected file is empty";

	static final String NOT_UTF_8 = "The file must be saved as CSV UTF-8";

	public static final String WRONG_TYPE = "The selected file must be a CSV, an Excel spreadsheet (.xlsx) or an OpenDocument spreadsheet (.ods)";

	static final String UNREADABLE = "The selected file could not be read – save it again and try again";

	static final String TOO_LARGE = "The selected file is too large to read";

	private final long rowNumber;

	TabularFileException(String message) {
		this(message, 0, null);
	}

	TabularFileException(String message, long rowNumber) {
		this(message, rowNumber, null);
	}

	TabularFileException(String message, long rowNumber, Throwable cause) {
		super(message, cause);
		this.rowNumber = rowNumber;
	}

	/** The 1-based row the problem is on, or 0 when it is not about a row. */
	public long rowNumber() {
		return this.rowNumber;
	}

	static TabularFileException empty() {
		return new TabularFileException(EMPTY);
	}

	static TabularFileException notUtf8(long rowNumber) {
		return new TabularFileException(NOT_UTF_8, rowNumber);
	}

	static TabularFileException wrongType() {
		return new TabularFileException(WRONG_TYPE);
	}

	static TabularFileException unreadable(Throwable cause) {
		return new TabularFileException(UNREADABLE, 0, cause);
	}

	static TabularFileException tooLarge() {
		return new TabularFileException(TOO_LARGE);
	}

	static TabularFileException unclosedQuote(long rowNumber) {
		return new TabularFileException("Row " + rowNumber + " has a quotation mark that is not closed", rowNumber);
	}

	static TabularFileException cellTooLong(long rowNumber) {
		return new TabularFileException(
				"Row " + rowNumber + " has a cell longer than " + count(Limits.MAX_CELL_CHARS) + " characters",
				rowNumber);
	}

	static TabularFileException tooManyCells(long rowNumber) {
		return new TabularFileException("Row " + rowNumber + " has more than " + count(Limits.MAX_CELLS) + " cells",
				rowNumber);
	}

	private static String count(int number) {
		return NumberFormat.getIntegerInstance(Locale.UK).format(number);
	}

}
