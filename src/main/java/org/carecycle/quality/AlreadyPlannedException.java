package org.carecycle.quality;

/**
 * The service already has a review planned or in progress: a service has one review under
 * way at a time.
 */
public class AlreadyPlannedException extends RuntimeException {

	public AlreadyPlannedException() {
		super("This service already has a review planned or in progress");
	}

}
