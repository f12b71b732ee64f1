package org.carecycle.commissioning;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.carecycle.identity.AuditLog;
import org.carecycle.identity.UserDirectory;
import org.carecycle.identity.UserSummary;
import org.carecycle.mail.Outbox;
import org.carecycle.shared.UkTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds the owner of a strategy in force that its review is coming ({@code lead} days
 * before the review date) or overdue: one email per strategy and review date, queued
 * through the outbox. Recording the review sets a new date, and the next reminder follows
 * it.
 */
@Component
public class StrategyReminders {

	private static final Logger log = LoggerFactory.getLogger(StrategyReminders.class);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private final JdbcClient jdbc;

	private final Outbox outbox;

	private final UserDirectory users;

	private final MessageSource messages;

	private final Clock clock;

	private final String baseUrl;

	private final int leadDays;

	StrategyReminders(JdbcClient jdbc, Outbox outbox, UserDirectory users, MessageSource messages, Clock clock,
			@Value("${carecycle.base-url}") String baseUrl,
			@Value("${carecycle.commissioning.strategy-reminder-days:28}") int leadDays) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.users = users;
		this.messages = messages;
		this.clock = clock;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.leadDays = leadDays;
	}

	@Scheduled(fixedDelayString = "${carecycle.commissioning.strategy-reminder-interval:PT6H}",
			initialDelayString = "PT4M")
	void scheduled() {
		try {
			AuditLog.asSystem("Commissioning strategy reminders", this::run);
		}
		catch (RuntimeException ex) {
			log.warn("Commissioning strategy reminders could not be sent", ex);
		}
	}

	private record Due(UUID id, String reference, String title, UUID ownerId, LocalDate reviewDueOn) {
	}

	/** Reminds the owner of every strategy whose review is near or overdue; how many. */
	@Transactional
	public int run() {
		LocalDate today = UkTime.today(this.clock);
		List<Due> due = this.jdbc.sql("""
				select id, reference, title, owner_id, review_due_on from commissioning_strategy
				where status in ('APPROVED', 'IN_REVIEW') and review_due_on is not null
				  and review_due_on <= :horizon and reminded_for is distinct from review_due_on""")
			.param("horizon", Date.valueOf(today.plusDays(this.leadDays)))
			.query(Due.class)
			.list();
		int sent = 0;
		for (Due strategy : due) {
			UserSummary owner = this.users.find(strategy.ownerId()).filter(UserSummary::enabled).orElse(null);
			if (owner != null && owner.email() != null) {
				String key = strategy.reviewDueOn().isBefore(today) ? "overdue" : "due";
				this.outbox.queue("strategy-review:" + strategy.id() + ":" + strategy.reviewDueOn(), owner.email(),
						text("strategy.email." + key + ".subject", strategy.reference(), strategy.title()),
						text("strategy.email." + key + ".body", owner.displayName(), strategy.title(),
								strategy.reviewDueOn().format(DATE),
								this.baseUrl + "/commissioning/strategies/" + strategy.id()));
				sent++;
			}
			this.jdbc.sql("update commissioning_strategy set reminded_for = review_due_on where id = :id")
				.param("id", strategy.id())
				.update();
		}
		return sent;
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, key, Locale.UK);
	}

}
