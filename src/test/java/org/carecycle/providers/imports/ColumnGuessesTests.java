package org.carecycle.providers.imports;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** Best guesses of which column is which, from header names that are not CQC's. */
class ColumnGuessesTests {

	@Test
	void guessesEachColumnOfACouncilExtract() {
		List<String> headers = List.of("name", "cqc_id", "type", "address", "postcode", "provider", "inspection_date",
				"rating");
		assertThat(ColumnGuesses.guess(headers)).containsOnly(entry(MappedField.NAME, 0),
				entry(MappedField.LOCATION_ID, 1), entry(MappedField.SERVICE_TYPE, 2), entry(MappedField.ADDRESS, 3),
				entry(MappedField.POSTCODE, 4), entry(MappedField.PROVIDER_NAME, 5), entry(MappedField.RATED_ON, 6),
				entry(MappedField.RATING, 7));
	}

	@Test
	void guessesSpellingsCloseToTheUsualNamesButNotUnrelatedColumns() {
		List<String> headers = List.of("Service Name", "CQC Location Id", "Post Code", "Provider Name", "CQC Prov ID",
				"Ward", "Inspection Dt", "Notes");
		assertThat(ColumnGuesses.guess(headers)).containsEntry(MappedField.NAME, 0)
			.containsEntry(MappedField.LOCATION_ID, 1)
			.containsEntry(MappedField.POSTCODE, 2)
			.containsEntry(MappedField.PROVIDER_NAME, 3)
			.containsEntry(MappedField.PROVIDER_ID, 4)
			.containsEntry(MappedField.RATED_ON, 6)
			.doesNotContainValue(5)
			.doesNotContainValue(7);
	}

	@Test
	void readsTypesOfServiceAsPeopleWriteThem() {
		assertThat(MappedRows.serviceType("Nursing home"))
			.isEqualTo(org.carecycle.providers.ServiceType.CARE_HOME_NURSING);
		assertThat(MappedRows.serviceType("Care home without nursing"))
			.isEqualTo(org.carecycle.providers.ServiceType.CARE_HOME);
		assertThat(MappedRows.serviceType("Residential home")).isEqualTo(org.carecycle.providers.ServiceType.CARE_HOME);
		assertThat(MappedRows.serviceType("Domiciliary care")).isEqualTo(org.carecycle.providers.ServiceType.HOME_CARE);
		assertThat(MappedRows.serviceType("Hospital")).isNull();
	}

	@Test
	void matchesProviderNamesWhateverTheirCaseAndSuffix() {
		assertThat(ProviderMatcher.key("TRELAWNY CARE GROUP LTD"))
			.isEqualTo(ProviderMatcher.key("Trelawny Care Group Limited"));
		assertThat(ProviderMatcher.key("Fal Valley Care")).isNotEqualTo(ProviderMatcher.key("Fal Valley Homes"));
	}

}
