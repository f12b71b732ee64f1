package org.carecycle.providers.imports.table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.carecycle.providers.imports.table.SpreadsheetFiles.odsParts;
import static org.carecycle.providers.imports.table.SpreadsheetFiles.odsRow;
import static org.carecycle.providers.imports.table.SpreadsheetFiles.xlsx;
import static org.carecycle.providers.imports.table.SpreadsheetFiles.xlsxRow;
import static org.carecycle.providers.imports.table.SpreadsheetFiles.zip;

class TabularFormatTests {

	private static final String WRONG_TYPE = "The selected file must be a CSV, an Excel spreadsheet (.xlsx) or an OpenDocument spreadsheet (.ods)";

	@TempDir
	Path dir;

	@Test
	void refusesZipsThatAreNotSpreadsheets() throws Exception {
		Map<String, String> word = new LinkedHashMap<>();
		word.put("[Content_Types].xml", "<Types/>");
		word.put("word/document.xml", "<w:document xmlns:w=\"urn:w\"/>");
		Map<String, String> text = odsParts(odsRow("Location ID"));
		text.put("mimetype", "application/vnd.oasis.opendocument.text");

		assertRefused(zip(this.dir.resolve("letter.docx"), word), WRONG_TYPE);
		assertRefused(zip(this.dir.resolve("letter.odt"), text), WRONG_TYPE);
		assertRefused(zip(this.dir.resolve("nothing.zip"), Map.of()), WRONG_TYPE);
	}

	@Test
	void refusesASpreadsheetCutShort() throws Exception {
		Path whole = xlsx(this.dir.resolve("whole.xlsx"), xlsxRow(1, "Location ID"));
		byte[] bytes = Files.readAllBytes(whole);
		Path cut = Files.write(this.dir.resolve("cut.xlsx"), Arrays.copyOf(bytes, bytes.length / 2));

		assertRefused(cut, "The selected file could not be read – save it again and try again");
	}

	@Test
	void refusesAFileThatCannotBeOpened() {
		assertRefused(this.dir.resolve("missing.csv"),
				"The selected file could not be read – save it again and try again");
	}

	private void assertRefused(Path file, String message) {
		assertThatExceptionOfType(TabularFileException.class).isThrownBy(() -> TabularReader.open(file).close())
			.withMessage(message);
	}

}
