package org.carecycle.oversight;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period that a KPI return covers: a calendar month ({@code 2026-10}) or a calendar
 * quarter ({@code 2026-Q3}, July to September). A return is due {@value #DUE_DAYS} days
 * after its period ends.
 */
public record KpiPeriod(Frequency frequency, LocalDate start) {

	/** Days after the end of a period by which its return is due. */
	public static final int DUE_DAYS = 15;

	private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

	private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

	/** How often a KPI is returned. */
	public enum Frequency {

		MONTHLY, QUARTERLY;

		public String messageKey() {
			return "kpi.frequency." + name();
		}

	}

	public KpiPeriod {
		if (frequency == null || start == null) {
			throw new IllegalArgumentException("A period needs a frequency and a start");
		}
		boolean aligned = start.getDayOfMonth() == 1
				&& (frequency == Frequency.MONTHLY || (start.getMonthValue() - 1) % 3 == 0);
		if (!aligned) {
			throw new IllegalArgumentException("Not the start of a " + frequency + " period: " + start);
		}
	}

	/** Reads a period as written in returns, CSV files and the API. */
	public static Optional<KpiPeriod> parse(String label) {
		if (label == null) {
			return Optional.empty();
		}
		String text = label.strip().toUpperCase(java.util.Locale.ROOT);
		Matcher month = MONTH.matcher(text);
		if (month.matches()) {
			int number = Integer.parseInt(month.group(2));
			int year = Integer.parseInt(month.group(1));
			if (number < 1 || number > 12 || year < 2000) {
				return Optional.empty();
			}
			return Optional.of(new KpiPeriod(Frequency.MONTHLY, LocalDate.of(year, number, 1)));
		}
		Matcher quarter = QUARTER.matcher(text);
		if (quarter.matches()) {
			int year = Integer.parseInt(quarter.group(1));
			if (year < 2000) {
				return Optional.empty();
			}
			int first = (Integer.parseInt(quarter.group(2)) - 1) * 3 + 1;
			return Optional.of(new KpiPeriod(Frequency.QUARTERLY, LocalDate.of(year, first, 1)));
		}
		return Optional.empty();
	}

	/** The period of this frequency that holds a date. */
	public static KpiPeriod containing(Frequency frequency, LocalDate date) {
		int month = (frequency == Frequency.MONTHLY) ? date.getMonthValue() : ((date.getMonthValue() - 1) / 3) * 3 + 1;
		return new KpiPeriod(frequency, LocalDate.of(date.getYear(), month, 1));
	}

	public LocalDate end() {
		return YearMonth.from(this.start).plusMonths(months() - 1).atEndOfMonth();
	}

	public LocalDate dueOn() {
		return end().plusDays(DUE_DAYS);
	}

	public KpiPeriod previous() {
		return new KpiPeriod(this.frequency, this.start.minusMonths(months()));
	}

	public KpiPeriod next() {
		return new KpiPeriod(this.frequency, this.start.plusMonths(months()));
	}

	private int months() {
		return (this.frequency == Frequency.MONTHLY) ? 1 : 3;
	}

	/** Whether the period is over on a date, so its return can be made. */
	public boolean isOverOn(LocalDate date) {
		return end().isBefore(date);
	}

	/** As written in returns: {@code 2026-10} or {@code 2026-Q3}. */
	public String label() {
		if (this.frequency == Frequency.MONTHLY) {
			return YearMonth.from(this.start).toString();
		}
		return this.start.getYear() + "-Q" + ((this.start.getMonthValue() - 1) / 3 + 1);
	}

	/** As read on a page: "October 2026" or "July to September 2026". */
	public String displayName() {
		var format = java.time.format.DateTimeFormatter.ofPattern("MMMM", java.util.Locale.UK);
		if (this.frequency == Frequency.MONTHLY) {
			return this.start.format(format) + " " + this.start.getYear();
		}
		return this.start.format(format) + " to " + end().format(format) + " " + this.start.getYear();
	}

	@Override
	public String toString() {
		return label();
	}

}
