package org.carecycle.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletResponse;
import org.carecycle.shared.UkTime;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Sends a list that staff work from as a CSV or Excel download, the way the register
 * does: the page's own column headings, every row the page's filters choose (not only the
 * page shown), a file named for the list and the day, and cells that no spreadsheet runs
 * as a formula ({@link TableExport}).
 */
@Component
public class TableDownload {

	private final MessageSource messages;

	private final Clock clock;

	TableDownload(MessageSource messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * Writes the download, or answers 400 Bad Request for a format that is not
	 * {@code csv} or {@code xlsx}.
	 * @param format the format asked for
	 * @param name the file's name before the date, such as {@code concerns}
	 * @param headingKeys the message keys of the column headings, as on the page
	 * @param rows writes each row and says how many it wrote
	 * @param response where the file goes
	 * @return how many rows were written, or empty if the format was refused
	 * @throws IOException if the response cannot be written
	 */
	public OptionalLong send(String format, String name, List<String> headingKeys, Rows rows,
			HttpServletResponse response) throws IOException {
		TableExport.Format chosen = TableExport.Format.parse(format).orElse(null);
		if (chosen == null) {
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return OptionalLong.empty();
		}
		String file = name + "-" + UkTime.today(this.clock) + "." + chosen.extension();
		response.setContentType(chosen.contentType());
		response.setHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
		List<String> headings = headingKeys.stream().map(this::text).toList();
		long written;
		try (OutputStream out = response.getOutputStream();
				TableExport.Writer writer = TableExport.open(chosen, out, headings)) {
			try {
				written = rows.write(cells -> {
					try {
						writer.row(cellsOf(cells));
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				});
			}
			catch (UncheckedIOException ex) {
				throw ex.getCause();
			}
		}
		return OptionalLong.of(written);
	}

	/** A message in the application's words, for a cell. */
	public String text(String key, Object... args) {
		return this.messages.getMessage(key, args, key, Locale.UK);
	}

	/** A message for an enum constant's message key, or null for no value. */
	public String textOrNull(String key) {
		return (key != null) ? text(key) : null;
	}

	/** Instants are written as the day they fell on in the UK. */
	private static List<Object> cellsOf(Object[] cells) {
		List<Object> values = new ArrayList<>(Arrays.asList(cells));
		values.replaceAll(value -> (value instanceof Instant instant) ? UkTime.dateOf(instant) : value);
		return values;
	}

	/** The rows of a download. */
	@FunctionalInterface
	public interface Rows {

		/**
		 * Writes every row.
		 * @param out takes one row's cells
		 * @return how many rows were written
		 */
		long write(Row out);

	}

	/** Takes one row's cells. */
	@FunctionalInterface
	public interface Row {

		void cells(Object... cells);

	}

}
