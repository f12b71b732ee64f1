package org.carecycle.quality;

/**
 * Someone else changed the review since the page was drawn: the page shows the review
 * again rather than overwrite the other person's change.
 */
public class ReviewChangedException extends RuntimeException {

	public ReviewChangedException() {
		super("Someone else changed this review while you were working on it");
	}

}
