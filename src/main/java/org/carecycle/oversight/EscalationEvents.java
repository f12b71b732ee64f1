package org.carecycle.oversight;

import java.time.LocalDate;
import java.util.UUID;

/** What the escalation ladder tells the rest of CareCycle. */
public final class EscalationEvents {

	private EscalationEvents() {
	}

	/**
	 * A provider or service moved on the ladder.
	 *
	 * @param careServiceId the service, or null when the ladder is the whole provider's
	 */
	public record EscalationMoved(UUID escalationId, UUID providerId, UUID careServiceId, EscalationStage from,
			EscalationStage to, LocalDate decidedOn) {

		public boolean embargoStarted() {
			return to.isEmbargo() && !from.isEmbargo();
		}

		public boolean embargoLifted() {
			return from.isEmbargo() && !to.isEmbargo();
		}

	}

}
