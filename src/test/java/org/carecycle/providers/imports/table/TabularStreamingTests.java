package org.carecycle.providers.imports.table;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads files the size of CQC's monthly downloads, written here row by row, checking
 * every row comes through (each row is compared without AssertJ, which would be slow
 * 200,000 times, and only a wrong row is asserted for its message).
 */
class TabularStreamingTests {

	private static final int ROWS = 200_000;

	@TempDir
	Path dir;

	@Test
	void readsEveryRowOfA200000RowCsv() throws Exception {
		Path file = this.dir.resolve("ratings.csv");
		try (Writer out = Files.newBufferedWriter(file)) {
			out.write("Location ID,Location Name,Care homes beds\r\n");
			for (int i = 1; i <= ROWS; i++) {
				out.write("1-" + i + ",\"Home " + i + ", Town\"," + (i % 90) + "\r\n");
			}
		}

		try (TabularReader reader = TabularReader.open(file)) {
			assertThat(reader.nextRow()).containsExactly("Location ID", "Location Name", "Care homes beds");
			int rows = 0;
			List<String> row;
			while ((row = reader.nextRow()) != null) {
				rows++;
				List<String> expected = List.of("1-" + rows, "Home " + rows + ", Town", String.valueOf(rows % 90));
				if (!row.equals(expected)) {
					assertThat(row).isEqualTo(expected);
				}
			}
			assertThat(rows).isEqualTo(ROWS);
			assertThat(reader.rowNumber()).isEqualTo(ROWS + 1);
		}
	}

	@Test
	void readsEveryRowOfA200000RowOdsWithoutExpandingTheEmptyRowsAfterIt() throws Exception {
		Path file = this.dir.resolve("ratings.ods");
		try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
			byte[] mimetype = "application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII);
			ZipEntry entry = new ZipEntry("mimetype");
			CRC32 crc = new CRC32();
			crc.update(mimetype);
			entry.setMethod(ZipEntry.STORED);
			entry.setSize(mimetype.length);
			entry.setCrc(crc.getValue());
			zip.putNextEntry(entry);
			zip.write(mimetype);
			zip.setLevel(Deflater.BEST_SPEED);
			zip.putNextEntry(new ZipEntry("content.xml"));
			Writer out = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8));
			String[] document = SpreadsheetFiles.content("%ROWS%").split("%ROWS%");
			out.write(document[0]);
			out.write(SpreadsheetFiles.odsRow("Location ID", "Care homes beds", "Publication Date"));
			for (int i = 1; i <= ROWS; i++) {
				out.write("<table:table-row table:style-name=\"ro1\"><table:table-cell office:value-type=\"string\""
						+ " calcext:value-type=\"string\"><text:p>1-" + i + "</text:p></table:table-cell>"
						+ "<table:table-cell office:value-type=\"float\" office:value=\"" + (i % 90)
						+ "\" calcext:value-type=\"float\"><text:p>" + (i % 90) + "</text:p></table:table-cell>"
						+ "<table:table-cell office:value-type=\"date\" office:date-value=\"2025-07-01\""
						+ " calcext:value-type=\"date\"><text:p>01/07/2025</text:p></table:table-cell>"
						+ "<table:table-cell table:number-columns-repeated=\"16381\"/></table:table-row>");
			}
			out.write("<table:table-row table:style-name=\"ro1\" table:number-rows-repeated=\"" + (1_048_576 - ROWS - 1)
					+ "\"><table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row>");
			out.write(document[1]);
			out.flush();
			zip.closeEntry();
		}

		try (TabularReader reader = TabularReader.open(file)) {
			assertThat(reader.nextRow()).containsExactly("Location ID", "Care homes beds", "Publication Date");
			int rows = 0;
			List<String> row;
			while ((row = reader.nextRow()) != null) {
				rows++;
				List<String> expected = List.of("1-" + rows, String.valueOf(rows % 90), "2025-07-01");
				if (!row.equals(expected)) {
					assertThat(row).isEqualTo(expected);
				}
			}
			assertThat(rows).isEqualTo(ROWS);
			assertThat(reader.rowNumber()).isEqualTo(ROWS + 1);
		}
	}

	@Test
	void readsEveryRowOfA200000RowXlsx() throws Exception {
		Path file = this.dir.resolve("ratings.xlsx");
		try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
			zip.setLevel(Deflater.BEST_SPEED);
			for (var part : SpreadsheetFiles.xlsxParts("%ROWS%", "Location ID", "Good").entrySet()) {
				zip.putNextEntry(new ZipEntry(part.getKey()));
				if (!part.getKey().equals("xl/worksheets/sheet1.xml")) {
					SpreadsheetFiles.write(zip, part.getValue());
					continue;
				}
				Writer out = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8));
				String[] sheet = part.getValue().split("%ROWS%");
				out.write(sheet[0]);
				out.write("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>");
				for (int i = 2; i <= ROWS + 1; i++) {
					out.write("<row r=\"" + i + "\" spans=\"1:3\"><c r=\"A" + i + "\" t=\"inlineStr\"><is><t>1-" + i
							+ "</t></is></c><c r=\"B" + i + "\" t=\"s\"><v>1</v></c><c r=\"C" + i + "\" s=\"1\"><v>"
							+ (45000 + i % 365) + "</v></c></row>");
				}
				out.write(sheet[1]);
				out.flush();
			}
		}

		try (TabularReader reader = TabularReader.open(file)) {
			assertThat(reader.nextRow()).containsExactly("Location ID");
			int rows = 0;
			List<String> row;
			while ((row = reader.nextRow()) != null) {
				rows++;
				long number = reader.rowNumber();
				List<String> expected = List.of("1-" + number, "Good",
						LocalDate.of(1899, 12, 30).plusDays(45_000 + number % 365).toString());
				if (!row.equals(expected)) {
					assertThat(row).isEqualTo(expected);
				}
			}
			assertThat(rows).isEqualTo(ROWS);
			assertThat(reader.rowNumber()).isEqualTo(ROWS + 1);
		}
	}

}
