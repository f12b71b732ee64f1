package org.carecycle.providers.imports.table;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.carecycle.providers.imports.table.TabularReader.Format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.carecycle.providers.imports.table.SpreadsheetFiles.numberedRows;
import static org.carecycle.providers.imports.table.SpreadsheetFiles.ods;
import static org.carecycle.providers.imports.table.SpreadsheetFiles.odsParts;
import static org.carecycle.providers.imports.table.SpreadsheetFiles.odsRow;
import static org.carecycle.providers.imports.table.SpreadsheetFiles.zip;

class TabularOdsTests {

	private static final String EMPTY_ROWS = "<table:table-row table:style-name=\"ro1\" table:number-rows-repeated=\"%d\">"
			+ "<table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row>";

	@TempDir
	Path dir;

	@Test
	void readsValuesOfEveryKindAsText() throws Exception {
		Path file = ods(this.dir.resolve("kinds.ods"),
				"""
						<table:table-row table:style-name="ro1">\
						<table:table-cell office:value-type="string" calcext:value-type="string"><text:p>Oak House</text:p></table:table-cell>\
						<table:table-cell office:value-type="float" office:value="1234.5" calcext:value-type="float"><text:p>1,234.50</text:p></table:table-cell>\
						<table:table-cell office:value-type="float" office:value="3" calcext:value-type="float"><text:p>3.00</text:p></table:table-cell>\
						<table:table-cell office:value-type="percentage" office:value="0.25"><text:p>25%</text:p></table:table-cell>\
						<table:table-cell office:value-type="currency" office:currency="GBP" office:value="1.25E3"><text:p>£1,250.00</text:p></table:table-cell>\
						<table:table-cell office:value-type="date" office:date-value="2024-03-05"><text:p>05/03/2024</text:p></table:table-cell>\
						<table:table-cell office:value-type="date" office:date-value="2024-03-06T10:30:00"><text:p>06/03/24 10:30</text:p></table:table-cell>\
						<table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>TRUE</text:p></table:table-cell>\
						<table:table-cell office:value-type="boolean" office:boolean-value="false"><text:p>FALSE</text:p></table:table-cell>\
						<table:table-cell office:value-type="time" office:time-value="PT10H30M00S"><text:p>10:30:00</text:p></table:table-cell>\
						<table:table-cell table:number-columns-repeated="16374"/></table:table-row>""");

		assertThat(numberedRows(file))
			.containsExactly("1: Oak House|1234.5|3|0.25|1250|2024-03-05|2024-03-06|TRUE|FALSE|10:30:00");
	}

	@Test
	void joinsParagraphsAndKeepsSpacesSpansLinksAndLineBreaksButNotComments() throws Exception {
		Path file = ods(this.dir.resolve("text.ods"),
				"""
						<table:table-row><table:table-cell office:value-type="string">\
						<office:annotation><dc:creator>Inspector</dc:creator><text:p>A comment</text:p></office:annotation>\
						<text:p><text:s/>First<text:s text:c="2"/>line</text:p>\
						<text:p>Second <text:span text:style-name="T1">bold</text:span><text:line-break/>third<text:tab/>tabbed</text:p>\
						<text:p>See <text:a xlink:href="https://www.cqc.org.uk" xmlns:xlink="http://www.w3.org/1999/xlink">CQC</text:a></text:p>\
						</table:table-cell></table:table-row>""");

		try (TabularReader reader = TabularReader.open(file)) {
			assertThat(reader.nextRow()).containsExactly(" First  line\nSecond bold\nthird\ttabbed\nSee CQC");
		}
	}

	@Test
	void collapsesWhiteSpaceInTheXmlAsOpenDocumentSays() throws Exception {
		Path file = ods(this.dir.resolve("spaces.ods"), """
				<table:table-row><table:table-cell office:value-type="string"><text:p>
				    Oak    House
				</text:p></table:table-cell></table:table-row>""");

		assertThat(numberedRows(file)).containsExactly("1: Oak House ");
	}

	@Test
	void expandsRepeatedCellsButDropsRepeatedEmptyCellsAtTheEnd() throws Exception {
		Path file = ods(this.dir.resolve("repeated.ods"),
				"""
						<table:table-row>\
						<table:table-cell table:number-columns-repeated="3" office:value-type="string"><text:p>x</text:p></table:table-cell>\
						<table:table-cell table:number-columns-repeated="2"/>\
						<table:table-cell office:value-type="float" office:value="7"><text:p>7</text:p></table:table-cell>\
						<table:table-cell table:number-columns-repeated="16378"/></table:table-row>""");

		try (TabularReader reader = TabularReader.open(file)) {
			assertThat(reader.nextRow()).containsExactly("x", "x", "x", "", "", "7");
		}
	}

	@Test
	void neverExpandsARowBeyond2000Columns() throws Exception {
		Path file = ods(this.dir.resolve("wide.ods"),
				"""
						<table:table-row>\
						<table:table-cell office:value-type="string"><text:p>first</text:p></table:table-cell>\
						<table:table-cell table:number-columns-repeated="16383" office:value-type="string"><text:p>x</text:p></table:table-cell>\
						</table:table-row>""");

		try (TabularReader reader = TabularReader.open(file)) {
			assertThat(reader.nextRow()).hasSize(2_000).startsWith("first", "x").endsWith("x");
		}
	}

