package org.carecycle.oversight;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The KPI drift warning's CUSUM, on monthly counts of figures out of tolerance. */
class KpiDriftTests {

	private static int[] months(int[] baseline, int... watched) {
		int[] all = new int[EarlyWarnings.KPI_BASELINE_MONTHS + EarlyWarnings.KPI_WATCHED_MONTHS];
		System.arraycopy(baseline, 0, all, 0, baseline.length);
		System.arraycopy(watched, 0, all, EarlyWarnings.KPI_BASELINE_MONTHS, watched.length);
		return all;
	}

	private static final int[] QUIET = new int[12];

	private static final int[] BUSY = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 };

	@Test
	void aServiceCarryingOnAsUsualRaisesNothing() {
		assertThat(EarlyWarnings.cusumPeak(months(QUIET, 0, 0, 0, 0, 0, 0))).isZero();
		assertThat(EarlyWarnings.cusumPeak(months(BUSY, 1, 1, 1, 1, 1, 1))).isZero();
		assertThat(EarlyWarnings.cusumPeak(months(BUSY, 2, 0, 2, 1, 0, 1))).isLessThan(EarlyWarnings.KPI_ALARM);
	}

	@Test
	void oneBadMonthOfTwoFiguresIsNotYetADrift() {
		assertThat(EarlyWarnings.cusumPeak(months(QUIET, 0, 0, 0, 2, 0, 0))).isLessThan(EarlyWarnings.KPI_ALARM);
	}

	@Test
	void aSmallPersistentExcessAddsUpToAWarningThatNoSingleMonthWouldGive() {
		double peak = EarlyWarnings.cusumPeak(months(QUIET, 0, 0, 0, 1, 1, 1));
		assertThat(peak).isGreaterThanOrEqualTo(EarlyWarnings.KPI_ALARM);
		assertThat(EarlyWarnings.cusumPeak(months(BUSY, 2, 3, 3, 3, 2, 3))).as("a busy service doubling its usual rate")
			.isGreaterThanOrEqualTo(EarlyWarnings.KPI_ALARM);
	}

}
