package org.carecycle.concerns;

/** The ten types of abuse and neglect of the Care Act statutory guidance, and "any". */
public enum AbuseType {

	PHYSICAL, DOMESTIC, SEXUAL, PSYCHOLOGICAL, FINANCIAL, MODERN_SLAVERY, DISCRIMINATORY, ORGANISATIONAL, NEGLECT,
	SELF_NEGLECT, ANY;

	public String messageKey() {
		return "abuseType." + name();
	}

}
