package org.carecycle.identity;

import java.util.Collection;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes personal data out of the audit log once the record it came from has been
 * anonymised under a retention rule. The log stays append-only: an entry keeps who did
 * what to which record and when, and only the values copied into it become "(redacted)".
 * The database allows nothing else (see the migration {@code V20__concern_retention}).
 */
@Service
public class AuditRedaction {

	private final JdbcClient jdbc;

	AuditRedaction(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Redacts the entries about the given records.
	 * @param recordType the record type the entries were written with
	 * @param recordIds the records
	 * @param fields the changed fields whose values are redacted
	 * @param summary whether the summaries are redacted too
	 * @param publicAddress whether the client address of entries that no signed-in user
	 * made (a member of the public sending a form) is redacted
	 * @return how many entries changed; none when run again
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int redact(String recordType, Collection<?> recordIds, Set<String> fields, boolean summary,
			boolean publicAddress) {
		if (recordIds.isEmpty()) {
			return 0;
		}
		String[] ids = recordIds.stream().map(String::valueOf).toArray(String[]::new);
		return this.jdbc.sql(
				"select audit_event_redact(:type, cast(:ids as varchar[]), cast(:fields as text[]), :summary, :address)")
			.param("type", recordType)
			.param("ids", ids)
			.param("fields", fields.stream().sorted().toArray(String[]::new))
			.param("summary", summary)
			.param("address", publicAddress)
			.query(Integer.class)
			.single();
	}

}
