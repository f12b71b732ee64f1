package org.carecycle.providers;

/** Who owns a provider organisation. */
public enum Ownership {

	PRIVATE, VOLUNTARY, COUNCIL, NHS;

	public String messageKey() {
		return "ownership." + name();
	}

}
