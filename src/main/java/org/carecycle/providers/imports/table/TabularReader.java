package org.carecycle.providers.imports.table;

import java.nio.file.Path;
import java.util.List;

/**
 * Rows of a CSV, XLSX or ODS file, read one at a time in constant memory (apart from XLSX
 * shared strings).
 */
public interface TabularReader extends AutoCloseable {

	/**
	 * Opens a file. The format is decided from the content (a zip with an ODS mimetype is
	 * ODS, a zip with xl/workbook.xml is XLSX, anything else is read as CSV text), never
	 * from the name. Reads the first sheet of a spreadsheet.
	 * @throws TabularFileException if the file is empty, of another type, or cannot be
	 * read
	 */
	static TabularReader open(Path file) throws TabularFileException {
		return TabularFiles.open(file, Limits.DEFAULT);
	}

	/**
	 * The next row as cell texts, or null at the end. Rows whose cells are all empty are
	 * skipped (they still count in {@link #rowNumber()}). Dates in spreadsheets are
	 * returned as ISO yyyy-MM-dd text; numbers as plain text without exponent or trailing
	 * ".0" for whole numbers; true and false as TRUE and FALSE; empty cells as "".
	 * Trailing empty cells are omitted. The list cannot be changed.
	 * @throws TabularFileException if the rest of the file cannot be read
	 */
	List<String> nextRow() throws TabularFileException;

	/**
	 * The 1-based number of the row last returned, as a person would see it in the
	 * spreadsheet or CSV (counting blank rows, notice rows and the header), or 0 before
	 * the first row.
	 */
	long rowNumber();

	/** The format detected: CSV, XLSX or ODS. */
	Format format();

	/** Releases the file. */
	@Override
	void close();

	/** The kinds of file that can be read. */
	enum Format {

		CSV, XLSX, ODS

	}

}
