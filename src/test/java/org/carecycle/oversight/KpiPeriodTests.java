package org.carecycle.oversight;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KpiPeriodTests {

	@Test
	void readsMonthsAndQuartersAsProvidersWriteThem() {
		KpiPeriod october = KpiPeriod.parse(" 2026-10 ").orElseThrow();
		assertThat(october.frequency()).isEqualTo(KpiPeriod.Frequency.MONTHLY);
		assertThat(october.end()).isEqualTo(LocalDate.of(2026, 10, 31));
		assertThat(october.dueOn()).isEqualTo(LocalDate.of(2026, 11, 15));
		assertThat(october.displayName()).isEqualTo("October 2026");
		KpiPeriod quarter = KpiPeriod.parse("2026-q3").orElseThrow();
		assertThat(quarter.start()).isEqualTo(LocalDate.of(2026, 7, 1));
		assertThat(quarter.end()).isEqualTo(LocalDate.of(2026, 9, 30));
		assertThat(quarter.label()).isEqualTo("2026-Q3");
		assertThat(quarter.displayName()).isEqualTo("July to September 2026");
		assertThat(quarter.next().label()).isEqualTo("2026-Q4");
		assertThat(KpiPeriod.parse("2026-Q1").orElseThrow().previous().label()).isEqualTo("2025-Q4");
	}

	@Test
	void refusesWhatIsNotAPeriod() {
		for (String wrong : new String[] { "2026-13", "2026-00", "2026-Q5", "26-10", "October", "", "2026-10-01",
				"1999-01", "2026-10; drop table kpi" }) {
			assertThat(KpiPeriod.parse(wrong)).as(wrong).isEmpty();
		}
		assertThat(KpiPeriod.parse(null)).isEmpty();
	}

	@Test
	void aPeriodIsOverOnTheDayAfterItEnds() {
		KpiPeriod october = KpiPeriod.parse("2026-10").orElseThrow();
		assertThat(october.isOverOn(LocalDate.of(2026, 10, 31))).isFalse();
		assertThat(october.isOverOn(LocalDate.of(2026, 11, 1))).isTrue();
		assertThat(KpiPeriod.containing(KpiPeriod.Frequency.QUARTERLY, LocalDate.of(2026, 11, 22)).label())
			.isEqualTo("2026-Q4");
	}

	@Test
	void theLastMonthDueForRiskIsTheLatestWhoseDueDateHasPassed() {
		assertThat(RiskProfiles.lastDueMonth(LocalDate.of(2026, 11, 22)).label()).isEqualTo("2026-10");
		assertThat(RiskProfiles.lastDueMonth(LocalDate.of(2026, 11, 15)).label()).isEqualTo("2026-09");
		assertThat(RiskProfiles.lastDueMonth(LocalDate.of(2026, 11, 16)).label()).isEqualTo("2026-10");
	}

}
