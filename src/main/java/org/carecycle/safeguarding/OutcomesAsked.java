package org.carecycle.safeguarding;

/**
 * Making Safeguarding Personal: was the adult or their representative asked what outcomes
 * they wanted (SG4).
 */
public enum OutcomesAsked {

	ASKED_EXPRESSED, ASKED_NOT_EXPRESSED, NOT_ASKED, DONT_KNOW, NOT_RECORDED;

	public String messageKey() {
		return "safeguarding.outcomesAsked." + name();
	}

}
