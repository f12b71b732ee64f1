package org.carecycle.concerns;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.carecycle.documents.DocumentErasure;
import org.carecycle.identity.AuditAction;
import org.carecycle.identity.AuditLog;
import org.carecycle.identity.AuditRedaction;
import org.carecycle.mail.MailErasure;
import org.carecycle.shared.UkTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention rule for compliments and concerns (ADR 0018): once a concern has been
 * closed for longer than the retention period (six years unless
 * {@code carecycle.retention.concerns-years} says otherwise) its personal details are
 * taken out everywhere CareCycle keeps them, and what the statistics need is kept.
 * <p>
 * Gone: the reporter's name, email address and phone number; the account of what happened
 * (replaced by a fixed sentence), who was affected and the words about when; the
 * safeguarding reasons (which quote the account); the officers' free text (rationale,
 * outcome, lessons, notes to and from the provider, the provider's answer); documents the
 * provider sent; the emails to the reporter and the safeguarding leads; and the same
 * values where the audit log copied them, with the client address of the member of the
 * public who sent the form. Kept: the reference, kind, channel, service, provider, dates,
 * themes, risk rating, action, status, whether it was flagged, urgent or anonymous, the
 * reporter's role and the timeline's steps.
 * <p>
 * A concern on legal hold (a police investigation, an inquest, a claim) is kept whole
 * until a safeguarding lead or an administrator lifts the hold. The record of who opened
 * a concern ({@link ConcernAccesses}) is kept whole too: it names the staff who opened
 * it, never the person who raised it.
 * <p>
 * It runs every night, changes the concerns in plain SQL (one statement per table for the
 * whole batch, so the audit log gets one entry for the run rather than a copy of every
 * concern's personal data) and is idempotent: an anonymised concern is never picked
 * again.
 */
@Component
public class ConcernRetention {

	private static final Logger log = LoggerFactory.getLogger(ConcernRetention.class);

	/** The fields of the Concern aggregate whose values the audit log must lose. */
	static final Set<String> PERSONAL_FIELDS = Set.of("reporterName", "reporterEmail", "reporterPhone", "whatHappened",
			"happenedWhenText", "peopleAffected", "safeguardingReasons", "actionRationale", "outcome", "lessons",
			"legalHoldReason");

	/**
	 * Timeline steps whose detail is a date, a choice or a reference, never free text.
	 */
	static final Set<String> KEPT_DETAILS = Set.of("RECEIVED", "ACKNOWLEDGED", "ASSIGNED", "ASSESSED", "PROVIDER_ASKED",
			"PROVIDER_RESPONDED", "DUPLICATE", "DUPLICATE_LINKED", "ANONYMISED");

	/** Only one server runs the rule at a time. */
	private static final long LOCK = 0x636f6e6365726eL;

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private final JdbcClient jdbc;

	private final DocumentErasure documents;

	private final MailErasure mail;

	private final AuditRedaction redaction;

	private final AuditLog audit;

	private final MessageSource messages;

	private final Clock clock;

	private final int years;

	private final TransactionTemplate transactions;

	ConcernRetention(JdbcClient jdbc, DocumentErasure documents, MailErasure mail, AuditRedaction redaction,
			AuditLog audit, MessageSource messages, Clock clock, PlatformTransactionManager transactions,
			@Value("${carecycle.retention.concerns-years:6}") int years) {
		if (years < 1) {
			throw new IllegalArgumentException("carecycle.retention.concerns-years must be at least 1, not " + years);
		}
		this.jdbc = jdbc;
		this.documents = documents;
		this.mail = mail;
		this.redaction = redaction;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
		this.years = years;
		this.transactions = new TransactionTemplate(transactions);
	}

	/**
	 * What one run did; {@code onLegalHold} counts the concerns that were due but kept
	 * whole because they are on legal hold.
	 */
	public record Anonymised(int concerns, int documents, int emails, int auditEntries, LocalDate closedBefore,
			int onLegalHold) {

	}

	@Scheduled(cron = "${carecycle.retention.cron:0 15 3 * * *}", zone = UkTime.ZONE_NAME)
	public void nightly() {
		try {
			Anonymised done = AuditLog.asSystem("Retention rule", () -> this.transactions.execute(status -> run()));
			if (done.concerns() > 0) {
				log.info("Anonymised {} concerns closed before {}", done.concerns(), done.closedBefore());
			}
			if (done.onLegalHold() > 0) {
				log.info("Kept {} concerns closed before {} whole: they are on legal hold", done.onLegalHold(),
						done.closedBefore());
			}
		}
		catch (RuntimeException ex) {
			log.warn("The retention rule for concerns could not run; it will try again tomorrow", ex);
		}
	}

	/**
	 * The first day a concern closed on is kept whole: anything closed earlier is due.
	 */
	public LocalDate cutOff() {
		return UkTime.today(this.clock).minusYears(this.years);
	}

	/** Anonymises every concern due; returns what it did. */
	@Transactional
	public Anonymised run() {
		LocalDate today = UkTime.today(this.clock);
		LocalDate cutOff = cutOff();
		boolean locked = this.jdbc.sql("select pg_try_advisory_xact_lock(:lock)")
			.param("lock", LOCK)
			.query(Boolean.class)
			.single();
		Timestamp before = Timestamp.from(cutOff.atStartOfDay(UkTime.ZONE).toInstant());
		// A concern on legal hold is kept whole, however long ago it closed. Placing a
		// hold locks the row too, so a hold placed while this runs either wins (and the
		// row no longer matches when its lock is released) or finds the concern changed.
		List<UUID> ids = locked ? this.jdbc.sql("""
				select id from concern
				where status = 'CLOSED' and anonymised_on is null and legal_hold_since is null and closed_at < :cutOff
				order by closed_at for update""").param("cutOff", before).query(UUID.class).list() : List.of();
		int held = locked ? this.jdbc
			.sql("""
					select count(*) from concern
					where status = 'CLOSED' and anonymised_on is null and legal_hold_since is not null and closed_at < :cutOff""")
			.param("cutOff", before)
			.query(Integer.class)
			.single() : 0;
		if (ids.isEmpty()) {
			return new Anonymised(0, 0, 0, 0, cutOff, held);
		}
		UUID[] batch = ids.toArray(UUID[]::new);
		Instant now = this.clock.instant();
		String removed = text("retention.concern.removed");

		List<UUID> documentIds = this.jdbc.sql("""
				select document_id from concern_provider_request
				where concern_id = any(cast(:ids as uuid[])) and document_id is not null""")
			.param("ids", batch)
			.query(UUID.class)
			.list();
		this.jdbc.sql("""
				update concern_provider_request
				set summary = :removed, response = case when response is null then null else :removed end,
				    decision_note = null, document_id = null
				where concern_id = any(cast(:ids as uuid[]))""").param("removed", removed).param("ids", batch).update();
		int erasedDocuments = this.documents.erase(documentIds);
		this.jdbc
			.sql("""
					update concern_event set detail = null
					where concern_id = any(cast(:ids as uuid[])) and detail is not null and kind <> all(cast(:kept as text[]))""")
			.param("ids", batch)
			.param("kept", KEPT_DETAILS.toArray(String[]::new))
			.update();
		this.jdbc.sql("""
				insert into concern_event (concern_id, happened_at, actor, kind, detail)
				select id, :now, :actor, 'ANONYMISED', :years from unnest(cast(:ids as uuid[])) id""")
			.param("now", Timestamp.from(now))
			.param("actor", text("retention.actor"))
			.param("years", text("retention.concern.event", this.years))
			.param("ids", batch)
			.update();
		this.jdbc.sql("""
				update concern
				set reporter_name = null, reporter_email = null, reporter_phone = null, consent_to_contact = false,
				    what_happened = :account, happened_when_text = null, people_affected = null,
				    safeguarding_reasons = case when safeguarding_reasons is null then null else :removed end,
				    action_rationale = case when action_rationale is null then null else :removed end,
				    outcome = case when outcome is null or duplicate_of is not null then outcome else :removed end,
				    lessons = null, anonymised_on = :today, version = version + 1, updated_at = :now
				where id = any(cast(:ids as uuid[]))""")
			.param("account", text("retention.concern.whatHappened"))
			.param("removed", removed)
			.param("today", today)
			.param("now", Timestamp.from(now))
			.param("ids", batch)
			.update();

		List<String> emails = new ArrayList<>();
		for (UUID id : ids) {
			emails.add("acknowledgement:" + id);
			emails.add("safeguarding:" + id + ":");
		}
		int forgotten = this.mail.forget(emails);
		int redacted = this.redaction.redact("Concern", ids, PERSONAL_FIELDS, false, true)
				+ this.redaction.redact("concern", ids, Set.of(), false, true);
		this.audit.record(AuditAction.CHANGED, "Concern retention", null,
				"Anonymised %d closed concerns (closed before %s; retention %d years): %d documents erased, %d emails forgotten, %d audit entries redacted; %d kept whole on legal hold"
					.formatted(ids.size(), cutOff.format(DATE), this.years, erasedDocuments, forgotten, redacted,
							held));
		return new Anonymised(ids.size(), erasedDocuments, forgotten, redacted, cutOff, held);
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, key, Locale.UK);
	}

}
