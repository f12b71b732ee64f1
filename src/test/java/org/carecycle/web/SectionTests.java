package org.carecycle.web;

import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SectionTests {

	@Test
	void containsItsOwnPagesOnly() {
		Section services = Section.forCouncilStaff("nav.services", "/services", 1);
		assertThat(services.contains("/services")).isTrue();
		assertThat(services.contains("/services/123")).isTrue();
		assertThat(services.contains("/services-extra")).isFalse();
		assertThat(services.isOpenTo(Role.QA_OFFICER)).isTrue();
		assertThat(services.isOpenTo(Role.PROVIDER)).isFalse();
	}

	@Test
	void refusesPathsThatWouldMatchTooMuch() {
		assertThatIllegalArgumentException().isThrownBy(() -> Section.of("x", "/", 1, Role.ADMIN));
		assertThatIllegalArgumentException().isThrownBy(() -> Section.of("x", "admin", 1, Role.ADMIN));
	}

}
