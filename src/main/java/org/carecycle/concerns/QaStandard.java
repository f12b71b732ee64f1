package org.carecycle.concerns;

/**
 * The 16 quality assurance standards of the PAMMS-style framework, in its five domains;
 * the quality module scores reviews against them, and concern themes map onto them.
 */
public enum QaStandard {

	RESPECTING_AND_INVOLVING("INVOLVEMENT"), CONSENT("INVOLVEMENT"), CARE_AND_WELFARE("PERSONALISED_CARE"),
	NUTRITION("PERSONALISED_CARE"), COOPERATING_WITH_PROVIDERS("PERSONALISED_CARE"), SAFEGUARDING("SAFETY"),
	INFECTION_CONTROL("SAFETY"), MEDICINES("SAFETY"), PREMISES("SAFETY"), EQUIPMENT("SAFETY"),
	REQUIREMENTS_FOR_WORKERS("STAFFING"), STAFFING("STAFFING"), SUPPORTING_STAFF("STAFFING"),
	MONITORING_QUALITY("MANAGEMENT"), COMPLAINTS("MANAGEMENT"), RECORDS("MANAGEMENT");

	private final String domain;

	QaStandard(String domain) {
		this.domain = domain;
	}

	public String domainKey() {
		return "qaDomain." + this.domain;
	}

	public String messageKey() {
		return "qaStandard." + name();
	}

}
