package org.carecycle.concerns;

/**
 * Where a concern is in its life: received, acknowledged by an officer, assessed with an
 * action under way, waiting for the provider's response, or closed with an outcome.
 */
public enum ConcernStatus {

	NEW("blue"), ACKNOWLEDGED("light-blue"), ASSESSED("purple"), AWAITING_PROVIDER("yellow"),
	PROVIDER_RESPONDED("turquoise"), CLOSED("grey");

	private final String colour;

	ConcernStatus(String colour) {
		this.colour = colour;
	}

	public String colour() {
		return this.colour;
	}

	public String messageKey() {
		return "concern.status." + name();
	}

	public boolean isOpen() {
		return this != CLOSED;
	}

}
