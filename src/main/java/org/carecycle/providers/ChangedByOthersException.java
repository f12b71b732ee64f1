package org.carecycle.providers;

/**
 * Someone else saved the record after this person opened it: their change is refused
 * rather than silently overwriting the other.
 */
public class ChangedByOthersException extends RuntimeException {

	public ChangedByOthersException() {
		super("Someone else changed this record while you were editing it");
	}

}
