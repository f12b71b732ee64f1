package org.carecycle.oversight;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.carecycle.identity.CurrentUser;
import org.carecycle.identity.ProviderScope;
import org.carecycle.shared.Role;
import org.carecycle.shared.UkTime;
import org.carecycle.web.WorkItem;
import org.carecycle.web.WorkItem.Urgency;
import org.carecycle.web.WorkWaiting;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Oversight's work on the home page: for those who decide escalations, the letters and
 * reviews of the ladder that are due; for officers the KPI returns overdue and the early
 * warnings waiting for a decision; for a provider its own KPI returns overdue and still
 * to send.
 */
@Component
class OversightWorkWaiting implements WorkWaiting {

	/** How far ahead a letter or review counts as due soon. */
	static final int SOON_DAYS = 7;

	private final JdbcClient jdbc;

	private final KpiReturns returns;

	private final OwedReturns owed;

	private final EarlyWarnings warnings;

	private final CurrentUser currentUser;

	private final Clock clock;

	OversightWorkWaiting(JdbcClient jdbc, KpiReturns returns, OwedReturns owed, EarlyWarnings warnings,
			CurrentUser currentUser, Clock clock) {
		this.jdbc = jdbc;
		this.returns = returns;
		this.owed = owed;
		this.warnings = warnings;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	@Override
	public List<WorkItem> waitingFor(Role role) {
		List<WorkItem> items = new ArrayList<>();
		if (role == Role.COMMISSIONER || role == Role.QA_OFFICER) {
			items.addAll(escalations());
		}
		if (role == Role.QA_OFFICER) {
			items.add(new WorkItem(Urgency.OVERDUE, this.returns.overdueCount(), "escalation.todo.returnsOverdue",
					"/oversight/returns"));
			items.add(new WorkItem(Urgency.DUE_SOON, this.warnings.openCount(), "escalation.todo.warnings",
					"/oversight/warnings"));
		}
		if (role == Role.PROVIDER) {
			this.currentUser.scope().provider().ifPresent(provider -> {
				long[] counts = this.owed.overdueAndOwed(ProviderScope.only(provider));
				items.add(new WorkItem(Urgency.OVERDUE, counts[0], "escalation.todo.provider.returnsOverdue",
						"/my-organisation/returns"));
				items.add(new WorkItem(Urgency.DUE_SOON, counts[1] - counts[0], "escalation.todo.provider.returnsDue",
						"/my-organisation/returns"));
			});
		}
		return items;
	}

	/** The escalation ladder's letters not yet sent and reviews due, by how soon. */
	private List<WorkItem> escalations() {
		LocalDate today = UkTime.today(this.clock);
		return this.jdbc.sql("""
				select count(*) filter (where letter_sent_on is null and letter_due_on < :today) as letters_overdue,
				       count(*) filter (where letter_sent_on is null and letter_due_on = :today) as letters_today,
				       count(*) filter (where letter_sent_on is null and letter_due_on > :today
				                        and letter_due_on <= :soon) as letters_soon,
				       count(*) filter (where next_review_on < :today) as reviews_overdue,
				       count(*) filter (where next_review_on = :today) as reviews_today,
				       count(*) filter (where next_review_on > :today and next_review_on <= :soon) as reviews_soon
				from escalation where stage <> 'ROUTINE'""")
			.param("today", today)
			.param("soon", today.plusDays(SOON_DAYS))
			.query((rs, n) -> List.of(
					new WorkItem(Urgency.OVERDUE, rs.getLong("letters_overdue"), "escalation.todo.lettersOverdue",
							"/oversight"),
					new WorkItem(Urgency.DUE_TODAY, rs.getLong("letters_today"), "escalation.todo.lettersToday",
							"/oversight"),
					new WorkItem(Urgency.DUE_SOON, rs.getLong("letters_soon"), "escalation.todo.lettersSoon",
							"/oversight"),
					new WorkItem(Urgency.OVERDUE, rs.getLong("reviews_overdue"), "escalation.todo.reviewsOverdue",
							"/oversight"),
					new WorkItem(Urgency.DUE_TODAY, rs.getLong("reviews_today"), "escalation.todo.reviewsToday",
							"/oversight"),
					new WorkItem(Urgency.DUE_SOON, rs.getLong("reviews_soon"), "escalation.todo.reviewsSoon",
							"/oversight")))
			.single();
	}

}
