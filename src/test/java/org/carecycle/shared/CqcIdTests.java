package org.carecycle.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CqcIdTests {

	@Test
	void acceptsCqcProviderAndLocationIds() {
		assertThat(CqcId.parse("1-101634329")).contains(new CqcId("1-101634329"));
		assertThat(CqcId.parse(" 1-10000302982 ")).contains(new CqcId("1-10000302982"));
	}

	@Test
	void refusesOtherShapes() {
		assertThat(CqcId.parse("101634329")).isEmpty();
		assertThat(CqcId.parse("1-12345")).isEmpty();
		assertThat(CqcId.parse("RX2G9")).isEmpty();
		assertThat(CqcId.parse("1-1234567890123")).isEmpty();
		assertThat(CqcId.parse(null)).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> new CqcId("2-101634329"))
			.withMessageContaining("1-545611283");
	}

}
