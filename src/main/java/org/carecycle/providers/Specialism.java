package org.carecycle.providers;

/**
 * What a service is equipped and trained to do beyond its registration, and the languages
 * its staff speak, which a case manager matches a person's needs against. A service's own
 * attributes, kept by its provider and by council staff.
 */
public enum Specialism {

	DEMENTIA(Kind.CARE), NURSING(Kind.CARE), LEARNING_DISABILITY(Kind.CARE), AUTISM(Kind.CARE),
	MENTAL_HEALTH(Kind.CARE), ACQUIRED_BRAIN_INJURY(Kind.CARE), BARIATRIC(Kind.CARE), END_OF_LIFE(Kind.CARE),
	RESPITE(Kind.CARE), BRITISH_SIGN_LANGUAGE(Kind.LANGUAGE), POLISH(Kind.LANGUAGE), PORTUGUESE(Kind.LANGUAGE),
	ROMANIAN(Kind.LANGUAGE), CORNISH(Kind.LANGUAGE);

	/** Care a service gives, or a language its staff speak. */
	public enum Kind {

		CARE, LANGUAGE

	}

	private final Kind kind;

	Specialism(Kind kind) {
		this.kind = kind;
	}

	public Kind kind() {
		return this.kind;
	}

	/** The key of its name in the messages. */
	public String messageKey() {
		return "specialism." + name();
	}

}
