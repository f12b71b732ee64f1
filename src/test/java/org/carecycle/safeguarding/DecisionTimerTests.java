package org.carecycle.safeguarding;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

import org.carecycle.shared.UkTime;
import org.carecycle.shared.WorkingDays;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The section 42 decision is due by the end of the next working day: across a weekend and
 * a bank holiday, and the queue says how long is left or how late it is in working days.
 */
class DecisionTimerTests {

	/** Easter Monday 2026. */
	private static final LocalDate EASTER_MONDAY = LocalDate.of(2026, 4, 6);

	private final DecisionTimer timer = DecisionTimer.of(WorkingDays.of(Set.of(EASTER_MONDAY)), 1);

	private static Instant at(LocalDate day, int hour, int minute) {
		return day.atTime(LocalTime.of(hour, minute)).atZone(UkTime.ZONE).toInstant();
	}

	@Test
	void aConcernReceivedOnFridayIsDueByFivePmOnMonday() {
		Instant due = this.timer.dueAt(at(LocalDate.of(2026, 3, 13), 16, 30));
		assertThat(due).isEqualTo(at(LocalDate.of(2026, 3, 16), 17, 0));
	}

	@Test
	void aBankHolidayMondayPushesItToTuesday() {
		// Good Friday is not in this calendar; Easter Monday is
		Instant due = this.timer.dueAt(at(LocalDate.of(2026, 4, 3), 9, 0));
		assertThat(due).isEqualTo(at(LocalDate.of(2026, 4, 7), 17, 0));
		Instant dueFromSaturday = this.timer.dueAt(at(LocalDate.of(2026, 4, 4), 11, 0));
		assertThat(dueFromSaturday).isEqualTo(at(LocalDate.of(2026, 4, 7), 17, 0));
	}

	@Test
	void theTimerSaysTodayTomorrowOrTheDay() {
		Instant due = at(LocalDate.of(2026, 3, 17), 17, 0);
		assertThat(this.timer.timer(due, at(LocalDate.of(2026, 3, 17), 10, 0)).messageKey())
			.isEqualTo("safeguarding.queue.timer.today");
		DecisionTimer.Timer tomorrow = this.timer.timer(due, at(LocalDate.of(2026, 3, 16), 10, 0));
		assertThat(tomorrow.messageKey()).isEqualTo("safeguarding.queue.timer.tomorrow");
		assertThat(tomorrow.arguments()).containsExactly("5pm");
		assertThat(tomorrow.overdue()).isFalse();
		DecisionTimer.Timer later = this.timer.timer(due, at(LocalDate.of(2026, 3, 13), 10, 0));
		assertThat(later.arguments()).containsExactly("5pm", "Tuesday 17 March");
	}

	@Test
	void lateDecisionsCountWorkingDaysAcrossTheWeekendAndTheBankHoliday() {
		// due on Thursday 2 April; on Tuesday 7 April it is 2 working days late
		// (Friday 3 April and Tuesday 7 April; the weekend and Easter Monday do not
		// count)
		Instant due = at(LocalDate.of(2026, 4, 2), 17, 0);
		DecisionTimer.Timer late = this.timer.timer(due, at(LocalDate.of(2026, 4, 7), 9, 0));
		assertThat(late.overdue()).isTrue();
		assertThat(late.messageKey()).isEqualTo("safeguarding.queue.timer.overdue");
		assertThat(late.arguments()).containsExactly(2);
		DecisionTimer.Timer sameEvening = this.timer.timer(due, at(LocalDate.of(2026, 4, 2), 18, 0));
		assertThat(sameEvening.messageKey()).isEqualTo("safeguarding.queue.timer.overdueSince");
		assertThat(sameEvening.colour()).isEqualTo("red");
	}

	@Test
	void theTargetIsConfigurable() {
		DecisionTimer twoDays = DecisionTimer.of(WorkingDays.of(Set.of()), 2);
		assertThat(twoDays.dueAt(at(LocalDate.of(2026, 3, 13), 9, 0))).isEqualTo(at(LocalDate.of(2026, 3, 17), 17, 0));
	}

	@Test
	void timesReadAsPeopleSayThem() {
		assertThat(DecisionTimer.time(LocalTime.of(17, 0))).isEqualTo("5pm");
		assertThat(DecisionTimer.time(LocalTime.of(9, 30))).isEqualTo("9:30am");
		assertThat(DecisionTimer.time(LocalTime.of(12, 0))).isEqualTo("12pm");
	}

}
