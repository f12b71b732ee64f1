package org.carecycle.safeguarding;

/**
 * Someone else changed the safeguarding case since the page was drawn: the change is
 * refused and the person sees the case as it now is.
 */
public class CaseChangedException extends RuntimeException {

	public CaseChangedException() {
		super("Someone else changed this safeguarding case while you were working on it");
	}

}
