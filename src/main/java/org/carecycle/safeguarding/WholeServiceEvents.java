package org.carecycle.safeguarding;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What safeguarding tells the rest of CareCycle about whole-service enquiries: the
 * escalation ladder listens, and may suspend placements with the service. The events
 * carry no adult and nothing of what happened.
 */
public final class WholeServiceEvents {

	private WholeServiceEvents() {
	}

	/**
	 * A senior manager opened a whole-service enquiry.
	 *
	 * @param suspendPlacements whether the manager asked for new placements with the
	 * service to be suspended
	 * @param decidedBy the manager's user id
	 * @param decidedByName the manager's name, as the ladder records the decision
	 */
	public record WholeServiceEnquiryOpened(UUID id, String reference, UUID careServiceId, UUID providerId,
			boolean suspendPlacements, UUID decidedBy, String decidedByName, LocalDate openedOn) {
	}

	/** A whole-service enquiry closed at its closing meeting. */
	public record WholeServiceEnquiryClosed(UUID id, String reference, UUID careServiceId, LocalDate closedOn) {
	}

}
