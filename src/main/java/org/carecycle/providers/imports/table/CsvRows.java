package org.carecycle.providers.imports.table;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The records of a UTF-8 CSV file (RFC 4180), parsed by Commons CSV. A record with line
 * breaks inside quotes is one row, as a spreadsheet shows it.
 */
final class CsvRows implements RowSource {

	/**
	 * As a spreadsheet reads CSV: a blank line is a row (so row numbers match what a
	 * person sees), and text after a closing quote is kept.
	 */
	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
		.setIgnoreEmptyLines(false)
		.setTrailingData(true)
		.get();

	private final Text text;

	private final CSVParser parser;

	private final Iterator<CSVRecord> records;

	private long rowNumber;

	CsvRows(InputStream in) throws IOException {
		this.text = new Text(in);
		this.parser = CSVParser.parse(this.text, FORMAT);
		this.records = this.parser.iterator();
	}

	@Override
	public List<String> next() throws TabularFileException {
		CSVRecord record;
		try {
			if (!this.records.hasNext()) {
				return null;
			}
			record = this.records.next();
		}
		catch (UncheckedIOException ex) {
			throw refusal(ex.getCause());
		}
		this.rowNumber++;
		this.text.rowEnded();
		if (record.size() > Limits.MAX_CELLS) {
			throw TabularFileException.tooManyCells(this.rowNumber);
		}
		String[] cells = record.values();
		for (String cell : cells) {
			if (cell.length() > Limits.MAX_CELL_CHARS) {
				throw TabularFileException.cellTooLong(this.rowNumber);
			}
		}
		return Arrays.asList(cells);
	}

	/**
	 * What to tell a person about a failure while reading the next row. Commons CSV's own
	 * failures, with lenient trailing data, are a quote still open at the end.
	 */
	private TabularFileException refusal(IOException ex) {
		long row = this.rowNumber + 1;
		if (!(ex instanceof Refusal refusal)) {
			return TabularFileException.unclosedQuote(row);
		}
		return switch (refusal.reason) {
			case NOT_UTF_8 -> TabularFileException.notUtf8(row);
			case NUL -> TabularFileException.wrongType();
			// No spreadsheet writes a row this long: a quote left open is far more
			// likely when it swallowed line ends.
			case ROW_TOO_LONG ->
				this.text.rowHasLineBreak() ? TabularFileException.unclosedQuote(row) : TabularFileException.tooLarge();
			case UNREADABLE -> TabularFileException.unreadable(refusal.getCause());
		};
	}

	@Override
	public long rowNumber() {
		return this.rowNumber;
	}

	@Override
	public void close() {
		try {
			this.parser.close();
		}
		catch (IOException ex) {
			// nothing more to release
		}
	}

	/** Why the text stopped. */
	private enum Reason {

		NOT_UTF_8, NUL, ROW_TOO_LONG, UNREADABLE

	}

	/** A failure of the text under the parser, which the parser passes on as it is. */
	private static final class Refusal extends IOException {

		private static final long serialVersionUID = 1L;

		private final transient Reason reason;

		Refusal(Reason reason, Throwable cause) {
			super(reason.name(), cause);
			this.reason = reason;
		}

	}

	/**
	 * The file's text for the parser. The JDK's readers drop the characters decoded
	 * before a malformed byte, so the error would name an earlier row; this one hands
	 * them out first. It also drops a byte order mark, refuses NUL characters, and bounds
	 * the text of one row, which Commons CSV would otherwise hold in memory whole when a
	 * quote is never closed.
	 */
	private static final class Text extends Reader {

		/** Ten of the longest cells; far beyond any row of a CQC file. */
		private static final long MAX_ROW_CHARS = 10L * Limits.MAX_CELL_CHARS;

		private final InputStream in;

		private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);

		private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024).flip();

		private boolean endOfInput;

		private boolean decoded;

		private boolean started;

		private Refusal failure;

		private long rowChars;

		private boolean rowLineBreak;

		Text(InputStream in) {
			this.in = in;
		}

		void rowEnded() {
			this.rowChars = 0;
			this.rowLineBreak = false;
		}

		boolean rowHasLineBreak() {
			return this.rowLineBreak;
		}

		@Override
		public int read(char[] buffer, int offset, int length) throws IOException {
			if (this.failure != null) {
				throw this.failure;
			}
			if (length == 0) {
				return 0;
			}
			int count = decode(buffer, offset, length);
			if (count == 0) {
				if (this.failure != null) {
					throw this.failure;
				}
				return -1;
			}
			if (!this.started) {
				this.started = true;
				if (buffer[offset] == '\uFEFF') {
					System.arraycopy(buffer, offset + 1, buffer, offset, --count);
					if (count == 0) {
						return read(buffer, offset, length);
					}
				}
			}
			for (int i = offset; i < offset + count; i++) {
				char c = buffer[i];
				if (c == 0) {
					throw this.failure = new Refusal(Reason.NUL, null);
				}
				if (c == '\n' || c == '\r') {
					this.rowLineBreak = true;
				}
			}
			this.rowChars += count;
			if (this.rowChars > MAX_ROW_CHARS) {
				throw this.failure = new Refusal(Reason.ROW_TOO_LONG, null);
			}
			return count;
		}

		/**
		 * Decodes into the buffer, returning how many characters, or 0 at the end or at a
		 * malformed byte with nothing decoded before it.
		 */
		private int decode(char[] buffer, int offset, int length) throws Refusal {
			CharBuffer chars = CharBuffer.wrap(buffer, offset, length);
			try {
				while (!this.decoded) {
					CoderResult result = this.decoder.decode(this.bytes, chars, this.endOfInput);
					if (result.isError()) {
						this.failure = new Refusal(Reason.NOT_UTF_8, null);
						break;
					}
					if (result.isOverflow()) {
						break;
					}
					if (this.endOfInput) {
						this.decoder.flush(chars);
						this.decoded = true;
						break;
					}
					if (chars.position() > offset) {
						break;
					}
					this.bytes.compact();
					int read = this.in.read(this.bytes.array(), this.bytes.position(), this.bytes.remaining());
					if (read < 0) {
						this.endOfInput = true;
					}
					else {
						this.bytes.position(this.bytes.position() + read);
					}
					this.bytes.flip();
				}
			}
			catch (IOException ex) {
				this.failure = new Refusal(Reason.UNREADABLE, ex);
			}
			return chars.position() - offset;
		}

		@Override
		public void close() throws IOException {
			this.in.close();
		}

	}

}
