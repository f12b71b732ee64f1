package org.carecycle.safeguarding;

/**
 * The Safeguarding Adults Collection's nine locations of risk (SG2).
 */
public enum LocationOfRisk {

	OWN_HOME, COMMUNITY, COMMUNITY_SERVICE, CARE_HOME_NURSING, CARE_HOME_RESIDENTIAL, HOSPITAL_ACUTE,
	HOSPITAL_MENTAL_HEALTH, HOSPITAL_COMMUNITY, OTHER;

	public String messageKey() {
		return "safeguarding.locationOfRisk." + name();
	}

}
