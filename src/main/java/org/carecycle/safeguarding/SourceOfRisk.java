package org.carecycle.safeguarding;

/**
 * The Safeguarding Adults Collection's sources of risk (SG2): councils, NHS trusts and
 * GPs count as other.
 */
public enum SourceOfRisk {

	SERVICE_PROVIDER, OTHER_KNOWN, OTHER_UNKNOWN;

	public String messageKey() {
		return "safeguarding.sourceOfRisk." + name();
	}

}
