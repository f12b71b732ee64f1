package org.carecycle.commissioning;

import java.io.IOException;
import java.io.StringReader;
import java.util.Map;

import org.carecycle.commissioning.PopulationImport.Checked;
import org.carecycle.commissioning.PopulationImport.Kind;
import org.carecycle.commissioning.PopulationImport.Refusal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checking a population file: the two ONS shapes are read into five-year bands, and every
 * bad row is refused with its line and reason, so that nothing of a bad file is taken.
 */
class PopulationImportTests {

	private static final Map<String, String> KNOWN = Map.of("E06000052", "Cornwall", "TRURO", "Truro and Roseland");

	private static Checked check(String csv, Kind kind, Integer year) throws IOException {
		return PopulationImport.check(new StringReader(csv), kind, year, KNOWN);
	}

	@Test
	void readsTheLongShapeAddingMenAndWomen() throws IOException {
		Checked checked = check("""
				area_code,area_name,sex,age_band,year,population
				E06000052,Cornwall,male,65-69,2030,100.5
				E06000052,Cornwall,female,65-69,2030,120
				TRURO,Truro,persons,90+,2030,40
				""", Kind.PROJECTIONS, null);
		assertThat(checked.refusals()).isEmpty();
		assertThat(checked.rows()).hasSize(2);
		assertThat(checked.rows())
			.anySatisfy(row -> assertThat(row.people()).isEqualByComparingTo("220.5").isNotNull());
		assertThat(checked.rows()).allSatisfy(row -> assertThat(row.projected()).isTrue());
	}

	@Test
	void readsTheWideShapeOfMidYearEstimatesIntoBands() throws IOException {
		StringBuilder header = new StringBuilder("utla22_code,utla22_name,all_ages");
		StringBuilder row = new StringBuilder("E06000052,Cornwall,91");
		for (int age = 0; age <= 90; age++) {
			header.append(',').append((age == 90) ? "age_90_plus" : "age_" + age);
			row.append(",1");
		}
		Checked checked = check(header + "\n" + row + "\n", Kind.ESTIMATES, 2020);
		assertThat(checked.refusals()).isEmpty();
		assertThat(checked.rows()).hasSize(19);
		assertThat(checked.rows()).filteredOn(r -> r.ageBand().equals("85-89"))
			.singleElement()
			.satisfies(r -> assertThat(r.people()).isEqualByComparingTo("5"));
		assertThat(checked.rows()).filteredOn(r -> r.ageBand().equals("90+"))
			.singleElement()
			.satisfies(r -> assertThat(r.people()).isEqualByComparingTo("1"));
	}

	@Test
	void refusesEveryBadRowAndTakesNoneOfTheFile() throws IOException {
		Checked checked = check("""
				area_code,area_name,age_band,year,population
				E06000052,Cornwall,65-69,2030,100
				E99999999,Nowhere,65-69,2030,100
				E06000052,Cornwall,65-69,2030,-4
				E06000052,Cornwall,70-74,2030,lots
				E06000052,Cornwall,65-69,2030,100
				E06000052,Cornwall,66-70,2030,100
				E06000052,Cornwall,75-79,20x0,100
				E06000052,Cornwall,80-84,2030
				""", Kind.PROJECTIONS, null);
		assertThat(checked.acceptable()).isFalse();
		assertThat(checked.rows()).isEmpty();
		assertThat(checked.refusals()).extracting(Refusal::line, Refusal::messageKey)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "population.import.refused.area"),
					org.assertj.core.groups.Tuple.tuple(4L, "population.import.refused.negative"),
					org.assertj.core.groups.Tuple.tuple(5L, "population.import.refused.figure"),
					org.assertj.core.groups.Tuple.tuple(6L, "population.import.refused.duplicate"),
					org.assertj.core.groups.Tuple.tuple(7L, "population.import.refused.ageBand"),
					org.assertj.core.groups.Tuple.tuple(8L, "population.import.refused.year"),
					org.assertj.core.groups.Tuple.tuple(9L, "population.import.refused.columns"));
	}

	@Test
	void refusesAFileOfTheWrongShape() throws IOException {
		Checked checked = check("name,count\nCornwall,5\n", Kind.ESTIMATES, null);
		assertThat(checked.refusals()).singleElement()
			.satisfies(r -> assertThat(r.messageKey()).isEqualTo("population.import.refused.shape"));
	}

	@Test
	void refusesAWideRowWhoseTotalIsNotTheSumOfItsAges() throws IOException {
		StringBuilder header = new StringBuilder("utla22_code,utla22_name,all_ages");
		StringBuilder row = new StringBuilder("E06000052,Cornwall,90");
		for (int age = 0; age <= 90; age++) {
			header.append(',').append((age == 90) ? "age_90_plus" : "age_" + age);
			row.append(",1");
		}
		Checked checked = check(header + "\n" + row + "\n", Kind.ESTIMATES, 2020);
		assertThat(checked.refusals()).extracting(Refusal::messageKey)
			.containsExactly("population.import.refused.total");
	}

	@Test
	void aWideFileNeedsTheYearOfItsEstimates() throws IOException {
		Checked checked = check("utla22_code,utla22_name,all_ages,age_0,age_90_plus\n", Kind.ESTIMATES, null);
		assertThat(checked.refusals()).extracting(Refusal::messageKey)
			.containsExactly("population.import.refused.yearNeeded");
	}

}
