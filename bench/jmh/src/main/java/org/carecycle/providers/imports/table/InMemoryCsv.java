package org.carecycle.providers.imports.table;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.carecycle.providers.imports.table.TabularReader.Format;

/**
 * Opens CSV bytes held in memory as the import opens a CSV file
 * ({@link TabularFiles#open}), without the file: the benchmarks measure parsing, not the
 * disk.
 */
public final class InMemoryCsv {

	private InMemoryCsv() {
	}

	public static TabularReader open(byte[] csv) throws TabularFileException {
		try {
			return NonBlankRows.open(Format.CSV, new CsvRows(new ByteArrayInputStream(csv)));
		}
		catch (IOException ex) {
			throw TabularFileException.unreadable(ex);
		}
	}

}
