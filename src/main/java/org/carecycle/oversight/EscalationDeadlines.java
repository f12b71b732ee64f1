package org.carecycle.oversight;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.carecycle.identity.AuditLog;
import org.carecycle.identity.UserDirectory;
import org.carecycle.identity.UserSummary;
import org.carecycle.mail.Outbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the ladder's timers: tells the lead officer when a suspension letter and remedial
 * action plan are due (the day before and on each day they are late) and when a review is
 * due. Each email has its own de-duplication key, so a re-run sends nothing twice.
 */
@Component
public class EscalationDeadlines {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private final Escalations escalations;

	private final JdbcClient jdbc;

	private final UserDirectory users;

	private final Outbox outbox;

	EscalationDeadlines(Escalations escalations, JdbcClient jdbc, UserDirectory users, Outbox outbox) {
		this.escalations = escalations;
		this.jdbc = jdbc;
		this.users = users;
		this.outbox = outbox;
	}

	@Scheduled(fixedDelayString = "${carecycle.oversight.deadline-interval:PT1H}", initialDelayString = "PT1M")
	// transactional here: run() called from inside this class is not (a self-call skips
	// the proxy), and the outbox queues only inside a transaction
	@Transactional
	public void scheduled() {
		AuditLog.asSystem("Escalation deadlines", () -> {
			run();
			return null;
		});
	}

	/** Checks every open ladder once; returns how many emails it queued. */
	@Transactional
	public int run() {
		LocalDate today = this.escalations.today();
		int queued = 0;
		for (Escalations.Open open : this.escalations.open()) {
			Escalation escalation = this.escalations.get(open.id());
			if (escalation.leadOfficerId() == null) {
				continue;
			}
			UserSummary lead = this.users.find(escalation.leadOfficerId()).filter(UserSummary::enabled).orElse(null);
			if (lead == null) {
				continue;
			}
			String subject = this.escalations.subjectName(escalation);
			String link = this.escalations.link("/oversight/escalations/" + escalation.id());
			if (escalation.letterDueOn() != null && escalation.letterSentOn() == null
					&& !today.isBefore(escalation.letterDueOn().minusDays(1))) {
				this.outbox.queue("escalation-letter:" + escalation.id() + ":" + today, lead.email(),
						this.escalations.text("email.escalation.letterDue.subject", subject),
						this.escalations.text("email.escalation.letterDue.body", lead.displayName(), subject,
								escalation.letterDueOn().format(DATE), link));
				queued++;
			}
			if (escalation.nextReviewOn() != null && !today.isBefore(escalation.nextReviewOn())) {
				this.outbox.queue("escalation-review:" + escalation.id() + ":" + escalation.nextReviewOn(),
						lead.email(), this.escalations.text("email.escalation.reviewDue.subject", subject),
						this.escalations.text("email.escalation.reviewDue.body", lead.displayName(), subject,
								escalation.nextReviewOn().format(DATE), link));
				queued++;
			}
		}
		return queued;
	}

}
