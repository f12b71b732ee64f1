package org.carecycle.concerns;

/**
 * The eleven types of risk the Safeguarding Adults Collection counts (the Care Act
 * statutory guidance's ten, with sexual exploitation counted apart from sexual abuse), in
 * the collection's order, and "any" for a rule that does not say which.
 */
public enum AbuseType {

	PHYSICAL, SEXUAL, PSYCHOLOGICAL, FINANCIAL, DISCRIMINATORY, ORGANISATIONAL, NEGLECT, DOMESTIC, SEXUAL_EXPLOITATION,
	MODERN_SLAVERY, SELF_NEGLECT, ANY;

	/** The eleven types of risk, without "any". */
	public static java.util.List<AbuseType> typesOfRisk() {
		return java.util.Arrays.stream(values()).filter(type -> type != ANY).toList();
	}

	public String messageKey() {
		return "abuseType." + name();
	}

}
