package org.carecycle.providers.imports;

/** The kinds of file an import can read, told apart by their columns. */
public enum ImportKind {

	/** CQC's directory of active locations: providers and their services. */
	CQC_LOCATIONS,
	/** CQC's latest ratings: one row per location and key question. */
	CQC_RATINGS,
	/** A history of CQC overall ratings: one row per location and inspection report. */
	CQC_RATING_HISTORY,
	/**
	 * Locations from a file that is not CQC's own, read through the columns a person
	 * mapped.
	 */
	MAPPED_LOCATIONS;

	public String messageKey() {
		return "importKind." + name();
	}

}
