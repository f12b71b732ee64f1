package org.carecycle.procurement;

/** An attempt to read bids that are still sealed; the attempt has been logged. */
public class BidsSealedException extends RuntimeException {

	BidsSealedException(String message) {
		super(message);
	}

}
