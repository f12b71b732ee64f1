package org.carecycle.providers.imports.table;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.carecycle.providers.imports.table.TabularReader.Format;

/** Opens a tabular file as CSV, XLSX or ODS, deciding the format from its first bytes. */
final class TabularFiles {

	private static final int HEAD_BYTES = 8192;

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };

	private static final byte[] EMPTY_ZIP = { 'P', 'K', 5, 6 };

	/**
	 * Byte order marks of UTF-16 and UTF-32 (little-endian UTF-32 starts like UTF-16).
	 */
	private static final List<byte[]> OTHER_ENCODINGS = List.of(new byte[] { (byte) 0xFF, (byte) 0xFE },
			new byte[] { (byte) 0xFE, (byte) 0xFF }, new byte[] { 0, 0, (byte) 0xFE, (byte) 0xFF });

	/**
	 * PDF, PNG, GIF, JPEG, Excel 97-2003 (and other OLE2 files), gzip, RAR, 7-Zip, RTF.
	 */
	private static final List<byte[]> OTHER_TYPES = List.of(ascii("%PDF"), new byte[] { (byte) 0x89, 'P', 'N', 'G' },
			ascii("GIF8"), new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF },
			new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 },
			new byte[] { 0x1F, (byte) 0x8B }, ascii("Rar!"), new byte[] { '7', 'z', (byte) 0xBC, (byte) 0xAF },
			ascii("{\\rtf"));

	/**
	 * Web pages and XML files, including Excel 2003 XML, sometimes saved with a .csv or
	 * .xls name.
	 */
	private static final List<String> MARKUP = List.of("<?xml", "<!doctype", "<html");

	private TabularFiles() {
	}

	static TabularReader open(Path file, Limits limits) throws TabularFileException {
		byte[] head;
		try (InputStream in = Files.newInputStream(file)) {
			head = in.readNBytes(HEAD_BYTES);
		}
		catch (IOException ex) {
			throw TabularFileException.unreadable(ex);
		}
		if (head.length == 0) {
			throw TabularFileException.empty();
		}
		if (startsWith(head, ZIP) || startsWith(head, EMPTY_ZIP)) {
			return openSpreadsheet(file, limits);
		}
		if (OTHER_ENCODINGS.stream().anyMatch((bom) -> startsWith(head, bom))) {
			throw TabularFileException.notUtf8(0);
		}
		if (OTHER_TYPES.stream().anyMatch((signature) -> startsWith(head, signature)) || hasNul(head)
				|| isMarkup(head)) {
			throw TabularFileException.wrongType();
		}
		try {
			return NonBlankRows.open(Format.CSV, new CsvRows(Files.newInputStream(file)));
		}
		catch (IOException ex) {
			throw TabularFileException.unreadable(ex);
		}
	}

	/** Opens a zip as an ODS or XLSX spreadsheet, refusing any other kind of zip. */
	private static TabularReader openSpreadsheet(Path file, Limits limits) throws TabularFileException {
		ZipParts parts = ZipParts.open(file, limits);
		try {
			if (parts.head("mimetype", 100).strip().equals(OdsRows.MIMETYPE)) {
				return NonBlankRows.open(Format.ODS, OdsRows.open(parts));
			}
			if (parts.has("xl/workbook.xml")) {
				return NonBlankRows.open(Format.XLSX, XlsxRows.open(parts, limits));
			}
		}
		catch (TabularFileException | RuntimeException ex) {
			parts.close();
			throw ex;
		}
		parts.close();
		throw TabularFileException.wrongType();
	}

	private static boolean isMarkup(byte[] head) {
		String start = new String(head, 0, Math.min(head.length, 64), StandardCharsets.ISO_8859_1)
			.replace("\u00EF\u00BB\u00BF", "")
			.stripLeading()
			.toLowerCase(Locale.ROOT);
		return MARKUP.stream().anyMatch(start::startsWith);
	}

	private static boolean hasNul(byte[] head) {
		for (byte b : head) {
			if (b == 0) {
				return true;
			}
		}
		return false;
	}

	private static boolean startsWith(byte[] head, byte[] prefix) {
		if (head.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (head[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
