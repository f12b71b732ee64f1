package org.carecycle.web;

import java.time.DateTimeException;
import java.time.LocalDate;

import org.springframework.util.StringUtils;

/**
 * The three boxes of a GOV.UK date input, as typed. {@link #problem()} says what is wrong
 * in GOV.UK's words (as a message key); {@link #toDate()} gives the date when nothing is.
 *
 * @param day the day box
 * @param month the month box
 * @param year the year box
 */
public record DateInput(String day, String month, String year) {

	public static DateInput empty() {
		return new DateInput("", "", "");
	}

	public static DateInput of(LocalDate date) {
		return (date == null) ? empty() : new DateInput(String.valueOf(date.getDayOfMonth()),
				String.valueOf(date.getMonthValue()), String.valueOf(date.getYear()));
	}

	public boolean isBlank() {
		return !StringUtils.hasText(this.day) && !StringUtils.hasText(this.month) && !StringUtils.hasText(this.year);
	}

	/**
	 * The key of the message that explains what is wrong (with the date's name as its
	 * argument), or null when the boxes hold a real date or are all empty.
	 */
	public String problem() {
		if (isBlank()) {
			return null;
		}
		if (!StringUtils.hasText(this.day)) {
			return "date.error.missing.day";
		}
		if (!StringUtils.hasText(this.month)) {
			return "date.error.missing.month";
		}
		if (!StringUtils.hasText(this.year)) {
			return "date.error.missing.year";
		}
		if (!this.year.strip().matches("\\d{4}")) {
			return "date.error.year";
		}
		return (toDateOrNull() != null) ? null : "date.error.real";
	}

	/** The date, or null when the boxes are empty or do not hold a real date. */
	public LocalDate toDate() {
		return (problem() == null && !isBlank()) ? toDateOrNull() : null;
	}

	private LocalDate toDateOrNull() {
		try {
			return LocalDate.of(Integer.parseInt(this.year.strip()), Integer.parseInt(this.month.strip()),
					Integer.parseInt(this.day.strip()));
		}
		catch (NumberFormatException | DateTimeException ex) {
			return null;
		}
	}

}
