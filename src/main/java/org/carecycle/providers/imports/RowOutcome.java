package org.carecycle.providers.imports;

/**
 * What became of one row: staged for the register, skipped as not for it, or refused.
 *
 * @param kind which of the three
 * @param locationId the row's location id, if it had a readable one
 * @param reason for a refused row, why (a sentence for the report)
 */
record RowOutcome(Kind kind, String locationId, String reason) {

	enum Kind {

		STAGED, SKIPPED, REFUSED

	}

	static RowOutcome staged(String locationId) {
		return new RowOutcome(Kind.STAGED, locationId, null);
	}

	static RowOutcome skipped() {
		return new RowOutcome(Kind.SKIPPED, null, null);
	}

	static RowOutcome refused(String locationId, String reason) {
		return new RowOutcome(Kind.REFUSED, locationId, reason);
	}

}
