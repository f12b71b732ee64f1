package org.carecycle.safeguarding;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.carecycle.identity.AuditLog;
import org.carecycle.mail.Outbox;
import org.carecycle.safeguarding.SafeguardingSteps.About;
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
 * Reminds the owners of actions agreed at whole-service enquiry meetings when an action
 * falls due or is overdue: one email per action and due date, queued through the outbox
 * and recorded as a step of the enquiry. Running it again sends nothing new.
 */
@Component
public class WholeServiceReminders {

	private static final Logger log = LoggerFactory.getLogger(WholeServiceReminders.class);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private final JdbcClient jdbc;

	private final Outbox outbox;

	private final SafeguardingSteps steps;

	private final MessageSource messages;

	private final Clock clock;

	private final String baseUrl;

	WholeServiceReminders(JdbcClient jdbc, Outbox outbox, SafeguardingSteps steps, MessageSource messages, Clock clock,
			@Value("${carecycle.base-url}") String baseUrl) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.steps = steps;
		this.messages = messages;
		this.clock = clock;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	@Scheduled(fixedDelayString = "${carecycle.safeguarding.whole-service.reminder-interval:PT1H}",
			initialDelayString = "PT3M")
	void scheduled() {
		try {
			AuditLog.asSystem("Whole-service enquiry reminders", this::run);
		}
		catch (RuntimeException ex) {
			log.warn("Whole-service enquiry reminders could not be sent", ex);
		}
	}

	private record Due(UUID id, UUID enquiryId, String reference, String description, String ownerName,
			String ownerEmail, LocalDate dueOn) {
	}

	/** Reminds every owner whose action is due or overdue; returns how many it queued. */
	@Transactional
	public int run() {
		LocalDate today = UkTime.today(this.clock);
		List<Due> due = this.jdbc.sql("""
				select a.id, w.id as enquiry_id, w.reference, a.description, a.owner_name, a.owner_email, a.due_on
				from safeguarding_meeting_action a
				join safeguarding_meeting m on m.id = a.meeting_id
				join safeguarding_whole_service_enquiry w on w.id = m.whole_service_enquiry_id
				where a.done_at is null and a.reminded_at is null and a.due_on <= :today and w.status = 'OPEN'
				  and a.owner_email is not null""").param("today", Date.valueOf(today)).query(Due.class).list();
		for (Due action : due) {
			String key = action.dueOn().isBefore(today) ? "overdue" : "due";
			this.outbox.queue("wse-action:" + action.id() + ":" + action.dueOn(), action.ownerEmail(),
					text("safeguarding.wse.email." + key + ".subject", action.reference()),
					text("safeguarding.wse.email." + key + ".body", action.ownerName(), action.reference(),
							action.description(), action.dueOn().format(DATE),
							this.baseUrl + "/safeguarding/whole-service/" + action.enquiryId()));
			this.jdbc.sql("update safeguarding_meeting_action set reminded_at = :now where id = :id")
				.param("now", Timestamp.from(this.clock.instant()))
				.param("id", action.id())
				.update();
			this.steps.record(About.wholeService(action.enquiryId()), "WSE_ACTION_REMINDED",
					action.ownerName() + ": " + action.description());
		}
		return due.size();
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, key, Locale.UK);
	}

}
