package org.carecycle.mail;

import java.util.Collection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forgets emails whose retention period is over, sent or not: the outbox keeps each
 * message's recipient and body, which are personal data once the record that called for
 * the email has been anonymised.
 */
@Service
public class MailErasure {

	private final JdbcClient jdbc;

	MailErasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Deletes the emails whose de-duplication key starts with one of the prefixes (the
	 * keys the caller queued them with); returns how many.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int forget(Collection<String> keyPrefixes) {
		if (keyPrefixes.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("""
				delete from mail_outbox
				where exists (select 1 from unnest(cast(:prefixes as text[])) p where starts_with(dedupe_key, p))""")
			.param("prefixes", keyPrefixes.toArray(String[]::new))
			.update();
	}

}
