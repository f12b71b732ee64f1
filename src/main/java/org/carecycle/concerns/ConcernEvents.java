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

	/**
	 * A concern was referred to safeguarding: by the screen when it came in, or by an
	 * officer's assessment. The safeguarding module opens its safeguarding concern from
	 * this. Never the reporter's identity or words: only why it was referred.
	 *
	 * @param concernId the concern
	 * @param reference its reference (PPMF-2026-000123)
	 * @param careServiceId the service it is about, or null when not on the register
	 * @param providerId the service's provider, or null
	 * @param serviceDescription the service in the reporter's words, when not on the
	 * register
	 * @param receivedAt when the concern was received
	 * @param reasons why it was referred (the screen's reasons, or the officer's)
	 */
	public record ConcernReferred(UUID concernId, String reference, UUID careServiceId, UUID providerId,
			String serviceDescription, Instant receivedAt, String reasons) {
	}

	public record ConcernClosed(UUID concernId, UUID careServiceId, Instant closedAt) {
	}

}
