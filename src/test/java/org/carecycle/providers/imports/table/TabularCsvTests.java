package org.carecycle.providers.imports.table;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.carecycle.providers.imports.table.TabularReader.Format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.carecycle.providers.imports.table.SpreadsheetFiles.numberedRows;

class TabularCsvTests {

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	@TempDir
	Path dir;

	@Test
	void readsQuotedCellsWithCommasDoubledQuotesAndLineBreaks() throws Exception {
		Path file = csv("Location ID,Location Name,Notes\r\n" + "1-101,\"Oak House, Ltd\",\"She said \"\"fine\"\"\"\r\n"
				+ "1-102,\"First line\r\nSecond line\",\r\n" + "1-103,Elm Lodge,\"\"\r\n");

		assertThat(numberedRows(file)).containsExactly("1: Location ID|Location Name|Notes",
				"2: 1-101|Oak House, Ltd|She said \"fine\"", "3: 1-102|First line\r\nSecond line",
				"4: 1-103|Elm Lodge");
	}

	@Test
	void numbersRowsAsASpreadsheetShowsThemWhenCellsHoldLineBreaks() throws Exception {
		Path file = csv("a,\"x\ny\nz\"\nb,c\n");

		assertThat(numberedRows(file)).containsExactly("1: a|x\ny\nz", "2: b|c");
	}

	@Test
	void endsRowsAtWindowsUnixAndOldMacLineEnds() throws Exception {
		Path file = csv("a\r\nb\nc\rd");

		assertThat(numberedRows(file)).containsExactly("1: a", "2: b", "3: c", "4: d");
	}

	@Test
	void skipsBlankRowsButCountsThem() throws Exception {
		Path file = csv("Location ID,Name\n\n,\n  ,  \n1-101,Oak House\n");

		assertThat(numberedRows(file)).containsExactly("1: Location ID|Name", "5: 1-101|Oak House");
	}

	@Test
	void keepsEmptyCellsInTheirPlacesAndDropsThemAtTheEnd() throws Exception {
		Path file = csv(",b,,d,,\n");

		try (TabularReader reader = TabularReader.open(file)) {
			assertThat(reader.nextRow()).containsExactly("", "b", "", "d");
		}
	}

	@Test
	void keepsTextAfterAClosingQuoteAndQuotesInsideUnquotedText() throws Exception {
		Path file = csv("\"Oak\" House,5\" tall\n");

		assertThat(numberedRows(file)).containsExactly("1: Oak House|5\" tall");
	}

	@Test
	void readsUtf8WithOrWithoutAByteOrderMark() throws Exception {
		byte[] text = "Location ID,Location Name\n1-101,Café Ŵyn – Tŷ\n".getBytes(StandardCharsets.UTF_8);
		Path withMark = bytes("with.csv", BOM, text);
		Path withoutMark = bytes("without.csv", text);

		assertThat(numberedRows(withMark)).containsExactly("1: Location ID|Location Name", "2: 1-101|Café Ŵyn – Tŷ");
		assertThat(numberedRows(withoutMark)).containsExactly("1: Location ID|Location Name", "2: 1-101|Café Ŵyn – Tŷ");
	}

	@Test
	void decidesTheFormatFromTheContentNotTheName() throws Exception {
		Path file = Files.writeString(this.dir.resolve("ratings.xlsx"), "Location ID\n1-101\n");

		try (TabularReader reader = TabularReader.open(file)) {
			assertThat(reader.format()).isEqualTo(Format.CSV);
			assertThat(reader.nextRow()).containsExactly("Location ID");
		}
	}

	@Test
	void returnsNullAfterTheLastRowAndAfterClosing() throws Exception {
		TabularReader reader = TabularReader.open(csv("a\nb"));
		assertThat(reader.rowNumber()).isZero();
		assertThat(reader.nextRow()).containsExactly("a");
		assertThat(reader.nextRow()).containsExactly("b");
		assertThat(reader.nextRow()).isNull();
		assertThat(reader.rowNumber()).isEqualTo(2);
		reader.close();
		reader.close();
		assertThat(reader.nextRow()).isNull();
	}

