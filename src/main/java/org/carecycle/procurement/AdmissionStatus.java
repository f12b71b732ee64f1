package org.carecycle.procurement;

/** Where a provider stands on a lot of a framework or dynamic market. */
public enum AdmissionStatus {

	/** Applied to a dynamic market; waiting for a commissioner's decision. */
	APPLIED,
	/** Admitted: may be called off, at its price. */
	ADMITTED,
	/** The application was refused, with reasons. */
	REFUSED,
	/** Admitted but not to be called off for now, with reasons. */
	SUSPENDED,
	/** Taken off the lot, with reasons. */
	REMOVED,
	/** The provider withdrew its application before a decision. */
	WITHDRAWN;

	/** Whether the provider still holds, or waits for, a place on the lot. */
	public boolean isLive() {
		return this == APPLIED || this == ADMITTED || this == SUSPENDED;
	}

	public String messageKey() {
		return "admissionStatus." + name();
	}

	/** The colour of its GOV.UK tag. */
	public String colour() {
		return switch (this) {
			case APPLIED -> "blue";
			case ADMITTED -> "green";
			case REFUSED, REMOVED -> "red";
			case SUSPENDED -> "orange";
			case WITHDRAWN -> "grey";
		};
	}

}
