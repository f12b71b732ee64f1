package org.carecycle.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a {@link TableExport} as RFC 4180 CSV: UTF-8 with a byte order mark so that
 * Excel reads it as UTF-8, CRLF line ends, dates as yyyy-MM-dd.
 */
final class CsvTableWriter implements TableExport.Writer {

	private final BufferedWriter out;

	private boolean closed;

	CsvTableWriter(OutputStream out, List<String> headings) throws IOException {
		this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
		this.out.write('\uFEFF');
		row(headings);
	}

	@Override
	public void row(List<?> cells) throws IOException {
		if (this.closed) {
			throw new IllegalStateException("The export is closed");
		}
		StringBuilder line = new StringBuilder(cells.size() * 16 + 2);
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				line.append(',');
			}
			field(line, TableCell.of(cells.get(i)));
		}
		this.out.append(line).append("\r\n");
	}

	private static void field(StringBuilder line, TableCell cell) {
		if (cell instanceof TableCell.Text text) {
			quoted(line, TableExport.neutralised(text.text()));
		}
		else if (cell instanceof TableCell.Numeric number) {
			line.append(number.plain());
		}
		else if (cell instanceof TableCell.Day day) {
			line.append(day.date());
		}
		else if (cell instanceof TableCell.Logical logical) {
			line.append(logical.value() ? "TRUE" : "FALSE");
		}
	}

	/**
	 * The text, in double quotes (doubled inside) when it holds a comma, quote or line
	 * end.
	 */
	private static void quoted(StringBuilder line, String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == ',' || c == '"' || c == '\r' || c == '\n') {
				line.append('"').append(text.replace("\"", "\"\"")).append('"');
				return;
			}
		}
		line.append(text);
	}

	/** Flushes what is left; the stream stays open for its owner. */
	@Override
	public void close() throws IOException {
		if (!this.closed) {
			this.closed = true;
			this.out.flush();
		}
	}

}
