package org.carecycle.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PostcodeTests {

	@Test
	void readsPostcodesAsPeopleTypeThem() {
		assertThat(Postcode.parse(" tr1 3lj ")).contains(new Postcode("TR1 3LJ"));
		assertThat(Postcode.parse("pl253hy")).contains(new Postcode("PL25 3HY"));
		assertThat(Postcode.parse("SW1A 1AA").orElseThrow().value()).isEqualTo("SW1A 1AA");
		assertThat(Postcode.parse("EC1A1BB").orElseThrow().value()).isEqualTo("EC1A 1BB");
	}

	@Test
	void knowsItsDistrict() {
		assertThat(Postcode.parse("TR18 4AB").orElseThrow().district()).isEqualTo("TR18");
		assertThat(Postcode.parse("W1A 0AX").orElseThrow().district()).isEqualTo("W1A");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "TR1", "TR1 3L", "1TR 3LJ", "TR1 3LJX", "QR1 3LJ", "TR1 3CJ", "<script>", "TR1 3LJ;" })
	void refusesWhatIsNotAPostcode(String text) {
		assertThat(Postcode.parse(text)).isEmpty();
	}

	@Test
	void findsTheDistrictMeantByAPostcodeOrItsFirstPart() {
		assertThat(Postcode.districtOf("TR1 3LJ")).contains("TR1");
		assertThat(Postcode.districtOf("tr13lj")).contains("TR1");
		assertThat(Postcode.districtOf(" tr1 ")).contains("TR1");
		assertThat(Postcode.districtOf("tr1 3 lj")).contains("TR1");
		assertThat(Postcode.districtOf("TR10")).contains("TR10");
		assertThat(Postcode.districtOf("tr10 8aa")).contains("TR10");
		assertThat(Postcode.districtOf("SW1A")).contains("SW1A");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "Truro", "TR1 3", "1TR", "QR1", "TR1 3LJX", "<script>", "TR1;" })
	void findsNoDistrictInWhatIsNotAPostcode(String text) {
		assertThat(Postcode.districtOf(text)).isEmpty();
	}

	@Test
	void cannotBeMadeFromRubbish() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Postcode("nonsense"))
			.withMessage("Enter a real postcode");
	}

}
