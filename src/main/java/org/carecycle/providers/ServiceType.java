package org.carecycle.providers;

/**
 * The kinds of adult social care service the council buys (after CQC's service types).
 */
public enum ServiceType {

	CARE_HOME_NURSING(Capacity.BEDS, true), CARE_HOME(Capacity.BEDS, true), HOME_CARE(Capacity.WEEKLY_HOURS, true),
	SUPPORTED_LIVING(Capacity.PLACES, true), EXTRA_CARE(Capacity.PLACES, true), SHARED_LIVES(Capacity.PLACES, true),
	DAY_SERVICE(Capacity.PLACES, false);

	/** How a service's size is counted. */
	public enum Capacity {

		BEDS, WEEKLY_HOURS, PLACES

	}

	private final Capacity capacity;

	private final boolean cqcRegistered;

	ServiceType(Capacity capacity, boolean cqcRegistered) {
		this.capacity = capacity;
		this.cqcRegistered = cqcRegistered;
	}

	public Capacity capacity() {
		return this.capacity;
	}

	/** Whether CQC registers and rates services of this type (day services are not). */
	public boolean isCqcRegistered() {
		return this.cqcRegistered;
	}

	public String messageKey() {
		return "serviceType." + name();
	}

}
