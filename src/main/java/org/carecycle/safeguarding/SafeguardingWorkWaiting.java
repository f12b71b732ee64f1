package org.carecycle.safeguarding;

import java.util.List;

import org.carecycle.identity.CurrentUser;
import org.carecycle.shared.Role;
import org.carecycle.web.WorkItem;
import org.carecycle.web.WorkItem.Urgency;
import org.carecycle.web.WorkWaiting;

import org.springframework.stereotype.Component;

/**
 * Safeguarding work on the home page: for a safeguarding lead the section 42 decisions
 * overdue and due today; for a QA officer the open cases they are named on.
 */
@Component
class SafeguardingWorkWaiting implements WorkWaiting {

	private final SafeguardingCases cases;

	private final CurrentUser currentUser;

	SafeguardingWorkWaiting(SafeguardingCases cases, CurrentUser currentUser) {
		this.cases = cases;
		this.currentUser = currentUser;
	}

	@Override
	public List<WorkItem> waitingFor(Role role) {
		return switch (role) {
			case SAFEGUARDING_LEAD -> {
				SafeguardingCases.Due due = this.cases.decisionsDue();
				yield List.of(
						new WorkItem(Urgency.OVERDUE, due.overdue(), "safeguarding.queue.todo.overdue",
								"/safeguarding"),
						new WorkItem(Urgency.DUE_TODAY, due.dueToday(), "safeguarding.queue.todo.dueToday",
								"/safeguarding"));
			}
			case QA_OFFICER ->
				List.of(new WorkItem(Urgency.DUE_SOON, this.cases.openCasesNaming(this.currentUser.require().id()),
						"safeguarding.queue.todo.named", "/safeguarding"));
			default -> List.of();
		};
	}

}
