package org.carecycle.providers.imports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.carecycle.providers.imports.table.TabularFileException;
import org.carecycle.providers.imports.table.TabularReader;

/**
 * The header row of a file that is not CQC's own (the first row that is not blank, or the
 * row given) and its first rows, each as wide as the header.
 *
 * @param headerRow the header's 1-based row number
 * @param headers the header cells
 * @param rows the first rows below it
 */
record FileHead(long headerRow, List<String> headers, List<List<String>> rows) {

	/** The most columns a mapped file may have. */
	static final int MAX_COLUMNS = 300;

	static FileHead read(Path file, long headerRow, int rowCount) throws TabularFileException {
		try (TabularReader reader = TabularReader.open(file)) {
			List<String> cells;
			List<String> headers = null;
			long found = 0;
			List<List<String>> rows = new ArrayList<>();
			while (rows.size() < rowCount && (cells = reader.nextRow()) != null) {
				if (headers == null) {
					if (headerRow == 0 || reader.rowNumber() == headerRow) {
						headers = List.copyOf(cells);
						found = reader.rowNumber();
					}
					continue;
				}
				List<String> row = new ArrayList<>(headers.size());
				for (int i = 0; i < headers.size(); i++) {
					row.add((i < cells.size()) ? cells.get(i) : "");
				}
				rows.add(List.copyOf(row));
			}
			return new FileHead(found, (headers != null) ? headers : List.of(), List.copyOf(rows));
		}
	}

	/**
	 * Whether it looks like a table of locations: a header with at least two named
	 * columns (and not too many to choose between) and at least one row below it.
	 */
	boolean isTable() {
		long named = this.headers.stream().filter(header -> !header.isBlank()).count();
		return named >= 2 && this.headers.size() <= MAX_COLUMNS && !this.rows.isEmpty();
	}

}
