package org.carecycle.safeguarding;

import java.util.List;

import org.carecycle.shared.Role;
import org.carecycle.web.WorkItem;
import org.carecycle.web.WorkItem.Urgency;
import org.carecycle.web.WorkWaiting;

import org.springframework.stereotype.Component;

/**
 * The safeguarding leads' whole-service work on their home page: suggestions waiting for
 * a senior manager's decision, and meeting actions past their due dates.
 */
@Component
class WholeServiceWorkWaiting implements WorkWaiting {

	private final WholeServiceEnquiries enquiries;

	WholeServiceWorkWaiting(WholeServiceEnquiries enquiries) {
		this.enquiries = enquiries;
	}

	@Override
	public List<WorkItem> waitingFor(Role role) {
		if (role != Role.SAFEGUARDING_LEAD) {
			return List.of();
		}
		return List.of(
				new WorkItem(Urgency.DUE_TODAY, this.enquiries.suggestionsWaiting(),
						"safeguarding.wse.todo.suggestions", "/safeguarding/whole-service?status=SUGGESTED"),
				new WorkItem(Urgency.OVERDUE, this.enquiries.actionsOverdue(), "safeguarding.wse.todo.actionsOverdue",
						"/safeguarding/whole-service?actions=overdue"));
	}

}
