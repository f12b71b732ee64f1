package org.carecycle.mail;

import java.util.Optional;
import java.util.UUID;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.StringUtils;

/**
 * Where a module leaves email to be sent. The message is written to the outbox in the
 * caller's own transaction, so it is sent if and only if the change that called for it
 * commits; a rolled-back change sends nothing, and a crash after the commit loses
 * nothing. Sending happens afterwards, right after the commit and then on a schedule
 * until the mail server accepts it (see {@code OutboxSender}).
 */
@Component
public class Outbox {

	static final int MAX_DEDUPE_KEY = 200;

	static final int MAX_RECIPIENT = 254;

	static final int MAX_SUBJECT = 300;

	private final JdbcClient jdbc;

	private final OutboxSender sender;

	Outbox(JdbcClient jdbc, OutboxSender sender) {
		this.jdbc = jdbc;
		this.sender = sender;
	}

	/**
	 * Queues a plain-text email, to be sent once the caller's transaction commits. Must
	 * be called inside that transaction: without one it throws
	 * {@link org.springframework.transaction.IllegalTransactionStateException}, because
	 * an email queued outside any transaction could go out for a change that never
	 * happened.
	 * @param dedupeKey what the caller means by "this email", such as
	 * {@code concern-acknowledgement:<concern id>}; queuing the same key again (a retried
	 * request, a redelivered event) is ignored, so the email is sent once
	 * @param recipient one email address
	 * @param subject one line
	 * @param body plain text
	 * @throws IllegalArgumentException when an argument is missing, too long, or the
	 * recipient is not one email address
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void queue(String dedupeKey, String recipient, String subject, String body) {
		require(dedupeKey, "dedupeKey", MAX_DEDUPE_KEY);
		require(recipient, "recipient", MAX_RECIPIENT);
		require(subject, "subject", MAX_SUBJECT);
		if (subject.contains("\r") || subject.contains("\n")) {
			throw new IllegalArgumentException("An email subject is one line");
		}
		if (body == null) {
			throw new IllegalArgumentException("An email needs a body");
		}
		checkAddress(recipient);
		Optional<UUID> queued = this.jdbc.sql("""
				insert into mail_outbox (id, dedupe_key, recipient, subject, body, created_at, next_attempt_at)
				values (:id, :dedupeKey, :recipient, :subject, :body, now(), now())
				on conflict (dedupe_key) do nothing
				returning id""")
			.param("id", UUID.randomUUID())
			.param("dedupeKey", dedupeKey)
			.param("recipient", recipient.strip())
			.param("subject", subject)
			.param("body", body)
			.query(UUID.class)
			.optional();
		if (queued.isPresent()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					Outbox.this.sender.sendSoon();
				}
			});
		}
	}

	private static void require(String value, String name, int maxLength) {
		if (!StringUtils.hasText(value)) {
			throw new IllegalArgumentException("An email needs a " + name);
		}
		if (value.length() > maxLength) {
			throw new IllegalArgumentException(
					"An email's " + name + " must be " + maxLength + " characters or fewer: " + value.length());
		}
	}

	private static void checkAddress(String recipient) {
		try {
			new InternetAddress(recipient.strip(), true).validate();
		}
		catch (AddressException ex) {
			throw new IllegalArgumentException("Not one email address: " + recipient, ex);
		}
	}

}
