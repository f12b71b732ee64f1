package org.carecycle.safeguarding;

/**
 * Someone else changed the enquiry since the page was drawn: the change is refused and
 * the page shows the latest version.
 */
public class EnquiryChangedException extends RuntimeException {

	public EnquiryChangedException() {
		super("The enquiry was changed by someone else");
	}

}
