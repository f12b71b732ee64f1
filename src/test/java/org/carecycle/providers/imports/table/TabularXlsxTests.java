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
import static org.carecycle.providers.imports.table.SpreadsheetFiles.sheet;
import static org.carecycle.providers.imports.table.SpreadsheetFiles.workbook;
import static org.carecycle.providers.imports.table.SpreadsheetFiles.xlsx;
import static org.carecycle.providers.imports.table.SpreadsheetFiles.xlsxParts;
import static org.carecycle.providers.imports.table.SpreadsheetFiles.zip;

class TabularXlsxTests {

	@TempDir
	Path dir;

	@Test
	void readsSharedStringsIncludingRichTextWithoutPhoneticGuides() throws Exception {
		Path file = xlsx(this.dir.resolve("ratings.xlsx"), """
				<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>
				<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c></row>""", "Location ID",
				"Location Name", "1-101",
				"<r><rPr><b/></rPr><t>Oak </t></r><r><t xml:space=\"preserve\">House &amp; Gardens</t></r>"
						+ "<rPh sb=\"0\" eb=\"1\"><t>オーク</t></rPh>");

		assertThat(numberedRows(file)).containsExactly("1: Location ID|Location Name", "2: 1-101|Oak House & Gardens");
	}

	@Test
	void readsInlineStringsFormulaTextTrueFalseAndErrors() throws Exception {
		Path file = xlsx(this.dir.resolve("kinds.xlsx"), """
				<row r="1"><c r="A1" t="inlineStr"><is><t>Inline</t></is></c>\
				<c r="B1" t="str"><f>A1&amp;"!"</f><v>Inline!</v></c>\
				<c r="C1" t="b"><v>1</v></c><c r="D1" t="b"><v>0</v></c>\
				<c r="E1" t="e"><f>1/0</f><v>#DIV/0!</v></c>\
				<c r="F1" t="inlineStr"><is><r><t>Two </t></r><r><t>runs</t></r></is></c></row>""");

		assertThat(numberedRows(file)).containsExactly("1: Inline|Inline!|TRUE|FALSE|#DIV/0!|Two runs");
	}

	@Test
	void placesCellsByTheirReferencesLeavingGapsEmptyAndCountingMissingRows() throws Exception {
		Path file = xlsx(this.dir.resolve("gaps.xlsx"),
				"""
						<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="D1" t="inlineStr"><is><t>d</t></is></c></row>
						<row r="4"><c r="B4" t="inlineStr"><is><t>b</t></is></c><c t="inlineStr"><is><t>c</t></is></c>\
						<c r="AA4" t="inlineStr"><is><t>aa</t></is></c></row>
						<row><c r="A5" t="inlineStr"><is><t>next</t></is></c></row>""");

		try (TabularReader reader = TabularReader.open(file)) {
			assertThat(reader.nextRow()).containsExactly("a", "", "", "d");
			assertThat(reader.rowNumber()).isEqualTo(1);
			assertThat(reader.nextRow()).hasSize(27).startsWith("", "b", "c", "").endsWith("", "aa");
			assertThat(reader.rowNumber()).isEqualTo(4);
			assertThat(reader.nextRow()).containsExactly("next");
			assertThat(reader.rowNumber()).isEqualTo(5);
			assertThat(reader.nextRow()).isNull();
		}
	}

	@Test
	void readsDateFormattedNumbersAsIsoDates() throws Exception {
		Path file = xlsx(this.dir.resolve("dates.xlsx"), """
				<row r="1"><c r="A1" s="1"><v>45292</v></c><c r="B1" s="2"><v>44985.75</v></c>\
				<c r="C1" s="5"><v>36526</v></c><c r="D1" s="1"><v>59</v></c><c r="E1" s="1"><v>61</v></c>\
				<c r="F1" t="d"><v>2024-02-29T00:00:00</v></c></row>""");

		assertThat(numberedRows(file))
			.containsExactly("1: 2024-01-01|2023-02-28|2000-01-01|1900-02-28|1900-03-01|2024-02-29");
	}

	@Test
	void readsDatesInWorkbooksThatCountFrom1904() throws Exception {
		Map<String, String> parts = xlsxParts("<row r=\"1\"><c r=\"A1\" s=\"1\"><v>43830</v></c></row>");
		parts.put("xl/workbook.xml", workbook("date1904=\"1\""));

		assertThat(numberedRows(zip(this.dir.resolve("mac.xlsx"), parts))).containsExactly("1: 2024-01-01");
	}

	@Test
	void readsNumbersAsPlainTextWithoutExponentsOrTrailingZeros() throws Exception {
		Path file = xlsx(this.dir.resolve("numbers.xlsx"), """
				<row r="1"><c r="A1"><v>42</v></c><c r="B1" s="3"><v>1234567.0</v></c><c r="C1"><v>1.5E-3</v></c>\
				<c r="D1"><v>0.30000000000000004</v></c><c r="E1" s="4"><v>7</v></c><c r="F1"><v>-2.5E+6</v></c>\
				<c r="G1" t="n"><v>0</v></c><c r="H1"><v>123456789012</v></c></row>""");

		assertThat(numberedRows(file)).containsExactly("1: 42|1234567|0.0015|0.3|7|-2500000|0|123456789012");
	}

