package org.carecycle.web;

import java.util.Locale;
import java.util.Set;

/**
 * The column a table is sorted by, read from the {@code sort} and {@code order} request
 * parameters and checked against the columns the table allows, so a request can never
 * pick an arbitrary SQL column.
 *
 * @param column one of the allowed column keys
 * @param descending whether the order is descending
 */
public record SortOrder(String column, boolean descending) {

	public static SortOrder parse(String column, String order, Set<String> allowed, SortOrder fallback) {
		if (column == null || !allowed.contains(column)) {
			return fallback;
		}
		return new SortOrder(column, "descending".equals(order == null ? "" : order.toLowerCase(Locale.ROOT)));
	}

	/** The value of the {@code aria-sort} attribute for a column header. */
	public String ariaSort(String key) {
		if (!this.column.equals(key)) {
			return "none";
		}
		return this.descending ? "descending" : "ascending";
	}

	/**
	 * The order a link on a column header should ask for: the other way for the current
	 * column.
	 */
	public String nextOrder(String key) {
		return (this.column.equals(key) && !this.descending) ? "descending" : "ascending";
	}

	/** {@code asc} or {@code desc}, for SQL built from an allowed column. */
	public String sqlDirection() {
		return this.descending ? "desc" : "asc";
	}

}
