package org.carecycle.concerns;

/** The answer to "is someone at risk of harm right now?". */
public enum AtRisk {

	YES, NO, NOT_SURE;

	public String messageKey() {
		return "concern.atRisk." + name();
	}

}
