package org.carecycle.providers.imports.table;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.carecycle.providers.imports.table.SpreadsheetFiles.ods;
import static org.carecycle.providers.imports.table.SpreadsheetFiles.odsRow;
import static org.carecycle.providers.imports.table.SpreadsheetFiles.xlsx;
import static org.carecycle.providers.imports.table.SpreadsheetFiles.xlsxRow;

class TabularHeaderRowTests {

	private static final String[] ACTIVE_LOCATIONS = { "Location ID", "Location Name", "HSCA start date",
			"Dormant (Y/N)", "Care home?", "Care homes beds", "Location Type/Sector", "Location Postal Code",
			"Location Local Authority", "Provider ID", "Provider Name", "Service type - Care home service with nursing",
			"Service user band - Dementia" };

	private static final String[] LATEST_RATINGS = { "Location ID", "Location Name", "Care Home?", "Location Post Code",
			"Service / Population Group", "Domain", "Latest Rating", "Publication Date", "Provider ID" };

	@TempDir
	Path dir;

	@Test
	void findsTheHeaderRowBelowTheNoticeRowsOfTheActiveLocationsSheet() throws Exception {
		Path file = ods(this.dir.resolve("HSCA_Active_Locations.ods"),
				"""
						<table:table-row><table:table-cell table:number-columns-spanned="4" office:value-type="string">\
						<text:p>Care Quality Commission</text:p></table:table-cell><table:covered-table-cell table:number-columns-repeated="3"/>\
						<table:table-cell table:number-columns-repeated="16380"/></table:table-row>"""
						+ odsRow("Active locations for the Health and Social Care Act 2008")
						+ odsRow("Data as at 1 July 2025")
						+ "<table:table-row table:number-rows-repeated=\"1\"><table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row>"
						+ odsRow("Location ID is the identifier CQC gives each location")
						+ odsRow("Please note: dormant locations are included") + odsRow("") + odsRow(ACTIVE_LOCATIONS)
						+ """
								<table:table-row>\
								<table:table-cell office:value-type="string"><text:p>1-1000210669</text:p></table:table-cell>\
								<table:table-cell office:value-type="string"><text:p>Oak House</text:p></table:table-cell>\
								<table:table-cell office:value-type="date" office:date-value="2011-01-05"><text:p>05/01/2011</text:p></table:table-cell>\
								<table:table-cell office:value-type="string"><text:p>N</text:p></table:table-cell>\
								<table:table-cell office:value-type="string"><text:p>Y</text:p></table:table-cell>\
								<table:table-cell office:value-type="float" office:value="40"><text:p>40</text:p></table:table-cell>\
								<table:table-cell office:value-type="string"><text:p>Social Care Org</text:p></table:table-cell>\
								<table:table-cell office:value-type="string"><text:p>SW1A 1AA</text:p></table:table-cell>\
								<table:table-cell office:value-type="string"><text:p>Westminster</text:p></table:table-cell>\
								<table:table-cell office:value-type="string"><text:p>1-101641486</text:p></table:table-cell>\
								<table:table-cell office:value-type="string"><text:p>Oak Care Ltd</text:p></table:table-cell>\
								<table:table-cell office:value-type="string"><text:p>Y</text:p></table:table-cell>\
								<table:table-cell office:value-type="string"><text:p>Y</text:p></table:table-cell>\
								<table:table-cell table:number-columns-repeated="16371"/></table:table-row>""");

		try (TabularReader reader = TabularReader.open(file)) {
			HeaderRow header = HeaderRow.find(reader, "Location ID", 50);
			assertThat(header.rowNumber()).isEqualTo(8);
			assertThat(header.names()).containsExactly(ACTIVE_LOCATIONS);

			List<String> row = reader.nextRow();
			assertThat(reader.rowNumber()).isEqualTo(9);
			assertThat(header.value(row, "Location ID")).isEqualTo("1-1000210669");
			assertThat(header.value(row, "Location Post Code", "Location Postal Code")).isEqualTo("SW1A 1AA");
			assertThat(header.value(row, "CARE HOME?")).isEqualTo("Y");
			assertThat(header.value(row, "HSCA start date")).isEqualTo("2011-01-05");
			assertThat(header.value(row, "Care homes beds")).isEqualTo("40");
			assertThat(header.value(row, "Dormant (Y/N)")).isEqualTo("N");
			assertThat(header.value(row, "Service type – care home service with nursing")).isEqualTo("Y");
			assertThat(reader.nextRow()).isNull();
		}
	}

