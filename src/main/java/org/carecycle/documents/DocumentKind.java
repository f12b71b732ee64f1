package org.carecycle.documents;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of document CareCycle accepts, recognised by their first bytes. The name a
 * file arrives with is never trusted: a script renamed {@code spec.pdf} is refused.
 */
public enum DocumentKind {

	PDF("application/pdf", "pdf"),
	WORD("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
	OPEN_DOCUMENT_TEXT("application/vnd.oasis.opendocument.text", "odt"),
	EXCEL("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
	OPEN_DOCUMENT_SPREADSHEET("application/vnd.oasis.opendocument.spreadsheet", "ods"), PNG("image/png", "png"),
	JPEG("image/jpeg", "jpg");

	/** What a specification or a report may be. */
	public static final Set<DocumentKind> TEXT_DOCUMENTS = Set.of(PDF, WORD, OPEN_DOCUMENT_TEXT);

	private final String contentType;

	private final String extension;

	DocumentKind(String contentType, String extension) {
		this.contentType = contentType;
		this.extension = extension;
	}

	public String contentType() {
		return this.contentType;
	}

	public String extension() {
		return this.extension;
	}

	/** What the content is, judged from its bytes. */
	public static Optional<DocumentKind> of(byte[] content) {
		if (startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
			return Optional.of(PDF);
		}
		if (startsWith(content, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' })) {
			return Optional.of(PNG);
		}
		if (startsWith(content, new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff })) {
			return Optional.of(JPEG);
		}
		if (startsWith(content, new byte[] { 'P', 'K', 3, 4 })) {
			return ZipContents.kindOf(content);
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] content, byte[] prefix) {
		return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
	}

}
