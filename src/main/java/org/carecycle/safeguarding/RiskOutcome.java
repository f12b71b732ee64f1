package org.carecycle.safeguarding;

/**
 * What happened to the risk when an enquiry concluded with action taken (SG2).
 */
public enum RiskOutcome {

	REMAINED, REDUCED, REMOVED;

	public String messageKey() {
		return "safeguarding.riskOutcome." + name();
	}

}
