package org.carecycle.safeguarding;

/**
 * Gender as the Safeguarding Adults Collection counts it (SG1).
 */
public enum Gender {

	MALE, FEMALE, UNKNOWN;

	public String messageKey() {
		return "safeguarding.gender." + name();
	}

}