	@Test
	void leavesCellsUnderAMergedCellEmpty() throws Exception {
		Path file = ods(this.dir.resolve("merged.ods"),
				"""
						<table:table-row><table:table-cell table:number-columns-spanned="2" table:number-rows-spanned="1" \
						office:value-type="string"><text:p>Merged</text:p></table:table-cell>\
						<table:covered-table-cell office:value-type="string"><text:p>Hidden</text:p></table:covered-table-cell>\
						<table:table-cell office:value-type="string"><text:p>Next</text:p></table:table-cell></table:table-row>""");

		assertThat(numberedRows(file)).containsExactly("1: Merged||Next");
	}

	@Test
	void countsRepeatedEmptyRowsWithoutReturningThemAndRepeatsRowsWithText() throws Exception {
		Path file = ods(this.dir.resolve("rows.ods"), odsRow("Location ID") + EMPTY_ROWS.formatted(3)
				+ "<table:table-row table:number-rows-repeated=\"2\"><table:table-cell office:value-type=\"string\">"
				+ "<text:p>Same</text:p></table:table-cell></table:table-row>" + odsRow("1-101")
				+ EMPTY_ROWS.formatted(1_048_569));

		assertThat(numberedRows(file)).containsExactly("1: Location ID", "5: Same", "6: Same", "7: 1-101");
	}

	@Test
	void repeatsARowWithTextNoFurtherThanTheLastRowASpreadsheetHas() throws Exception {
		Path file = ods(this.dir.resolve("filled.ods"), odsRow("Location ID")
				+ "<table:table-row table:number-rows-repeated=\"5000000\"><table:table-cell office:value-type=\"string\">"
				+ "<text:p>Filled down</text:p></table:table-cell></table:table-row>");

		try (TabularReader reader = TabularReader.open(file)) {
			long rows = 0;
			while (reader.nextRow() != null) {
				rows++;
			}
			assertThat(rows).isEqualTo(1_048_576);
			assertThat(reader.rowNumber()).isEqualTo(1_048_576);
		}
	}

	@Test
	void readsRowsInsideHeaderRowsAndRowGroupsFromTheFirstTableOnly() throws Exception {
		Map<String, String> parts = odsParts("<table:table-header-rows>" + odsRow("Location ID", "Location Name")
				+ "</table:table-header-rows><table:table-row-group>" + odsRow("1-101", "Oak House")
				+ "</table:table-row-group>" + odsRow("1-102", "Elm Lodge"));
		parts.put("content.xml",
				parts.get("content.xml")
					.replace("<table:named-expressions/>",
							"<table:table table:name=\"Providers\">" + odsRow("Provider ID") + "</table:table>"));

		assertThat(numberedRows(zip(this.dir.resolve("groups.ods"), parts)))
			.containsExactly("1: Location ID|Location Name", "2: 1-101|Oak House", "3: 1-102|Elm Lodge");
	}

	@Test
	void decidesTheFormatFromTheContentNotTheName() throws Exception {
		Path file = ods(this.dir.resolve("locations.xlsx"), odsRow("Location ID"));

		try (TabularReader reader = TabularReader.open(file)) {
			assertThat(reader.format()).isEqualTo(Format.ODS);
			assertThat(reader.nextRow()).containsExactly("Location ID");
		}
	}

	@Test
	void refusesASpreadsheetWithNothingInIt() throws Exception {
		Path file = ods(this.dir.resolve("blank.ods"), EMPTY_ROWS.formatted(1_048_576));

		assertThatExceptionOfType(TabularFileException.class).isThrownBy(() -> TabularReader.open(file))
			.withMessage("The selected file is empty");
	}

	@Test
	void refusesACellLongerThan100000Characters() throws Exception {
		Path file = ods(this.dir.resolve("long.ods"), odsRow("Notes") + EMPTY_ROWS.formatted(2)
				+ "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>x<text:s text:c=\"999999999\"/>"
				+ "</text:p></table:table-cell></table:table-row>");

		try (TabularReader reader = TabularReader.open(file)) {
			reader.nextRow();
			assertThatExceptionOfType(TabularFileException.class).isThrownBy(reader::nextRow)
				.withMessage("Row 4 has a cell longer than 100,000 characters")
				.satisfies((ex) -> assertThat(ex.rowNumber()).isEqualTo(4));
		}
	}

	@Test
	void refusesASpreadsheetWhoseContentIsMissingOrCutShort() throws Exception {
		Map<String, String> missing = odsParts(odsRow("Location ID"));
		missing.remove("content.xml");
		Map<String, String> cut = odsParts(odsRow("Location ID") + odsRow("1-101"));
		cut.put("content.xml", cut.get("content.xml").substring(0, cut.get("content.xml").indexOf("1-101")));

		List<Map<String, String>> files = List.of(missing, cut);
		for (int i = 0; i < files.size(); i++) {
			Path file = zip(this.dir.resolve("broken-" + i + ".ods"), files.get(i));
			assertThatExceptionOfType(TabularFileException.class).isThrownBy(() -> numberedRows(file))
				.withMessage("The selected file could not be read – save it again and try again");
		}
	}

}
