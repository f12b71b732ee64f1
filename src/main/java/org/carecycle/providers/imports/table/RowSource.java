package org.carecycle.providers.imports.table;

import java.util.List;

/**
 * The rows of one format as it stores them, blank rows and trailing empty cells included.
 */
interface RowSource {

	/** The next row, or null at the end. */
	List<String> next() throws TabularFileException;

	/** The 1-based number of the row last returned by {@link #next()}. */
	long rowNumber();

	/** Releases the file. */
	void close();

}
