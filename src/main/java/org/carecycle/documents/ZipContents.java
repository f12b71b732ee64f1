package org.carecycle.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Tells Office Open XML and OpenDocument files apart by the entries inside the zip. */
final class ZipContents {

	private static final int MAX_ENTRIES = 10_000;

	private ZipContents() {
	}

	static Optional<DocumentKind> kindOf(byte[] content) {
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
			ZipEntry entry;
			int entries = 0;
			while ((entry = zip.getNextEntry()) != null && entries++ < MAX_ENTRIES) {
				String name = entry.getName();
				if (name.equals("mimetype")) {
					String type = new String(zip.readNBytes(100), StandardCharsets.US_ASCII).strip();
					if (type.equals(DocumentKind.OPEN_DOCUMENT_TEXT.contentType())) {
						return Optional.of(DocumentKind.OPEN_DOCUMENT_TEXT);
					}
					if (type.equals(DocumentKind.OPEN_DOCUMENT_SPREADSHEET.contentType())) {
						return Optional.of(DocumentKind.OPEN_DOCUMENT_SPREADSHEET);
					}
					return Optional.empty();
				}
				if (name.startsWith("word/")) {
					return Optional.of(DocumentKind.WORD);
				}
				if (name.startsWith("xl/")) {
					return Optional.of(DocumentKind.EXCEL);
				}
			}
			return Optional.empty();
		}
		catch (IOException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
