package org.carecycle.providers;

import java.util.List;

import org.carecycle.shared.Role;
import org.carecycle.web.WorkItem;
import org.carecycle.web.WorkItem.Urgency;
import org.carecycle.web.WorkWaiting;

import org.springframework.stereotype.Component;

/**
 * The contracts ending within {@value Register#ENDING_SOON_MONTHS} months, on the home
 * page of those who decide what happens next: commissioners and quality assurance
 * officers.
 */
@Component
class ContractWorkWaiting implements WorkWaiting {

	private final RegisterContracts contracts;

	ContractWorkWaiting(RegisterContracts contracts) {
		this.contracts = contracts;
	}

	@Override
	public List<WorkItem> waitingFor(Role role) {
		if (role != Role.COMMISSIONER) {
			return List.of();
		}
		return List.of(new WorkItem(Urgency.DUE_SOON, this.contracts.endingSoonCount(), "contract.todo.endingSoon",
				"/contracts?endingSoon=true"));
	}

}
