package org.carecycle.web;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DateInputTests {

	@Test
	void readsARealDate() {
		DateInput input = new DateInput(" 29 ", "2", "2028");
		assertThat(input.problem()).isNull();
		assertThat(input.toDate()).isEqualTo(LocalDate.of(2028, 2, 29));
	}

	@Test
	void saysWhichPartIsMissing() {
		assertThat(new DateInput("", "3", "2026").problem()).isEqualTo("date.error.missing.day");
		assertThat(new DateInput("1", "", "2026").problem()).isEqualTo("date.error.missing.month");
		assertThat(new DateInput("1", "3", "").problem()).isEqualTo("date.error.missing.year");
	}

	@Test
	void refusesDatesThatDoNotExist() {
		assertThat(new DateInput("29", "2", "2026").problem()).isEqualTo("date.error.real");
		assertThat(new DateInput("1", "13", "2026").problem()).isEqualTo("date.error.real");
		assertThat(new DateInput("x", "1", "2026").problem()).isEqualTo("date.error.real");
		assertThat(new DateInput("1", "1", "26").problem()).isEqualTo("date.error.year");
		assertThat(new DateInput("29", "2", "2026").toDate()).isNull();
	}

	@Test
	void emptyIsNotAnError() {
		assertThat(DateInput.empty().problem()).isNull();
		assertThat(DateInput.empty().toDate()).isNull();
		assertThat(DateInput.of(LocalDate.of(2026, 11, 22))).isEqualTo(new DateInput("22", "11", "2026"));
	}

}
