package org.carecycle.providers;

/** What a CQC rating is about: the service overall, or one of the five key questions. */
public enum KeyQuestion {

	OVERALL, SAFE, EFFECTIVE, CARING, RESPONSIVE, WELL_LED;

	public String messageKey() {
		return "keyQuestion." + name();
	}

}
