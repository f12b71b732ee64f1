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

}
