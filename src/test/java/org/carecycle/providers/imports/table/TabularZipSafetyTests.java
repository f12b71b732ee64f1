package org.carecycle.providers.imports.table;

import java.io.BufferedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.carecycle.providers.imports.table.SpreadsheetFiles.numberedRows;
import static org.carecycle.providers.imports.table.SpreadsheetFiles.ods;
import static org.carecycle.providers.imports.table.SpreadsheetFiles.odsParts;
import static org.carecycle.providers.imports.table.SpreadsheetFiles.odsRow;
import static org.carecycle.providers.imports.table.SpreadsheetFiles.xlsx;
import static org.carecycle.providers.imports.table.SpreadsheetFiles.xlsxParts;
import static org.carecycle.providers.imports.table.SpreadsheetFiles.zip;

class TabularZipSafetyTests {

	private static final String UNREADABLE = "The selected file could not be read – save it again and try again";

	private static final String TOO_LARGE = "The selected file is too large to read";

	@TempDir
	Path dir;

	@Test
	void neverReadsFilesThatXmlEntitiesPointTo() throws Exception {
		Path secret = Files.writeString(this.dir.resolve("secret.txt"), "council-secret");
		Map<String, String> parts = xlsxParts("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>");
		parts.put("xl/sharedStrings.xml", """
				<?xml version="1.0" encoding="UTF-8"?>
				<!DOCTYPE sst [<!ENTITY secret SYSTEM "%s">]>
				<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&secret;</t></si></sst>"""
			.formatted(secret.toUri()));
		Path file = zip(this.dir.resolve("xxe.xlsx"), parts);

		assertThatExceptionOfType(TabularFileException.class).isThrownBy(() -> numberedRows(file))
			.withMessage(UNREADABLE);
	}

	@Test
	void neverExpandsEntitiesDeclaredInTheFile() throws Exception {
		Map<String, String> parts = odsParts(odsRow("&lol3;"));
		parts.put("content.xml", parts.get("content.xml").replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", """
				<?xml version="1.0" encoding="UTF-8"?>
				<!DOCTYPE office:document-content [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">\
				<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>""").replace("&amp;lol3;", "&lol3;"));
		Path file = zip(this.dir.resolve("laughs.ods"), parts);

		assertThatExceptionOfType(TabularFileException.class).isThrownBy(() -> numberedRows(file))
			.withMessage(UNREADABLE);
	}

	@Test
	void refusesAPartThatUnzipsToMoreThanTheLimit() throws Exception {
		Path file = ods(this.dir.resolve("big.ods"), odsRow("Location ID") + odsRow("1-101").repeat(5_000));
		Limits oneMegabyte = new Limits(1024 * 1024, 10_000, 50_000_000);

		assertThat(numberedRows(file)).hasSize(5_001);
		assertThatExceptionOfType(TabularFileException.class).isThrownBy(() -> {
			try (TabularReader reader = TabularFiles.open(file, oneMegabyte)) {
				while (reader.nextRow() != null) {
					// read to the limit
				}
			}
		}).withMessage(TOO_LARGE);
	}

	@Test
	void refusesAZipWithMoreThan10000Parts() throws Exception {
		Path file = this.dir.resolve("parts.ods");
		try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
			for (Map.Entry<String, String> part : odsParts(odsRow("Location ID")).entrySet()) {
				zip.putNextEntry(new ZipEntry(part.getKey()));
				SpreadsheetFiles.write(zip, part.getValue());
			}
			for (int i = 0; i < 10_000; i++) {
				ZipEntry picture = new ZipEntry("Pictures/" + i + ".png");
				picture.setMethod(ZipEntry.STORED);
				picture.setSize(0);
				picture.setCrc(0);
				zip.putNextEntry(picture);
			}
		}

		assertThatExceptionOfType(TabularFileException.class).isThrownBy(() -> TabularReader.open(file))
			.withMessage(TOO_LARGE);
	}

	@Test
	void refusesSharedStringsThatWouldTakeMoreMemoryThanTheLimit() throws Exception {
		String[] strings = new String[100];
		for (int i = 0; i < strings.length; i++) {
			strings[i] = "Oak House number " + i;
		}
		Path file = xlsx(this.dir.resolve("strings.xlsx"), "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>99</v></c></row>",
				strings);

		try (TabularReader reader = TabularFiles.open(file, new Limits(1024 * 1024, 10_000, 6_000))) {
			assertThat(reader.nextRow()).containsExactly("Oak House number 99");
		}
		assertThatExceptionOfType(TabularFileException.class)
			.isThrownBy(() -> TabularFiles.open(file, new Limits(1024 * 1024, 10_000, 4_000)))
			.withMessage(TOO_LARGE);
	}

}
