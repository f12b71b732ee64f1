package org.carecycle.documents;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import org.carecycle.identity.AuditRedaction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases documents whose retention period is over: their content and name are deleted,
 * and the audit log's note of each upload (which names the file) is redacted. The caller
 * has already removed its own references to them, and records the erasure in the audit
 * log itself, once for the whole run.
 */
@Service
public class DocumentErasure {

	private final JdbcClient jdbc;

	private final AuditRedaction audit;

	DocumentErasure(JdbcClient jdbc, AuditRedaction audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** Erases the documents; returns how many there were. */
	@Transactional(propagation = Propagation.MANDATORY)
	public int erase(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return 0;
		}
		int erased = this.jdbc.sql("delete from document where id = any(cast(:ids as uuid[]))")
			.param("ids", ids.toArray(UUID[]::new))
			.update();
		this.audit.redact("Document", ids, Set.of(), true, true);
		return erased;
	}

}
