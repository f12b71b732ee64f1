package org.carecycle.safeguarding;

/**
 * Making Safeguarding Personal: were the outcomes the adult expressed achieved (SG4).
 */
public enum OutcomesAchieved {

	FULLY, PARTIALLY, NOT;

	public String messageKey() {
		return "safeguarding.outcomesAchieved." + name();
	}

}
