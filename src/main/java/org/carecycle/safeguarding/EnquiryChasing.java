package org.carecycle.safeguarding;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.carecycle.identity.AuditLog;
import org.carecycle.identity.UserDirectory;
import org.carecycle.identity.UserSummary;
import org.carecycle.mail.Outbox;
import org.carecycle.safeguarding.SafeguardingSteps.About;
import org.carecycle.shared.ProviderId;
import org.carecycle.shared.UkTime;
import org.carecycle.shared.WorkingDays;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Chases providers that have not sent their findings for an enquiry caused to them: on
 * the first working day after the due date, then every
 * {@code carecycle.safeguarding.chase-every-working-days} working days (5 unless set),
 * counting weekends and bank holidays out. Each chase emails the provider's users, counts
 * itself on the enquiry and is a step of the case. Running the job again on the same day
 * chases nobody twice: the enquiry's own last chase decides, and each email's
 * de-duplication key names the chase.
 */
@Component
public class EnquiryChasing {

	private final JdbcClient jdbc;

	private final WorkingDays workingDays;

	private final Outbox outbox;

	private final UserDirectory users;

	private final Enquiries enquiries;

	private final SafeguardingSteps steps;

	private final Clock clock;

	private final int everyWorkingDays;

	EnquiryChasing(JdbcClient jdbc, WorkingDays workingDays, Outbox outbox, UserDirectory users, Enquiries enquiries,
			SafeguardingSteps steps, Clock clock,
			@Value("${carecycle.safeguarding.chase-every-working-days:5}") int everyWorkingDays) {
		this.jdbc = jdbc;
		this.workingDays = workingDays;
		this.outbox = outbox;
		this.users = users;
		this.enquiries = enquiries;
		this.steps = steps;
		this.clock = clock;
		this.everyWorkingDays = Math.max(1, everyWorkingDays);
	}

	@Scheduled(fixedDelayString = "${carecycle.safeguarding.chase-interval:PT1H}", initialDelayString = "PT2M")
	// transactional here: run() called from inside this class is not (a self-call skips
	// the proxy), and the outbox queues only inside a transaction
	@Transactional
	public void scheduled() {
		AuditLog.asSystem("Safeguarding enquiry chasing", () -> run(UkTime.today(this.clock)));
	}

	record Waiting(UUID id, UUID concernId, String reference, UUID providerId, LocalDate dueOn, LocalDate lastChasedOn,
			int chaseCount) {
	}

	/** Chases every provider past its due date on {@code today}; returns how many. */
	@Transactional
	public int run(LocalDate today) {
		int chased = 0;
		for (Waiting waiting : waiting(today)) {
			if (!due(waiting, today)) {
				continue;
			}
			int count = waiting.chaseCount() + 1;
			int changed = this.jdbc.sql("""
					update safeguarding_enquiry set last_chased_at = :at, chase_count = :count
					where id = :id and chase_count = :before and status = 'AWAITING_PROVIDER'""")
				.param("at",
						Timestamp.from(UkTime.startOf(today).isAfter(this.clock.instant()) ? UkTime.startOf(today)
								: this.clock.instant()))
				.param("count", count)
				.param("id", waiting.id())
				.param("before", waiting.chaseCount())
				.update();
			if (changed == 0) {
				continue;
			}
			int overdue = this.workingDays.between(waiting.dueOn(), today);
			for (UserSummary user : this.users.ofProvider(new ProviderId(waiting.providerId()))) {
				if (!user.enabled()) {
					continue;
				}
				this.outbox.queue("sg-enquiry-chase:" + waiting.id() + ":" + count + ":" + user.id(), user.email(),
						this.enquiries.text("safeguarding.caused.chaseEmail.subject", waiting.reference()),
						this.enquiries.text("safeguarding.caused.chaseEmail.body", user.displayName(),
								waiting.reference(), waiting.dueOn().format(Enquiries.DATE), overdue,
								this.enquiries.link("/my-organisation/safeguarding/" + waiting.id())));
			}
			this.steps.record(About.enquiry(waiting.concernId(), waiting.id()), "ENQUIRY_CHASED",
					Integer.toString(count));
			chased++;
		}
		return chased;
	}

	/**
	 * Whether a chase is due today: the first on the first working day after the due
	 * date, each later one the set number of working days after the last.
	 */
	boolean due(Waiting waiting, LocalDate today) {
		if (this.workingDays.between(waiting.dueOn(), today) < 1) {
			return false;
		}
		return waiting.lastChasedOn() == null
				|| this.workingDays.between(waiting.lastChasedOn(), today) >= this.everyWorkingDays;
	}

	private List<Waiting> waiting(LocalDate today) {
		return this.jdbc
			.sql("""
					select e.id, e.concern_id, c.reference, e.caused_to_provider_id, e.caused_due_on,
					       (e.last_chased_at at time zone 'Europe/London')::date as last_chased_on, e.chase_count
					from safeguarding_enquiry e join safeguarding_concern c on c.id = e.concern_id
					where e.status = 'AWAITING_PROVIDER' and e.caused_to_provider_id is not null and e.caused_due_on < :today""")
			.param("today", today)
			.query((rs, n) -> new Waiting(rs.getObject("id", UUID.class), rs.getObject("concern_id", UUID.class),
					rs.getString("reference"), rs.getObject("caused_to_provider_id", UUID.class),
					rs.getObject("caused_due_on", LocalDate.class), rs.getObject("last_chased_on", LocalDate.class),
					rs.getInt("chase_count")))
			.list();
	}

}
