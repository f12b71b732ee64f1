package org.carecycle.documents;

import java.time.Instant;
import java.util.UUID;

/**
 * A document as stored, without its content.
 *
 * @param id the document's id
 * @param fileName the name it was uploaded with, made safe
 * @param kind what it is
 * @param sizeBytes its size
 * @param sha256 its checksum
 * @param uploadedAt when it was uploaded
 */
public record StoredDocument(UUID id, String fileName, DocumentKind kind, long sizeBytes, String sha256,
		Instant uploadedAt) {

	/** Its size for people: "240 KB", "1.2 MB". */
	public String size() {
		if (this.sizeBytes < 1024 * 1024) {
			return Math.max(1, Math.round(this.sizeBytes / 1024.0)) + " KB";
		}
		return String.format(java.util.Locale.UK, "%.1f MB", this.sizeBytes / (1024.0 * 1024.0));
	}

}
