package org.carecycle.safeguarding;

/**
 * The Safeguarding Adults Collection's seven ethnic groups (SG1).
 */
public enum Ethnicity {

	WHITE, MIXED, ASIAN, BLACK, OTHER, REFUSED, NOT_KNOWN;

	public String messageKey() {
		return "safeguarding.ethnicity." + name();
	}

}
