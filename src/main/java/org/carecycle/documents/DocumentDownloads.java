package org.carecycle.documents;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.carecycle.shared.RecordNotFoundException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A stored document as a download, with the type it was checked to be. */
public final class DocumentDownloads {

	private DocumentDownloads() {
	}

	public static ResponseEntity<byte[]> download(Documents documents, UUID documentId) {
		StoredDocument document = documents.find(documentId)
			.orElseThrow(() -> new RecordNotFoundException("No document"));
		byte[] content = documents.content(documentId).orElseThrow(() -> new RecordNotFoundException("No content"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(document.kind().contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(document.fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(content);
	}

}
