package org.carecycle.mail;

import java.time.Instant;
import java.util.UUID;

/**
 * One email in the outbox as administrators see it: where it went, and how sending it is
 * going.
 *
 * @param id the outbox row, also the Message-ID's local part
 * @param createdAt when it was queued
 * @param recipient who it is for
 * @param subject its subject line
 * @param attempts how many times sending it has been tried
 * @param nextAttemptAt when it will be tried next, while it is waiting
 * @param sentAt when the mail server accepted it, or null
 * @param lastError what went wrong last time it was tried, if anything did
 */
record OutboxEntry(UUID id, Instant createdAt, String recipient, String subject, int attempts, Instant nextAttemptAt,
		Instant sentAt, String lastError) {

	public boolean isSent() {
		return this.sentAt != null;
	}

	/** Given up: tried as often as it will be, and never accepted. */
	public boolean isFailed() {
		return this.sentAt == null && this.attempts >= OutboxSender.MAX_ATTEMPTS;
	}

	/** Not sent yet, and still to be tried. */
	public boolean isWaiting() {
		return !isSent() && !isFailed();
	}

}
