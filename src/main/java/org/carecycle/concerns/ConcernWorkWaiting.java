package org.carecycle.concerns;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.carecycle.concerns.ConcernQueue.View;
import org.carecycle.identity.CurrentUser;
import org.carecycle.shared.ProviderId;
import org.carecycle.shared.Role;
import org.carecycle.shared.UkTime;
import org.carecycle.web.WorkItem;
import org.carecycle.web.WorkItem.Urgency;
import org.carecycle.web.WorkWaiting;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The concerns waiting on the home page: for quality assurance officers the triage
 * queue's overdue, due today and unassigned concerns; for safeguarding leads the flagged
 * concerns still to assess; for a provider the council's questions it has not answered,
 * about its own services only.
 */
@Component
class ConcernWorkWaiting implements WorkWaiting {

	private final ConcernQueue queue;

	private final CurrentUser currentUser;

	private final JdbcClient jdbc;

	private final Clock clock;

	ConcernWorkWaiting(ConcernQueue queue, CurrentUser currentUser, JdbcClient jdbc, Clock clock) {
		this.queue = queue;
		this.currentUser = currentUser;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public List<WorkItem> waitingFor(Role role) {
		return switch (role) {
			case QA_OFFICER -> {
				Map<View, Long> counts = this.queue.countsNow(this.currentUser.require().id());
				yield List.of(item(Urgency.OVERDUE, counts, View.OVERDUE, "concerns.todo.overdue"),
						item(Urgency.DUE_TODAY, counts, View.DUE_TODAY, "concerns.todo.dueToday"),
						item(Urgency.DUE_SOON, counts, View.UNASSIGNED, "concerns.todo.unassigned"),
						item(Urgency.DUE_TODAY, counts, View.SAFEGUARDING, "concerns.todo.safeguarding"));
			}
			case SAFEGUARDING_LEAD -> {
				Map<View, Long> counts = this.queue.countsNow(this.currentUser.require().id());
				yield List.of(item(Urgency.DUE_TODAY, counts, View.SAFEGUARDING, "concerns.todo.safeguarding"));
			}
			case PROVIDER -> this.currentUser.scope().provider().map(this::forProvider).orElse(List.of());
			default -> List.of();
		};
	}

	private static WorkItem item(Urgency urgency, Map<View, Long> counts, View view, String messageKey) {
		return new WorkItem(urgency, counts.getOrDefault(view, 0L), messageKey, "/concerns?view=" + view.name());
	}

	/**
	 * The council's questions about this provider's services that it has not answered.
	 */
	private List<WorkItem> forProvider(ProviderId provider) {
		return this.jdbc.sql("""
				select count(*) filter (where r.due_on < :today) as overdue,
				       count(*) filter (where r.due_on >= :today) as waiting
				from concern_provider_request r
				join concern c on c.id = r.concern_id
				where c.provider_id = :provider and r.responded_at is null""")
			.param("today", UkTime.today(this.clock))
			.param("provider", provider.value())
			.query((rs, n) -> List.of(
					new WorkItem(Urgency.OVERDUE, rs.getLong("overdue"), "concerns.todo.provider.overdue",
							"/my-organisation/concerns?waiting"),
					new WorkItem(Urgency.DUE_SOON, rs.getLong("waiting"), "concerns.todo.provider.waiting",
							"/my-organisation/concerns?waiting")))
			.single();
	}

}
