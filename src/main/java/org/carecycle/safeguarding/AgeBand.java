package org.carecycle.safeguarding;

/**
 * The age bands the Safeguarding Adults Collection counts (SG1), and unknown.
 */
public enum AgeBand {

	AGE_18_64, AGE_65_74, AGE_75_84, AGE_85_94, AGE_95_PLUS, UNKNOWN;

	public String messageKey() {
		return "safeguarding.ageBand." + name();
	}

}
