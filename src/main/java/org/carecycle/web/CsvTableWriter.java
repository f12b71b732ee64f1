package org.carecycle.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a {@link TableExport} as RFC 4180 CSV with Commons CSV: UTF-8 with a byte order
 * mark so that Excel reads it as UTF-8, CRLF line ends, dates as yyyy-MM-dd.
 */
final class CsvTableWriter implements TableExport.Writer {

	private final BufferedWriter out;

	private final CSVPrinter printer;

	private boolean closed;

	CsvTableWriter(OutputStream out, List<String> headings) throws IOException {
		this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
		this.out.write('\uFEFF');
		this.printer = new CSVPrinter(this.out, CSVFormat.RFC4180);
		row(headings);
	}

	@Override
	public void row(List<?> cells) throws IOException {
		if (this.closed) {
			throw new IllegalStateException("The export is closed");
		}
		// every cell first, so that one of an unknown type leaves no part of the row
		String[] fields = new String[cells.size()];
		for (int i = 0; i < fields.length; i++) {
			fields[i] = field(TableCell.of(cells.get(i)));
		}
		this.printer.printRecord((Object[]) fields);
	}

	private static String field(TableCell cell) {
		if (cell instanceof TableCell.Text text) {
			return TableExport.neutralised(text.text());
		}
		if (cell instanceof TableCell.Numeric number) {
			return number.plain();
		}
		if (cell instanceof TableCell.Day day) {
			return day.date().toString();
		}
		if (cell instanceof TableCell.Logical logical) {
			return logical.value() ? "TRUE" : "FALSE";
		}
		return "";
	}

	/** Flushes what is left; the stream stays open for its owner. */
	@Override
	public void close() throws IOException {
		if (!this.closed) {
			this.closed = true;
			this.printer.flush();
		}
	}

}
