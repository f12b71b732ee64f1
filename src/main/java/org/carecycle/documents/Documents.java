package org.carecycle.documents;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.carecycle.identity.AuditAction;
import org.carecycle.identity.AuditLog;
import org.carecycle.identity.CurrentUser;
import org.carecycle.identity.SignedInUser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores and returns uploaded documents. */
@Service
public class Documents {

	/** The largest document accepted. */
	public static final long MAX_BYTES = 10L * 1024 * 1024;

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final AuditLog auditLog;

	private final Clock clock;

	Documents(JdbcClient jdbc, CurrentUser currentUser, AuditLog auditLog, Clock clock) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/**
	 * Stores a document after checking it.
	 * @param fileName the name it arrived with (kept only for display and download)
	 * @param content its bytes
	 * @param allowed the kinds the caller accepts
	 * @return the stored document, or why it was refused
	 */
	@Transactional
	public Upload store(String fileName, byte[] content, Set<DocumentKind> allowed) {
		Optional<String> problem = problemWith(content, allowed);
		if (problem.isPresent()) {
			return Upload.refused(problem.get());
		}
		Optional<DocumentKind> kind = DocumentKind.of(content);
		UUID id = UUID.randomUUID();
		String safeName = safeName(fileName, kind.get());
		String sha256 = sha256(content);
		var now = this.clock.instant();
		this.jdbc
			.sql("""
					insert into document (id, file_name, content_type, size_bytes, sha256, content, uploaded_by, uploaded_at)
					values (:id, :name, :type, :size, :sha, :content, :by, :at)""")
			.param("id", id)
			.param("name", safeName)
			.param("type", kind.get().contentType())
			.param("size", (long) content.length)
			.param("sha", sha256)
			.param("content", content)
			.param("by", this.currentUser.get().map(SignedInUser::id).orElse(null))
			.param("at", Timestamp.from(now))
			.update();
		this.auditLog.record(AuditAction.CREATED, "Document", id,
				"Uploaded " + safeName + " (" + content.length + " bytes)");
		return Upload.stored(new StoredDocument(id, safeName, kind.get(), content.length, sha256, now));
	}

	/** Why a document would be refused (a message key), without storing it. */
	public Optional<String> problemWith(byte[] content, Set<DocumentKind> allowed) {
		if (content == null || content.length == 0) {
			return Optional.of("document.error.empty");
		}
		if (content.length > MAX_BYTES) {
			return Optional.of("document.error.large");
		}
		if (DocumentKind.of(content).filter(allowed::contains).isEmpty()) {
			return Optional.of("document.error.kind");
		}
		return Optional.empty();
	}

	public Optional<StoredDocument> find(UUID id) {
		return this.jdbc
			.sql("select id, file_name, content_type, size_bytes, sha256, uploaded_at from document where id = :id")
			.param("id", id)
			.query((rs, row) -> new StoredDocument(rs.getObject("id", UUID.class), rs.getString("file_name"),
					kindOf(rs.getString("content_type")), rs.getLong("size_bytes"), rs.getString("sha256"),
					rs.getTimestamp("uploaded_at").toInstant()))
			.optional();
	}

	public Optional<byte[]> content(UUID id) {
		return this.jdbc.sql("select content from document where id = :id")
			.param("id", id)
			.query((rs, row) -> rs.getBytes("content"))
			.optional();
	}

	private static DocumentKind kindOf(String contentType) {
		for (DocumentKind kind : DocumentKind.values()) {
			if (kind.contentType().equals(contentType)) {
				return kind;
			}
		}
		throw new IllegalStateException("Unknown stored content type " + contentType);
	}

	/**
	 * The file's own name, without any path, control characters or a misleading
	 * extension.
	 */
	static String safeName(String fileName, DocumentKind kind) {
		String name = (fileName == null) ? "" : fileName.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>|:*?]", "").strip();
		int dot = name.lastIndexOf('.');
		String base = (dot > 0) ? name.substring(0, dot) : name;
		if (base.isBlank()) {
			base = "document";
		}
		if (base.length() > 200) {
			base = base.substring(0, 200);
		}
		return base + "." + kind.extension();
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The result of an upload.
	 *
	 * @param document the stored document, or null when refused
	 * @param problem the key of the message explaining the refusal, or null when stored
	 */
	public record Upload(StoredDocument document, String problem) {

		static Upload stored(StoredDocument document) {
			return new Upload(document, null);
		}

		static Upload refused(String problem) {
			return new Upload(null, problem);
		}

		public boolean isStored() {
			return this.document != null;
		}

	}

}
