package org.carecycle.concerns;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * What the concerns module tells the rest of CareCycle (the oversight module's risk
 * profile listens): a concern was raised, assessed, referred to safeguarding or closed.
 */
public final class ConcernEvents {

	private ConcernEvents() {
	}

	public record ConcernRaised(UUID concernId, String reference, ConcernKind kind, UUID careServiceId, UUID providerId,
			boolean safeguardingFlag, Instant receivedAt) {
	}

	public record ConcernAssessed(UUID concernId, UUID careServiceId, UUID providerId, Set<Theme> themes, int riskScore,
			ConcernAction action) {
	}

	public record ConcernReferred(UUID concernId, UUID careServiceId, UUID referralId, String reasons) {
	}

	public record ConcernClosed(UUID concernId, UUID careServiceId, Instant closedAt) {
	}

}
