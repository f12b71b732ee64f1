package org.carecycle.providers.imports.table;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The records of a UTF-8 CSV file (RFC 4180), decoded and split through fixed-size
 * buffers. A record with line breaks inside quotes is one row, as a spreadsheet shows it.
 */
final class CsvRows implements RowSource {

	private static final int EOF = -1;

	private static final int BUFFER = 64 * 1024;

	private final InputStream in;

	private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
		.onMalformedInput(CodingErrorAction.REPORT)
		.onUnmappableCharacter(CodingErrorAction.REPORT);

	private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER).flip();

	private final CharBuffer chars = CharBuffer.allocate(BUFFER).flip();

	private final StringBuilder field = new StringBuilder();

	private boolean endOfInput;

	private boolean decoded;

	private boolean malformed;

	private boolean started;

	private boolean atRowStart;

	private boolean quotedLineBreak;

	private long rowNumber;

	CsvRows(InputStream in) {
		this.in = in;
	}

	@Override
	public List<String> next() throws TabularFileException {
		this.atRowStart = true;
		int c = read();
		this.atRowStart = false;
		if (c == EOF) {
			return null;
		}
		this.rowNumber++;
		List<String> row = new ArrayList<>();
		while (true) {
			this.field.setLength(0);
			if (c == '"') {
				c = readQuoted();
			}
			c = readUnquoted(c);
			if (row.size() == Limits.MAX_CELLS) {
				throw TabularFileException.tooManyCells(this.rowNumber);
			}
			row.add(this.field.toString());
			if (c == ',') {
				c = read();
			}
			else {
				if (c == '\r' && peek() == '\n') {
					read();
				}
				return row;
			}
		}
	}

	/**
	 * Reads a quoted field after its opening quote, returning the character after the
	 * closing one.
	 */
	private int readQuoted() throws TabularFileException {
		this.quotedLineBreak = false;
		while (true) {
			int c = read();
			if (c == EOF) {
				throw TabularFileException.unclosedQuote(this.rowNumber);
			}
			if (c == '"') {
				if (peek() != '"') {
					return read();
				}
				read();
			}
			else if (c == '\r' || c == '\n') {
				this.quotedLineBreak = true;
			}
			append(c);
		}
	}

	/**
	 * Reads to the end of a field, keeping any text after a closing quote as a
	 * spreadsheet does, and returns the comma, line end or EOF that ends it.
	 */
	private int readUnquoted(int first) throws TabularFileException {
		int c = first;
		while (c != ',' && c != '\r' && c != '\n' && c != EOF) {
			append(c);
			c = read();
		}
		this.quotedLineBreak = false;
		return c;
	}

	private void append(int c) throws TabularFileException {
		if (c == 0) {
			throw TabularFileException.wrongType();
		}
		if (this.field.length() == Limits.MAX_CELL_CHARS) {
			// No spreadsheet writes a cell this long: a quote left open is far more
			// likely.
			throw this.quotedLineBreak ? TabularFileException.unclosedQuote(this.rowNumber)
					: TabularFileException.cellTooLong(this.rowNumber);
		}
		this.field.append((char) c);
	}

	private int read() throws TabularFileException {
		if (!this.chars.hasRemaining() && !fill()) {
			return EOF;
		}
		return this.chars.get();
	}

	private int peek() throws TabularFileException {
		if (!this.chars.hasRemaining() && !fill()) {
			return EOF;
		}
		return this.chars.get(this.chars.position());
	}

	/**
	 * Decodes more characters into the empty character buffer, returning false at the
	 * end. Characters before invalid bytes are handed out first, so the error names the
	 * right row.
	 */
	private boolean fill() throws TabularFileException {
		if (this.malformed) {
			throw TabularFileException.notUtf8(this.atRowStart ? this.rowNumber + 1 : this.rowNumber);
		}
		this.chars.clear();
		try {
			while (!this.decoded) {
				CoderResult result = this.decoder.decode(this.bytes, this.chars, this.endOfInput);
				if (result.isError()) {
					this.malformed = true;
					break;
				}
				if (result.isOverflow()) {
					break;
				}
				if (this.endOfInput) {
					this.decoder.flush(this.chars);
					this.decoded = true;
					break;
				}
				if (this.chars.position() > 0) {
					break;
				}
				this.bytes.compact();
				int count = this.in.read(this.bytes.array(), this.bytes.position(), this.bytes.remaining());
				if (count < 0) {
					this.endOfInput = true;
				}
				else {
					this.bytes.position(this.bytes.position() + count);
				}
				this.bytes.flip();
			}
		}
		catch (IOException ex) {
			throw TabularFileException.unreadable(ex);
		}
		this.chars.flip();
		if (!this.started && this.chars.hasRemaining()) {
			this.started = true;
			if (this.chars.get(0) == '\uFEFF') {
				this.chars.get();
			}
		}
		if (!this.chars.hasRemaining()) {
			return (this.malformed || !this.decoded) && fill();
		}
		return true;
	}

	@Override
	public long rowNumber() {
		return this.rowNumber;
	}

	@Override
	public void close() {
		try {
			this.in.close();
		}
		catch (IOException ex) {
			// nothing more to release
		}
	}

}
