package org.carecycle.concerns;

/** Who is telling us, in the words of the form. */
public enum ReporterRole {

	PROFESSIONAL, PERSON_USING_SERVICE, RELATIVE_OR_FRIEND, MEMBER_OF_PUBLIC, PROVIDER, STAFF_MEMBER;

	public String messageKey() {
		return "concern.reporterRole." + name();
	}

	/** A member of the service's staff raising a concern: a whistleblower. */
	public boolean isWhistleblower() {
		return this == STAFF_MEMBER;
	}

	/**
	 * Whether the person works at the service (a whistleblower, or the provider's own
	 * staff): the provider can recognise them from their shift, role or wing, so what the
	 * provider is told needs a second check.
	 */
	public boolean worksAtService() {
		return this == STAFF_MEMBER || this == PROVIDER;
	}

}
