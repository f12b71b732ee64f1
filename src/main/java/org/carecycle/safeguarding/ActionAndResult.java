package org.carecycle.safeguarding;

/**
 * The Safeguarding Adults Collection's seven combinations of action and result for a
 * concluded enquiry (SG2).
 */
public enum ActionAndResult {

	RISK_IDENTIFIED_ACTION_TAKEN, RISK_IDENTIFIED_NO_ACTION, INCONCLUSIVE_ACTION_TAKEN, INCONCLUSIVE_NO_ACTION,
	NO_RISK_ACTION_TAKEN, NO_RISK_NO_ACTION, CEASED_AT_REQUEST;

	public String messageKey() {
		return "safeguarding.actionAndResult." + name();
	}

}
