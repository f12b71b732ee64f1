package org.carecycle.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;

/** What a cell of a {@link TableExport} holds, once its value has been sorted by type. */
sealed interface TableCell {

	/**
	 * The cell for a value, or null for an empty one.
	 * @param value a {@link CharSequence}, {@link Number}, {@link LocalDate},
	 * {@link Boolean}, {@link Enum} or null
	 * @return the cell, or null for an empty one
	 * @throws IllegalArgumentException for a value of any other type
	 */
	static TableCell of(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof CharSequence text) {
			return new Text(text.toString());
		}
		if (value instanceof Number number) {
			String plain = plain(number);
			return (plain != null) ? new Numeric(plain) : new Text(number.toString());
		}
		if (value instanceof LocalDate date) {
			return new Day(date);
		}
		if (value instanceof Boolean bool) {
			return new Logical(bool);
		}
		if (value instanceof Enum<?> constant) {
			return new Text(constant.name());
		}
		throw new IllegalArgumentException("Cannot export a cell of type " + value.getClass().getName());
	}

	/**
	 * A number written out in full, with no exponent, or null for one that is not finite.
	 */
	static String plain(Number number) {
		if (number instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte
				|| number instanceof BigInteger) {
			return number.toString();
		}
		if (number instanceof Float value) {
			return Float.isFinite(value) ? new BigDecimal(value.toString()).stripTrailingZeros().toPlainString() : null;
		}
		if (!(number instanceof Double)) {
			try {
				return new BigDecimal(number.toString()).toPlainString();
			}
			catch (NumberFormatException ex) {
				// read it as a double
			}
		}
		double value = number.doubleValue();
		return Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() : null;
	}

	/** Text, not yet neutralised. */
	record Text(String text) implements TableCell {
	}

	/** A number, written out in full. */
	record Numeric(String plain) implements TableCell {
	}

	record Day(LocalDate date) implements TableCell {
	}

	record Logical(boolean value) implements TableCell {
	}

}
