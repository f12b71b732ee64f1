package org.carecycle.providers.imports.table;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TabularCellValuesTests {

	@Test
	void recognisesBuiltInAndCustomDateFormats() {
		assertThat(ExcelDates.isDateFormat(14, null)).isTrue();
		assertThat(ExcelDates.isDateFormat(22, null)).isTrue();
		assertThat(ExcelDates.isDateFormat(45, null)).isTrue();
		assertThat(ExcelDates.isDateFormat(164, "dd/mm/yyyy")).isTrue();
		assertThat(ExcelDates.isDateFormat(165, "[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy")).isTrue();
		assertThat(ExcelDates.isDateFormat(166, "YYYY-MM-DD")).isTrue();
	}

	@Test
	void doesNotTakeNumberFormatsForDates() {
		assertThat(ExcelDates.isDateFormat(0, null)).isFalse();
		assertThat(ExcelDates.isDateFormat(2, null)).isFalse();
		assertThat(ExcelDates.isDateFormat(23, null)).isFalse();
		assertThat(ExcelDates.isDateFormat(164, "General")).isFalse();
		assertThat(ExcelDates.isDateFormat(165, "0.00\" days\"")).isFalse();
		assertThat(ExcelDates.isDateFormat(166, "[Red]#,##0;[Blue]-#,##0")).isFalse();
		assertThat(ExcelDates.isDateFormat(167, "0\\d")).isFalse();
		assertThat(ExcelDates.isDateFormat(168, "_-* #,##0_-;\\-* #,##0_-")).isFalse();
	}

	@Test
	void turnsExcelSerialNumbersIntoDates() {
		assertThat(ExcelDates.iso(1, false)).isEqualTo("1900-01-01");
		assertThat(ExcelDates.iso(59, false)).isEqualTo("1900-02-28");
		assertThat(ExcelDates.iso(60, false)).isEqualTo("1900-02-29");
		assertThat(ExcelDates.iso(61, false)).isEqualTo("1900-03-01");
		assertThat(ExcelDates.iso(45658.99, false)).isEqualTo("2025-01-01");
		assertThat(ExcelDates.iso(45658.9999999999, false)).isEqualTo("2025-01-02");
		assertThat(ExcelDates.iso(0, true)).isEqualTo("1904-01-01");
		assertThat(ExcelDates.iso(-1, false)).isNull();
		assertThat(ExcelDates.iso(3_000_000, false)).isNull();
	}

	@Test
	void writesNumbersAsPlainText() {
		assertThat(CellValues.number("3.0")).isEqualTo("3");
		assertThat(CellValues.number("1200")).isEqualTo("1200");
		assertThat(CellValues.number("1.2E+3")).isEqualTo("1200");
		assertThat(CellValues.number("1E-7")).isEqualTo("0.0000001");
		assertThat(CellValues.number("-0.0")).isEqualTo("0");
		assertThat(CellValues.number("0.1000000000000000055511151231257827")).isEqualTo("0.1");
		assertThat(CellValues.number("12345678901234567890")).isEqualTo("12345678901234600000");
		assertThat(CellValues.number(" 42 ")).isEqualTo("42");
		assertThat(CellValues.number("NaN")).isEqualTo("NaN");
		assertThat(CellValues.number("1E+999999")).isEqualTo("1E+999999");
	}

	@Test
	void writesTrueAndFalseAsSpreadsheetsShowThem() {
		assertThat(CellValues.bool("1")).isEqualTo("TRUE");
		assertThat(CellValues.bool("true")).isEqualTo("TRUE");
		assertThat(CellValues.bool("0")).isEqualTo("FALSE");
		assertThat(CellValues.bool("false")).isEqualTo("FALSE");
	}

}
