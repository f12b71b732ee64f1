package org.carecycle.concerns;

/** Whether someone is praising a service or worried about it. */
public enum ConcernKind {

	CONCERN, COMPLIMENT;

	public String messageKey() {
		return "concern.kind." + name();
	}

}
