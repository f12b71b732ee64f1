package org.carecycle.shared;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingDaysTests {

	private final WorkingDays days = WorkingDays.of(Set.of(LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 6),
			LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28)));

	@Test
	void aConcernReceivedOnFridayIsDueOnMonday() {
		assertThat(this.days.addWorkingDays(LocalDate.of(2026, 11, 20), 1)).isEqualTo(LocalDate.of(2026, 11, 23));
	}

	@Test
	void bankHolidaysDoNotCount() {
		// Received on the Thursday before Easter: Good Friday and Easter Monday are
		// holidays.
		assertThat(this.days.addWorkingDays(LocalDate.of(2026, 4, 2), 1)).isEqualTo(LocalDate.of(2026, 4, 7));
		// Five working days from Christmas Eve 2026 skip Christmas Day, the weekend and
		// the substitute Boxing Day.
		assertThat(this.days.addWorkingDays(LocalDate.of(2026, 12, 24), 5)).isEqualTo(LocalDate.of(2027, 1, 4));
	}

	@Test
	void countsWorkingDaysBetweenDates() {
		assertThat(this.days.between(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 27))).isEqualTo(5);
		assertThat(this.days.between(LocalDate.of(2026, 11, 27), LocalDate.of(2026, 11, 20))).isEqualTo(-5);
	}

}