	@Test
	void findsTheHeaderRowOfTheLatestRatingsSheet() throws Exception {
		Path file = xlsx(this.dir.resolve("Latest_ratings.xlsx"), xlsxRow(1, LATEST_RATINGS) + """
				<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="s"><v>2</v></c>\
				<c r="D2" t="s"><v>3</v></c><c r="E2" t="s"><v>4</v></c><c r="F2" t="s"><v>5</v></c>\
				<c r="G2" t="s"><v>6</v></c><c r="H2" s="2"><v>45383</v></c><c r="I2" t="s"><v>7</v></c></row>""",
				"1-1000210669", "Oak House", "Y", "SW1A 1AA", "Overall", "Safe", "Requires improvement", "1-101641486");

		try (TabularReader reader = TabularReader.open(file)) {
			HeaderRow header = HeaderRow.find(reader, "Location ID", 50);
			assertThat(header.rowNumber()).isEqualTo(1);

			List<String> row = reader.nextRow();
			assertThat(header.value(row, "Location Post Code", "Location Postal Code")).isEqualTo("SW1A 1AA");
			assertThat(header.value(row, "Care home?")).isEqualTo("Y");
			assertThat(header.value(row, "Service/Population group")).isEqualTo("Overall");
			assertThat(header.value(row, "Latest Rating")).isEqualTo("Requires improvement");
			assertThat(header.value(row, "Publication Date")).isEqualTo("2024-04-01");
			assertThat(header.value(row, "Provider ID")).isEqualTo("1-101641486");
		}
	}

	@Test
	void findsColumnsByNameWhateverTheirOrderAndWithExtraColumns() throws Exception {
		Path file = Files.writeString(this.dir.resolve("ratings.csv"), "\uFEFF" + """
				Region, LOCATION POSTAL CODE ,Latest rating,location id,Care Home?,Extra
				London, SW1A 1AA ,Good,1-1000210669,N,x
				""", StandardCharsets.UTF_8);

		try (TabularReader reader = TabularReader.open(file)) {
			HeaderRow header = HeaderRow.find(reader, "Location ID", 50);
			List<String> row = reader.nextRow();

			assertThat(header.index("Location ID")).hasValue(3);
			assertThat(header.value(row, "Location ID")).isEqualTo("1-1000210669");
			assertThat(header.value(row, "Location Post Code", "Location Postal Code")).isEqualTo("SW1A 1AA");
			assertThat(header.value(row, "Care home?")).isEqualTo("N");
		}
	}

	@Test
	void prefersTheFirstAcceptedNameAndAnswersEmptyForMissingColumnsAndShortRows() throws Exception {
		Path file = Files.writeString(this.dir.resolve("both.csv"), """
				Location ID,Location Post Code,Location Postal Code,Notes
				1-101,AB1 2CD,ZZ9 9ZZ
				""");

		try (TabularReader reader = TabularReader.open(file)) {
			HeaderRow header = HeaderRow.find(reader, "Location ID", 50);
			List<String> row = reader.nextRow();

			assertThat(header.value(row, "Location Postal Code", "Location Post Code")).isEqualTo("ZZ9 9ZZ");
			assertThat(header.value(row, "Location Post Code", "Location Postal Code")).isEqualTo("AB1 2CD");
			assertThat(header.value(row, "Notes")).isEmpty();
			assertThat(header.value(row, "Region")).isEmpty();
			assertThat(header.has("Region", "Location Region")).isFalse();
			assertThat(header.has("Region", "Notes")).isTrue();
			assertThat(header.index("Region")).isEmpty();
		}
	}

	@Test
	void refusesAFileWithoutALocationIdColumn() throws Exception {
		Path file = Files.writeString(this.dir.resolve("providers.csv"), """
				Provider ID,Provider Name
				1-101641486,Oak Care Ltd
				""");

		try (TabularReader reader = TabularReader.open(file)) {
			assertThatExceptionOfType(TabularFileException.class)
				.isThrownBy(() -> HeaderRow.find(reader, "Location ID", 50))
				.withMessage("The file does not have a Location ID column")
				.satisfies((ex) -> assertThat(ex.rowNumber()).isZero());
		}
	}

	@Test
	void looksNoFurtherThanTheRowsItIsToldToSearch() throws Exception {
		Path file = Files.writeString(this.dir.resolve("late.csv"),
				"Notice\n".repeat(59) + "Location ID,Location Name\n1-101,Oak House\n");

		try (TabularReader reader = TabularReader.open(file)) {
			assertThatExceptionOfType(TabularFileException.class)
				.isThrownBy(() -> HeaderRow.find(reader, "Location ID", 50))
				.withMessage("The file does not have a Location ID column");
		}
		try (TabularReader reader = TabularReader.open(file)) {
			assertThat(HeaderRow.find(reader, "Location ID", 60).rowNumber()).isEqualTo(60);
		}
	}

	@Test
	void normalisesNamesToLowerCaseLettersAndDigits() {
		assertThat(HeaderRow.normalise("Care home?")).isEqualTo("carehome");
		assertThat(HeaderRow.normalise(" CARE  HOME? ")).isEqualTo("carehome");
		assertThat(HeaderRow.normalise("Dormant (Y/N)")).isEqualTo("dormantyn");
		assertThat(HeaderRow.normalise("Service / Population Group")).isEqualTo("servicepopulationgroup");
		assertThat(HeaderRow.normalise("Location_Type/Sector 2")).isEqualTo("locationtypesector2");
		assertThat(HeaderRow.normalise("Café")).isEqualTo("café");
	}

}
