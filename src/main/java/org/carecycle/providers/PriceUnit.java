package org.carecycle.providers;

/** What a contract's unit price is for. */
public enum PriceUnit {

	PER_WEEK, PER_HOUR, PER_DAY, PER_PLACE, PER_YEAR;

	/** The price with its unit, like "£925.50 a week". */
	public String messageKey() {
		return "priceUnit." + name();
	}

	/** The unit alone, like "Per week". */
	public String nameKey() {
		return "priceUnit.name." + name();
	}

}
