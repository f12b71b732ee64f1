package org.carecycle.procurement;

/**
 * A bid refused because it arrived after the tender's deadline, by the database's clock.
 */
public class BidDeadlinePassedException extends RuntimeException {

	BidDeadlinePassedException(Throwable cause) {
		super("The deadline for this tender has passed: the bid was not received.", cause);
	}

}
