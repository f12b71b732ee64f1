package org.carecycle.safeguarding;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.carecycle.shared.UkTime;
import org.carecycle.shared.WorkingDays;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When the section 42 decision on a concern is due, and how the queue says it: by the end
 * of the working day {@code carecycle.safeguarding.decision-working-days} working days
 * after the concern was received (the next working day by default), across weekends and
 * bank holidays.
 */
@Component
public class DecisionTimer {

	/** The end of the working day, when a decision falls due. */
	public static final LocalTime END_OF_DAY = LocalTime.of(17, 0);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);

	/** What the queue shows: the message and its arguments, and how urgent it is. */
	public record Timer(String messageKey, Object[] arguments, boolean overdue, boolean dueToday) {

		/** The GOV.UK tag colour. */
		public String colour() {
			return this.overdue ? "red" : this.dueToday ? "orange" : "blue";
		}

	}

	private final WorkingDays workingDays;

	private final int days;

	DecisionTimer(WorkingDays workingDays, @Value("${carecycle.safeguarding.decision-working-days:1}") int days) {
		this.workingDays = workingDays;
		this.days = Math.max(0, days);
	}

	/** A timer on a fixed calendar, for tests. */
	public static DecisionTimer of(WorkingDays workingDays, int days) {
		return new DecisionTimer(workingDays, days);
	}

	/** When the decision on a concern received then is due. */
	public Instant dueAt(Instant receivedAt) {
		LocalDate received = receivedAt.atZone(UkTime.ZONE).toLocalDate();
		return this.workingDays.addWorkingDays(received, this.days).atTime(END_OF_DAY).atZone(UkTime.ZONE).toInstant();
	}

	/** How the time left (or past) reads at {@code now}. */
	public Timer timer(Instant due, Instant now) {
		ZonedDateTime dueAt = due.atZone(UkTime.ZONE);
		LocalDate dueOn = dueAt.toLocalDate();
		LocalDate today = now.atZone(UkTime.ZONE).toLocalDate();
		String time = time(dueAt.toLocalTime());
		if (now.isAfter(due)) {
			int late = this.workingDays.between(dueOn, today);
			if (late <= 0) {
				return new Timer("safeguarding.queue.timer.overdueSince", new Object[] { time }, true, true);
			}
			return new Timer("safeguarding.queue.timer.overdue", new Object[] { late }, true, false);
		}
		if (dueOn.equals(today)) {
			return new Timer("safeguarding.queue.timer.today", new Object[] { time }, false, true);
		}
		if (dueOn.equals(today.plusDays(1))) {
			return new Timer("safeguarding.queue.timer.tomorrow", new Object[] { time }, false, false);
		}
		return new Timer("safeguarding.queue.timer.on", new Object[] { time, dueOn.format(DAY) }, false, false);
	}

	/** 5pm, 9:30am. */
	static String time(LocalTime time) {
		int hour = time.getHour() % 12 == 0 ? 12 : time.getHour() % 12;
		String minutes = (time.getMinute() == 0) ? "" : ":%02d".formatted(time.getMinute());
		return hour + minutes + (time.getHour() < 12 ? "am" : "pm");
	}

}
