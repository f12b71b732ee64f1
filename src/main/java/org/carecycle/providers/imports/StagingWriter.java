package org.carecycle.providers.imports;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows into a staging table with PostgreSQL's COPY, a buffer at a time, so that a
 * file of any length costs the same memory.
 */
final class StagingWriter implements AutoCloseable {

	private static final int FLUSH_AT = 64 * 1024;

	private final CopyIn copy;

	private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);

	private long rows;

	StagingWriter(Connection connection, String table, String columns) throws SQLException {
		this.copy = connection.unwrap(PGConnection.class)
			.getCopyAPI()
			.copyIn("copy " + table + " (" + columns + ") from stdin with (format csv)");
	}

	/**
	 * Adds a row; values may be Strings, numbers, dates or null. Arrays are given as
	 * String[].
	 */
	void row(Object... values) throws SQLException {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				this.buffer.append(',');
			}
			Object value = values[i];
			if (value == null) {
				continue;
			}
			String text = (value instanceof String[] array) ? arrayLiteral(array) : value.toString();
			this.buffer.append('"').append(text.replace("\"", "\"\"")).append('"');
		}
		this.buffer.append('\n');
		this.rows++;
		if (this.buffer.length() >= FLUSH_AT) {
			flush();
		}
	}

	long rows() {
		return this.rows;
	}

	private void flush() throws SQLException {
		byte[] bytes = this.buffer.toString().getBytes(StandardCharsets.UTF_8);
		this.copy.writeToCopy(bytes, 0, bytes.length);
		this.buffer.setLength(0);
	}

	@Override
	public void close() throws SQLException {
		if (this.buffer.length() > 0) {
			flush();
		}
		this.copy.endCopy();
	}

	private static String arrayLiteral(String[] values) {
		StringBuilder literal = new StringBuilder("{");
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				literal.append(',');
			}
			literal.append('"').append(values[i].replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
		}
		return literal.append('}').toString();
	}

}
