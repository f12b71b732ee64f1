package org.carecycle.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;

import org.carecycle.shared.UkTime;

/**
 * Times of the day for a review's steps, each after the one before, and the working days
 * the steps fall on: what makes a generated timeline read like one an officer left.
 */
final class DemoReviewClock {

	private final Random random;

	Instant last;

	DemoReviewClock(Random random) {
		this.random = random;
	}

	/** During the working day. */
	Instant at(LocalDate date) {
		return after(date.atTime(9, 0).plusMinutes(this.random.nextInt(8 * 60)).atZone(UkTime.ZONE).toInstant());
	}

	/** After the visit, when the officer records it. */
	Instant evening(LocalDate date) {
		return after(date.atTime(16, 0).plusMinutes(this.random.nextInt(150)).atZone(UkTime.ZONE).toInstant());
	}

	/** Before the working day, when the system checks deadlines. */
	Instant early(LocalDate date) {
		return date.atTime(6, 0).plusMinutes(this.random.nextInt(30)).atZone(UkTime.ZONE).toInstant();
	}

	private Instant after(Instant candidate) {
		if (this.last != null && !candidate.isAfter(this.last)) {
			candidate = this.last.plus(Duration.ofMinutes(2 + this.random.nextInt(40)));
		}
		this.last = candidate;
		return candidate;
	}

	static LocalDate weekday(LocalDate date) {
		return switch (date.getDayOfWeek()) {
			case SATURDAY -> date.plusDays(2);
			case SUNDAY -> date.plusDays(1);
			default -> date;
		};
	}

	/** The last working day before this one. */
	static LocalDate workingDayBefore(LocalDate date) {
		LocalDate day = date.minusDays(1);
		while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
			day = day.minusDays(1);
		}
		return day;
	}

}
