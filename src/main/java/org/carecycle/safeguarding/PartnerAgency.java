package org.carecycle.safeguarding;

/**
 * Partner agencies that raise safeguarding concerns.
 */
public enum PartnerAgency {

	POLICE, NHS, OTHER_COUNCIL, AMBULANCE, FIRE, CQC, OTHER;

	public String messageKey() {
		return "safeguarding.partnerAgency." + name();
	}

}
