package org.carecycle.providers.imports.table;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Finds the header row (the first row, within the first rows searched, that has a cell
 * matching a required column) and maps column names to indexes. Names match whatever
 * their case, spacing and punctuation ("Care home?" is "CARE HOME?"), a column can be
 * looked up by any of several accepted names ("Location Post Code" or "Location Postal
 * Code"), and extra or reordered columns do not matter.
 */
public final class HeaderRow {

	private final List<String> names;

	private final Map<String, Integer> indexes = new HashMap<>();

	private final Map<List<String>, OptionalInt> resolved = new HashMap<>();

	private final long rowNumber;

	private HeaderRow(List<String> names, long rowNumber) {
		this.names = List.copyOf(names);
		this.rowNumber = rowNumber;
		for (int i = 0; i < names.size(); i++) {
			String name = normalise(names.get(i));
			if (!name.isEmpty()) {
				this.indexes.putIfAbsent(name, i);
			}
		}
	}

	/**
	 * Reads rows until one has a cell matching the required column, leaving the reader on
	 * that row so that the next row read is the first below the header.
	 * @param reader the rows, none yet read
	 * @param requiredColumn the name of a column every file must have, as a person would
	 * write it
	 * @param maxRowsToSearch the last row number the header may be on
	 * @throws TabularFileException "The file does not have a Location ID column" (with
	 * the required column's name) if no row up to the last has the column
	 */
	public static HeaderRow find(TabularReader reader, String requiredColumn, int maxRowsToSearch)
			throws TabularFileException {
		String required = normalise(requiredColumn);
		if (required.isEmpty()) {
			throw new IllegalArgumentException("A column name needs letters or digits: " + requiredColumn);
		}
		List<String> row;
		while ((row = reader.nextRow()) != null && reader.rowNumber() <= maxRowsToSearch) {
			for (String cell : row) {
				if (normalise(cell).equals(required)) {
					return new HeaderRow(row, reader.rowNumber());
				}
			}
		}
		throw new TabularFileException("The file does not have a " + requiredColumn + " column");
	}

	/**
	 * A column name in lower case with letters and digits only: "Care home?" is
	 * "carehome".
	 */
	public static String normalise(String name) {
		StringBuilder normalised = new StringBuilder(name.length());
		name.codePoints()
			.filter(Character::isLetterOrDigit)
			.map(Character::toLowerCase)
			.forEach(normalised::appendCodePoint);
		return normalised.toString();
	}

	/** The 0-based index of the first of the accepted names that the header has. */
	public OptionalInt index(String... acceptedNames) {
		// asked for every cell of every row, so remembered
		return this.resolved.computeIfAbsent(java.util.Arrays.asList(acceptedNames), names -> find(acceptedNames));
	}

	private OptionalInt find(String... acceptedNames) {
		for (String name : acceptedNames) {
			Integer index = this.indexes.get(normalise(name));
			if (index != null) {
				return OptionalInt.of(index);
			}
		}
		return OptionalInt.empty();
	}

	/** Whether the header has a column with any of the accepted names. */
	public boolean has(String... acceptedNames) {
		return index(acceptedNames).isPresent();
	}

	/**
	 * The text in a row under the column with any of the accepted names, without spaces
	 * at either end, or "" if the header has no such column or the row stops before it.
	 */
	public String value(List<String> row, String... acceptedNames) {
		OptionalInt index = index(acceptedNames);
		if (index.isEmpty() || index.getAsInt() >= row.size()) {
			return "";
		}
		return row.get(index.getAsInt()).strip();
	}

	/** The header cells as written. */
	public List<String> names() {
		return this.names;
	}

	/** The 1-based number of the header row. */
	public long rowNumber() {
		return this.rowNumber;
	}

}
