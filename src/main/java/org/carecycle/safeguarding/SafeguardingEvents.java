package org.carecycle.safeguarding;

import java.util.UUID;

/**
 * What the safeguarding module tells the rest of CareCycle (the oversight module's risk
 * profile listens): never an adult or what happened, only that a service's safeguarding
 * activity changed.
 */
public final class SafeguardingEvents {

	private SafeguardingEvents() {
	}

	/** A safeguarding concern was opened, decided, closed or merged. */
	public record CaseChanged(UUID concernId, UUID careServiceId) {
	}

}
