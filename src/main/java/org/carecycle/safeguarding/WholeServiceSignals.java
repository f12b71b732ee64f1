package org.carecycle.safeguarding;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Signals from modules above safeguarding that may call for a whole-service enquiry, such
 * as provider oversight's early warnings. Safeguarding declares it and may not depend on
 * those modules; they implement it, and the suggestion sweep asks every implementation.
 */
public interface WholeServiceSignals {

	/** One signal about a service. */
	record Signal(UUID careServiceId, LocalDate raisedOn, String detail) {
	}

	/** The signals still open (not yet acknowledged), oldest first. */
	List<Signal> openSignals();

}