	@Test
	void decodesTheCharactersExcelEscapes() throws Exception {
		Path file = xlsx(this.dir.resolve("escapes.xlsx"), """
				<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>""",
				"Line one_x000D_\nLine two", "Keep _x005F_x0041_ as written");

		assertThat(numberedRows(file)).containsExactly("1: Line one\r\nLine two|Keep _x0041_ as written");
	}

	@Test
	void skipsEmptyRowsAndCellsThatOnlyHaveFormatting() throws Exception {
		Path file = xlsx(this.dir.resolve("formatting.xlsx"), """
				<row r="1"><c r="A1" t="inlineStr"><is><t>Location ID</t></is></c><c r="B1" s="3"/></row>
				<row r="2" spans="1:3" ht="20" customHeight="1"><c r="A2" s="1"/><c r="B2" s="2"/></row>
				<row r="3"><c r="A3" t="inlineStr"><is><t>1-101</t></is></c></row>""");

		assertThat(numberedRows(file)).containsExactly("1: Location ID", "3: 1-101");
	}

	@Test
	void readsTheFirstSheetWhereverItsPartIs() throws Exception {
		Map<String, String> parts = xlsxParts("");
		parts.remove("xl/worksheets/sheet1.xml");
		parts.put("xl/workbook.xml",
				"""
						<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
						<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
						xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
						<sheets><sheet name="Locations" sheetId="2" r:id="rId7"/><sheet name="Providers" sheetId="1" r:id="rId1"/></sheets>
						</workbook>""");
		parts.put("xl/_rels/workbook.xml.rels",
				"""
						<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
						<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
						<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/providers.xml"/>
						<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="./worksheets/../worksheets/locations.xml"/>
						</Relationships>""");
		parts.put("xl/worksheets/providers.xml", sheet(SpreadsheetFiles.xlsxRow(1, "Provider ID")));
		parts.put("xl/worksheets/locations.xml", sheet(SpreadsheetFiles.xlsxRow(1, "Location ID")));

		try (TabularReader reader = TabularReader.open(zip(this.dir.resolve("two-sheets.xlsx"), parts))) {
			assertThat(reader.format()).isEqualTo(Format.XLSX);
			assertThat(reader.nextRow()).containsExactly("Location ID");
		}
	}

	@Test
	void decidesTheFormatFromTheContentNotTheName() throws Exception {
		Path file = xlsx(this.dir.resolve("ratings.csv"), SpreadsheetFiles.xlsxRow(1, "Location ID"));

		try (TabularReader reader = TabularReader.open(file)) {
			assertThat(reader.format()).isEqualTo(Format.XLSX);
			assertThat(reader.nextRow()).containsExactly("Location ID");
		}
	}

	@Test
	void refusesAWorkbookWithNothingInIt() throws Exception {
		Path file = xlsx(this.dir.resolve("blank.xlsx"), "<row r=\"1\"><c r=\"A1\" s=\"1\"/></row>");

		assertThatExceptionOfType(TabularFileException.class).isThrownBy(() -> TabularReader.open(file))
			.withMessage("The selected file is empty");
	}

	@Test
	void refusesAWorkbookWhoseSheetIsMissingOrBroken() throws Exception {
		Map<String, String> missing = xlsxParts("");
		missing.remove("xl/worksheets/sheet1.xml");
		Map<String, String> broken = xlsxParts("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row><row r=\"2\">");
		Map<String, String> badString = xlsxParts("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>5</v></c></row>", "only one");

		List<Map<String, String>> files = List.of(missing, broken, badString);
		for (int i = 0; i < files.size(); i++) {
			Path file = zip(this.dir.resolve("broken-" + i + ".xlsx"), files.get(i));
			assertThatExceptionOfType(TabularFileException.class).isThrownBy(() -> numberedRows(file))
				.withMessage("The selected file could not be read – save it again and try again");
		}
	}

	@Test
	void refusesACellLongerThan100000Characters() throws Exception {
		Path file = xlsx(this.dir.resolve("long.xlsx"), SpreadsheetFiles.xlsxRow(1, "Notes")
				+ SpreadsheetFiles.xlsxRow(2, "x".repeat(100_000)) + SpreadsheetFiles.xlsxRow(3, "y".repeat(100_001)));

		try (TabularReader reader = TabularReader.open(file)) {
			reader.nextRow();
			assertThat(reader.nextRow().get(0)).hasSize(100_000);
			assertThatExceptionOfType(TabularFileException.class).isThrownBy(reader::nextRow)
				.withMessage("Row 3 has a cell longer than 100,000 characters")
				.satisfies((ex) -> assertThat(ex.rowNumber()).isEqualTo(3));
		}
	}

	@Test
	void ignoresCellsBeyondColumn2000() throws Exception {
		Path file = xlsx(this.dir.resolve("wide.xlsx"), """
				<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="BXX1" t="inlineStr"><is><t>b</t></is></c>\
				<c r="XFD1" t="inlineStr"><is><t>far</t></is></c></row>""");

		try (TabularReader reader = TabularReader.open(file)) {
			assertThat(reader.nextRow()).hasSize(2_000).startsWith("a").endsWith("b");
		}
	}

}
