package org.carecycle.providers;

/** What a contract's unit price is for. */
public enum PriceUnit {

	PER_WEEK, PER_HOUR, PER_DAY, PER_PLACE, PER_YEAR;

	public String messageKey() {
		return "priceUnit." + name();
	}

}
