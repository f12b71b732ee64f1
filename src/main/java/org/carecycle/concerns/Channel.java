package org.carecycle.concerns;

/** How a concern or compliment reached the council. */
public enum Channel {

	PUBLIC_FORM, PHONE, EMAIL, LETTER, IN_PERSON, PROVIDER_PORTAL;

	/** The channels a member of staff records by hand. */
	public static final Channel[] STAFF_ENTERED = { PHONE, EMAIL, LETTER, IN_PERSON };

	public String messageKey() {
		return "concern.channel." + name();
	}

}
