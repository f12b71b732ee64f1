package org.carecycle.providers.imports.table;

import java.util.Collections;
import java.util.List;

/**
 * Hands out the rows of a source that have something in them, without trailing empty
 * cells, and refuses a source with no such row as empty.
 */
final class NonBlankRows implements TabularReader {

	private final Format format;

	private final RowSource source;

	private List<String> first;

	private long firstNumber;

	private long rowNumber;

	private boolean closed;

	private NonBlankRows(Format format, RowSource source) {
		this.format = format;
		this.source = source;
	}

	/**
	 * Reads ahead to the first row with something in it, closing the source if there is
	 * none.
	 */
	static NonBlankRows open(Format format, RowSource source) throws TabularFileException {
		NonBlankRows rows = new NonBlankRows(format, source);
		try {
			rows.first = rows.read();
		}
		catch (TabularFileException | RuntimeException ex) {
			source.close();
			throw ex;
		}
		if (rows.first == null) {
			source.close();
			throw TabularFileException.empty();
		}
		rows.firstNumber = source.rowNumber();
		return rows;
	}

	@Override
	public List<String> nextRow() throws TabularFileException {
		if (this.first != null) {
			List<String> row = this.first;
			this.first = null;
			this.rowNumber = this.firstNumber;
			return row;
		}
		if (this.closed) {
			return null;
		}
		List<String> row = read();
		if (row != null) {
			this.rowNumber = this.source.rowNumber();
		}
		return row;
	}

	private List<String> read() throws TabularFileException {
		List<String> row;
		while ((row = this.source.next()) != null) {
			int end = row.size();
			while (end > 0 && row.get(end - 1).isEmpty()) {
				end--;
			}
			if (hasText(row, end)) {
				return Collections.unmodifiableList((end == row.size()) ? row : row.subList(0, end));
			}
		}
		return null;
	}

	private static boolean hasText(List<String> row, int end) {
		for (int i = 0; i < end; i++) {
			if (!row.get(i).isBlank()) {
				return true;
			}
		}
		return false;
	}

	@Override
	public long rowNumber() {
		return this.rowNumber;
	}

	@Override
	public Format format() {
		return this.format;
	}

	@Override
	public void close() {
		if (!this.closed) {
			this.closed = true;
			this.first = null;
			this.source.close();
		}
	}

}
