package org.carecycle.quality;

/**
 * The signed-in user may not take this step of a review (a step the role does not allow,
 * such as deciding a provider's challenge without being a senior officer).
 */
public class NotPermittedException extends RuntimeException {

	public NotPermittedException(String message) {
		super(message);
	}

}
