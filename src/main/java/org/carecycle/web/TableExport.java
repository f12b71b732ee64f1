package org.carecycle.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A table to download: column headings and rows of cell values, written as CSV or Excel
 * row by row, so that a list of any length is written in constant memory.
 * <p>
 * A cell may be a {@link String} (or other {@link CharSequence}), a {@link Number}, a
 * {@link LocalDate}, a {@link Boolean}, an {@link Enum} (written as its name) or
 * {@code null} (an empty cell). Text, headings included, is {@link #neutralised(String)
 * neutralised} so that no spreadsheet runs it as a formula.
 */
public final class TableExport {

	/** The characters that make a spreadsheet read a cell as a formula (OWASP). */
	private static final String FORMULA_STARTS = "=+-@\t\r";

	private TableExport() {
	}

	/**
	 * Starts writing; headings are written first. The caller then calls
	 * {@link Writer#row(List)} for each row and finally {@link Writer#close()}, which
	 * completes the file (the zip, for XLSX).
	 * @param format the file format
	 * @param out where to write; flushed but not closed by the writer
	 * @param headings the column headings
	 * @return the writer for the rows
	 * @throws IOException if the stream cannot be written
	 */
	public static Writer open(Format format, OutputStream out, List<String> headings) throws IOException {
		return switch (format) {
			case CSV -> new CsvTableWriter(out, headings);
			case XLSX -> new XlsxTableWriter(out, headings);
		};
	}

	/**
	 * The cell as text that no spreadsheet will run as a formula: text that starts with
	 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a
	 * single quote in front.
	 * @param text the cell's text; null reads as empty
	 * @return the text, safe to put in a cell
	 */
	public static String neutralised(String text) {
		if (text == null || text.isEmpty()) {
			return "";
		}
		return (FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) ? "'" + text : text;
	}

	/** A file format to download a table in. */
	public enum Format {

		/** RFC 4180, UTF-8 with a byte order mark, CRLF line ends. */
		CSV("text/csv;charset=UTF-8", "csv"),

		/** An Office Open XML workbook with one sheet. */
		XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

		private final String contentType;

		private final String extension;

		Format(String contentType, String extension) {
			this.contentType = contentType;
			this.extension = extension;
		}

		/** The value for the {@code Content-Type} header. */
		public String contentType() {
			return this.contentType;
		}

		/** The file name extension, without the dot. */
		public String extension() {
			return this.extension;
		}

		/**
		 * The format named {@code csv} or {@code xlsx}, in any case; empty for anything
		 * else.
		 */
		public static Optional<Format> parse(String text) {
			if (text == null) {
				return Optional.empty();
			}
			String name = text.trim().toLowerCase(Locale.ROOT);
			for (Format format : values()) {
				if (format.extension.equals(name)) {
					return Optional.of(format);
				}
			}
			return Optional.empty();
		}

	}

	/**
	 * Writes the rows of a table that has been opened. {@link #close()} completes the
	 * file and flushes it, but leaves the underlying stream open for its owner to close.
	 */
	public interface Writer extends AutoCloseable {

		/**
		 * Writes one row; a row may hold fewer or more cells than there are headings.
		 * @param cells the row's cell values
		 * @throws IOException if the stream cannot be written
		 * @throws IllegalArgumentException if a cell is of a type that cannot be written,
		 * in which case nothing of the row is written
		 */
		void row(List<?> cells) throws IOException;

		@Override
		void close() throws IOException;

	}

}
