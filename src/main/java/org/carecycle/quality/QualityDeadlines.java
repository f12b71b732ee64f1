package org.carecycle.quality;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.carecycle.identity.AuditLog;
import org.carecycle.identity.UserSummary;
import org.carecycle.mail.Outbox;
import org.carecycle.quality.ReviewEvents.ActionPlanOverdue;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps reviews' deadlines: reminds the provider three days before its comments or its
 * action plan are due, tells the officer when the comment window has closed without a
 * response (the draft can be published), and marks an action plan overdue the day after
 * it was due, telling the officer and publishing {@link ActionPlanOverdue} once. Each
 * email has its own de-duplication key, so running the job again sends nothing twice.
 */
@Component
public class QualityDeadlines {

	/** Days before a deadline that the provider is reminded. */
	static final int REMIND_DAYS_BEFORE = 3;

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private final Reviews reviews;

	private final Outbox outbox;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Clock clock;

	QualityDeadlines(Reviews reviews, Outbox outbox, ApplicationEventPublisher events, JdbcClient jdbc, Clock clock) {
		this.reviews = reviews;
		this.outbox = outbox;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${carecycle.quality.deadline-interval:PT1H}", initialDelayString = "PT1M")
	// transactional here: run() called from inside this class is not (a self-call skips
	// the proxy), and the outbox queues only inside a transaction
	@Transactional
	public void scheduled() {
		AuditLog.asSystem("Review deadlines", () -> {
			run();
			return null;
		});
	}

	/**
	 * Checks every waiting review once; returns how many reminders or notices it queued.
	 */
	@Transactional
	public int run() {
		LocalDate today = this.reviews.today();
		int queued = 0;
		for (Waiting waiting : waiting()) {
			Review review = this.reviews.get(waiting.id(), org.carecycle.identity.ProviderScope.everything());
			String service = this.reviews.serviceName(review);
			boolean comments = "FACTUAL_ACCURACY".equals(waiting.status());
			LocalDate due = waiting.dueOn();
			if (!today.isAfter(due) && !today.isBefore(due.minusDays(REMIND_DAYS_BEFORE))) {
				String what = comments ? "comments" : "plan";
				String path = "/my-organisation/reviews/" + review.id();
				for (UserSummary user : this.reviews.providerUsers(review)) {
					this.outbox.queue("qa-remind-" + what + ":" + review.id() + ":" + due + ":" + user.id(),
							user.email(),
							this.reviews.text("email.qaReminder." + what + ".subject", review.reference()),
							this.reviews.text("email.qaReminder." + what + ".body", user.displayName(), service,
									due.format(DATE), this.reviews.link(path)));
					queued++;
				}
			}
			else if (today.isAfter(due)) {
				if (comments) {
					this.reviews.notifyOfficer(review, "qa-window-closed:" + review.id() + ":" + due,
							this.reviews.text("email.qaWindowClosed.subject", review.reference()),
							"email.qaWindowClosed.body", service, this.reviews.link("/quality/reviews/" + review.id()));
					queued++;
				}
				else if (markActionPlanOverdue(review.id(), due)) {
					this.reviews.notifyOfficer(review, "qa-plan-overdue:" + review.id() + ":" + due,
							this.reviews.text("email.qaPlanOverdue.subject", review.reference()),
							"email.qaPlanOverdue.body", service, due.format(DATE),
							this.reviews.link("/quality/reviews/" + review.id()));
					this.events.publishEvent(new ActionPlanOverdue(review.id(), review.reference(),
							review.careServiceId(), review.providerId(), due));
					queued++;
				}
			}
		}
		return queued;
	}

	/** Reviews waiting on someone with a date, for the reminder job. */
	record Waiting(UUID id, String reference, UUID careServiceId, UUID providerId, String status, LocalDate dueOn,
			UUID officerId) {
	}

	List<Waiting> waiting() {
		return this.jdbc.sql("""
				select id, reference, care_service_id, provider_id, status,
				       case status when 'FACTUAL_ACCURACY' then comments_due_on else action_plan_due_on end as due_on,
				       officer_id
				from qa_review
				where (status = 'FACTUAL_ACCURACY' and provider_responded_at is null) or status = 'ACTION_PLAN_DUE'""")
			.query(Waiting.class)
			.list();
	}

	/**
	 * Records once that an action plan is overdue; true the first time. Called from
	 * {@link #run()}, inside its transaction.
	 */
	boolean markActionPlanOverdue(UUID id, LocalDate dueOn) {
		boolean already = this.jdbc.sql("""
				select exists (select 1 from qa_review_event where review_id = :id and to_status = 'OVERDUE'
				               and note = :due)""")
			.param("id", id)
			.param("due", dueOn.toString())
			.query(Boolean.class)
			.single();
		if (already) {
			return false;
		}
		this.jdbc.sql("""
				insert into qa_review_event (review_id, happened_at, actor_name, from_status, to_status, note)
				values (:id, :at, :actor, 'ACTION_PLAN_DUE', 'OVERDUE', :due)""")
			.param("id", id)
			.param("at", Timestamp.from(this.clock.instant()))
			.param("actor", this.reviews.text("review.actor.system"))
			.param("due", dueOn.toString())
			.update();
		return true;
	}

}
