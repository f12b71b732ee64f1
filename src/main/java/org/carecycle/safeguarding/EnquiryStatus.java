package org.carecycle.safeguarding;

/**
 * Where an enquiry is: being planned, being made (by the council, or by a body it was
 * caused to that has no portal), waiting for a provider's findings, concluded, closed.
 */
public enum EnquiryStatus {

	PLANNING, IN_PROGRESS, AWAITING_PROVIDER, CONCLUDED, CLOSED;

	public String messageKey() {
		return "safeguarding.enquiry.status." + name();
	}

	/** Whether the enquiry is still being made (not yet concluded). */
	public boolean isOpen() {
		return this == PLANNING || this == IN_PROGRESS || this == AWAITING_PROVIDER;
	}

}
