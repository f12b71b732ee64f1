package org.carecycle.providers.imports.table;

/**
 * How much a file may hold before it is refused, so that one file cannot exhaust memory.
 *
 * @param maxEntryBytes the most bytes read, once unzipped, from any part of a spreadsheet
 * @param maxEntries the most parts a spreadsheet's zip may have
 * @param maxSharedStrings the most characters of XLSX shared strings kept in memory,
 * counting {@link #SHARED_STRING_OVERHEAD} for each string
 */
record Limits(long maxEntryBytes, int maxEntries, long maxSharedStrings) {

	/** The most characters in one cell. */
	static final int MAX_CELL_CHARS = 100_000;

	/** The most cells in one row; spreadsheet cells further right are ignored. */
	static final int MAX_CELLS = 2_000;

	/** The most rows a spreadsheet can have; repeated rows stop here. */
	static final long MAX_ROWS = 1_048_576;

	/** What each shared string costs, beyond its characters, in memory. */
	static final int SHARED_STRING_OVERHEAD = 32;

	static final Limits DEFAULT = new Limits(2L * 1024 * 1024 * 1024, 10_000, 50_000_000);

}
