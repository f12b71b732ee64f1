package org.carecycle.shared;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Working days in England: Monday to Friday except bank holidays (kept in the database so
 * that an administrator can add next years' as they are announced).
 * <p>
 * The shared module owns the {@code bank_holiday} table (created with the concerns, in
 * {@code V9__concerns.sql}, before the calendar moved here): this class is the only one
 * that reads it.
 */
@Component
public class WorkingDays {

	private final JdbcClient jdbc;

	private final AtomicReference<Set<LocalDate>> holidays = new AtomicReference<>();

	WorkingDays(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A calendar with fixed holidays, for tests and the demo generator. */
	public static WorkingDays of(Set<LocalDate> holidays) {
		WorkingDays days = new WorkingDays(null);
		days.holidays.set(Set.copyOf(holidays));
		return days;
	}

	public boolean isWorkingDay(LocalDate date) {
		DayOfWeek day = date.getDayOfWeek();
		return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays().contains(date);
	}

	/**
	 * The day a target of {@code days} working days falls due for something received on
	 * {@code received}: a concern received on Friday with a 1-day target is due on
	 * Monday, or on Tuesday when Monday is a bank holiday.
	 */
	public LocalDate addWorkingDays(LocalDate received, int days) {
		LocalDate date = received;
		int left = days;
		while (left > 0) {
			date = date.plusDays(1);
			if (isWorkingDay(date)) {
				left--;
			}
		}
		return date;
	}

	/**
	 * Working days from {@code from} (exclusive) to {@code to} (inclusive); negative when
	 * {@code to} is earlier.
	 */
	public int between(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			return -between(to, from);
		}
		int count = 0;
		for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
			if (isWorkingDay(date)) {
				count++;
			}
		}
		return count;
	}

	private Set<LocalDate> holidays() {
		Set<LocalDate> known = this.holidays.get();
		if (known == null) {
			known = Set.copyOf(this.jdbc.sql("select holiday_on from bank_holiday").query(LocalDate.class).list());
			this.holidays.set(known);
		}
		return known;
	}

}
