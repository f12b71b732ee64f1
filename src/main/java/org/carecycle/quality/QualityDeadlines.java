package org.carecycle.quality;

import java.time.format.DateTimeFormatter;
import java.time.LocalDate;
import java.util.Locale;

import org.carecycle.identity.AuditLog;
import org.carecycle.identity.UserSummary;
import org.carecycle.mail.Outbox;
import org.carecycle.quality.ReviewEvents.ActionPlanOverdue;

import org.springframework.context.ApplicationEventPublisher;
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

	QualityDeadlines(Reviews reviews, Outbox outbox, ApplicationEventPublisher events) {
		this.reviews = reviews;
		this.outbox = outbox;
		this.events = events;
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
		for (Reviews.Waiting waiting : this.reviews.waiting()) {
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
				else if (this.reviews.markActionPlanOverdue(review.id(), due)) {
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

}
