package org.carecycle.providers;

/** Whether a service is operating. */
public enum ServiceStatus {

	/** Registered and operating. */
	ACTIVE,
	/** Registered but not currently providing care. */
	DORMANT,
	/** No longer operating. */
	CLOSED;

	public String messageKey() {
		return "serviceStatus." + name();
	}

}
