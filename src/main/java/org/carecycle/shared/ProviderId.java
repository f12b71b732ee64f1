package org.carecycle.shared;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a provider organisation. Shared because identity scopes provider users to
 * one organisation while the providers module owns the organisations themselves.
 */
public record ProviderId(UUID value) {

	public ProviderId {
		Objects.requireNonNull(value, "value");
	}

	public static ProviderId of(String value) {
		return new ProviderId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