	@Test
	void refusesAFileWithNoBytes() {
		assertRefused(bytes("empty.csv"), "The selected file is empty", 0);
	}

	@Test
	void refusesAFileOfOnlyWhitespaceOrOnlyAByteOrderMark() throws Exception {
		assertRefused(csv("  \r\n\t\n\n"), "The selected file is empty", 0);
		assertRefused(bytes("mark.csv", BOM), "The selected file is empty", 0);
		assertRefused(csv(",,\n , \n"), "The selected file is empty", 0);
	}

	@Test
	void refusesWindows1252TextOnTheRowWhereItStarts() throws Exception {
		byte[] name = "Location ID,Location Name\n1-101,O".getBytes(StandardCharsets.US_ASCII);
		byte[] rest = "Neill Care\n".getBytes(StandardCharsets.US_ASCII);
		Path file = bytes("cp1252.csv", name, new byte[] { (byte) 0x92 }, rest);

		try (TabularReader reader = TabularReader.open(file)) {
			assertThat(reader.nextRow()).containsExactly("Location ID", "Location Name");
			assertThatExceptionOfType(TabularFileException.class).isThrownBy(reader::nextRow)
				.withMessage("The file must be saved as CSV UTF-8")
				.satisfies((ex) -> assertThat(ex.rowNumber()).isEqualTo(2));
		}
	}

	@Test
	void refusesWindows1252TextFarIntoTheFileOnTheRightRow() throws Exception {
		String rows = "1-101,Oak House\n".repeat(10_000);
		Path file = bytes("late.csv", rows.getBytes(StandardCharsets.US_ASCII), new byte[] { 'S', 't', (byte) 0xE9 });

		try (TabularReader reader = TabularReader.open(file)) {
			assertThatExceptionOfType(TabularFileException.class).isThrownBy(() -> {
				while (reader.nextRow() != null) {
					// read to the bad row
				}
			}).withMessage("The file must be saved as CSV UTF-8").satisfies((ex) -> {
				assertThat(ex.rowNumber()).isEqualTo(10_001);
				assertThat(reader.rowNumber()).isEqualTo(10_000);
			});
		}
	}

	@Test
	void refusesUtf16AndUtf32Text() throws Exception {
		byte[] utf16 = "Location ID\n".getBytes(StandardCharsets.UTF_16LE);
		assertRefused(bytes("le.csv", new byte[] { (byte) 0xFF, (byte) 0xFE }, utf16),
				"The file must be saved as CSV UTF-8", 0);
		assertRefused(bytes("be.csv", "Location ID\n".getBytes(StandardCharsets.UTF_16)),
				"The file must be saved as CSV UTF-8", 0);
		assertRefused(bytes("utf32.csv", new byte[] { 0, 0, (byte) 0xFE, (byte) 0xFF, 0, 0, 0, 'L' }),
				"The file must be saved as CSV UTF-8", 0);
	}

	@Test
	void refusesBinaryFiles() throws Exception {
		String message = "The selected file must be a CSV, an Excel spreadsheet (.xlsx) or an OpenDocument spreadsheet (.ods)";
		assertRefused(bytes("nul.csv", "Location ID\n1-101".getBytes(StandardCharsets.US_ASCII), new byte[] { 0, 0 }),
				message, 0);
		assertRefused(bytes("report.csv", "%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.UTF_8)), message, 0);
		assertRefused(bytes("logo.csv", new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }), message, 0);
		assertRefused(bytes("old.xls", new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1,
				(byte) 0xB1, 0x1A, (byte) 0xE1, 'x' }), message, 0);
		assertRefused(csv("<!DOCTYPE html>\n<html><body><table><tr><td>1-101</td></tr></table></body></html>\n"),
				message, 0);
	}

