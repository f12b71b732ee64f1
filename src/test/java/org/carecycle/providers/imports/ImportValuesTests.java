package org.carecycle.providers.imports;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Dates as the CQC's files and people's spreadsheets write them. */
class ImportValuesTests {

	private static final LocalDate DAY = LocalDate.of(2019, 3, 27);

	@Test
	void readsEveryShapeOfDateTheFilesUse() {
		for (String written : new String[] { "27/03/2019", "27/3/2019", " 27/03/2019 ", "2019-03-27",
				"2019-03-27T00:00:00", "27-03-2019", "27 Mar 2019", "27-Mar-19", "27 March 2019", "27 MARCH 2019" }) {
			assertThat(ImportValues.date(written)).as(written).isEqualTo(DAY);
		}
	}

	@Test
	void refusesDatesThatDoNotExistOrAreNotDates() {
		for (String written : new String[] { "31/02/2019", "29/02/2019", "00/03/2019", "27/13/2019", "27/03/2019/1",
				"27//2019", "27/03-2019", "twenty", "2019", "" }) {
			assertThat(ImportValues.date(written)).as(written).isNull();
		}
		assertThat(ImportValues.date("29/02/2020")).isEqualTo(LocalDate.of(2020, 2, 29));
		assertThat(ImportValues.date(null)).isNull();
	}

}
