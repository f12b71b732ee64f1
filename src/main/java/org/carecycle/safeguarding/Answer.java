package org.carecycle.safeguarding;

/**
 * Yes, no or not known: for autism (SG1), capacity and advocacy (SG3).
 */
public enum Answer {

	YES, NO, DONT_KNOW, NOT_RECORDED, NOT_KNOWN;

	public String messageKey() {
		return "safeguarding.answer." + name();
	}

}