	@Test
	void refusesNulBytesFarIntoTheFile() throws Exception {
		String rows = "1-101,Oak House\n".repeat(1_000);
		Path file = bytes("late-nul.csv", rows.getBytes(StandardCharsets.US_ASCII), new byte[] { 'a', 0, 'b' });

		try (TabularReader reader = TabularReader.open(file)) {
			assertThatExceptionOfType(TabularFileException.class).isThrownBy(() -> {
				while (reader.nextRow() != null) {
					// read to the bad row
				}
			})
				.withMessage(
						"The selected file must be a CSV, an Excel spreadsheet (.xlsx) or an OpenDocument spreadsheet (.ods)");
		}
	}

	@Test
	void refusesAQuotationMarkThatIsNotClosedNamingTheRowItOpensOn() throws Exception {
		Path file = csv("Location ID,Notes\n1-101,\"Open\n1-102,Fine\n1-103,Fine\n");

		try (TabularReader reader = TabularReader.open(file)) {
			assertThat(reader.nextRow()).containsExactly("Location ID", "Notes");
			assertThatExceptionOfType(TabularFileException.class).isThrownBy(reader::nextRow)
				.withMessage("Row 2 has a quotation mark that is not closed")
				.satisfies((ex) -> assertThat(ex.rowNumber()).isEqualTo(2));
		}
	}

	@Test
	void reportsAQuotationMarkNotClosedRatherThanALongCellWhenTheQuoteSwallowsLines() throws Exception {
		Path file = csv("Location ID,Notes\n1-101,\"Open\n" + "1-102,Oak House,Birmingham\n".repeat(5_000));

		try (TabularReader reader = TabularReader.open(file)) {
			reader.nextRow();
			assertThatExceptionOfType(TabularFileException.class).isThrownBy(reader::nextRow)
				.withMessage("Row 2 has a quotation mark that is not closed");
		}
	}

	@Test
	void acceptsCellsUpTo100000CharactersAndRefusesLongerOnes() throws Exception {
		String longest = "x".repeat(100_000);
		assertThat(numberedRows(csv("Notes\n" + longest + "\n"))).containsExactly("1: Notes", "2: " + longest);

		assertRefused(csv("Notes\n" + longest + "x\n"), "Row 2 has a cell longer than 100,000 characters", 2);
	}

	@Test
	void stopsARowOfMoreThanAMillionCharactersRatherThanHoldingItWhole() throws Exception {
		String cell = "x".repeat(50_000);
		assertRefused(csv("Location ID,Notes\n1-101," + (cell + ",").repeat(21) + "\n"),
				"The selected file is too large to read", 0);

		Path openQuote = csv("Location ID,Notes\n1-101,\"Open\n" + "1-102,Oak House,Birmingham\n".repeat(50_000)
				+ "1-103,\"Closed\"\n");
		try (TabularReader reader = TabularReader.open(openQuote)) {
			reader.nextRow();
			assertThatExceptionOfType(TabularFileException.class).isThrownBy(reader::nextRow)
				.withMessage("Row 2 has a quotation mark that is not closed");
		}
	}

	@Test
	void acceptsRowsOf2000CellsAndRefusesWiderOnes() throws Exception {
		String widest = "a" + ",a".repeat(1_999);
		try (TabularReader reader = TabularReader.open(csv(widest + "\n"))) {
			assertThat(reader.nextRow()).hasSize(2_000);
		}

		assertRefused(csv("Location ID\n" + widest + ",\n"), "Row 2 has more than 2,000 cells", 2);
	}

	private void assertRefused(Path file, String message, long rowNumber) {
		assertThatExceptionOfType(TabularFileException.class).isThrownBy(() -> numberedRows(file))
			.withMessage(message)
			.satisfies((ex) -> assertThat(ex.rowNumber()).isEqualTo(rowNumber));
	}

	private Path csv(String text) throws IOException {
		return Files.writeString(Files.createTempFile(this.dir, "file", ".csv"), text);
	}

	private Path bytes(String name, byte[]... parts) {
		try {
			Path file = this.dir.resolve(name);
			Files.write(file, new byte[0]);
			for (byte[] part : parts) {
				Files.write(file, part, StandardOpenOption.APPEND);
			}
			return file;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
