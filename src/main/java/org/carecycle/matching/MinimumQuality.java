package org.carecycle.matching;

/**
 * The lowest quality a search accepts, by the council's own review rating and by CQC's:
 * neither may be below it, and at least one must be known. Ranks 1 to 4 are the same for
 * both scales (poor or inadequate 1, requires improvement 2, good 3, excellent or
 * outstanding 4).
 */
public enum MinimumQuality {

	ANY(0), REQUIRES_IMPROVEMENT(2), GOOD(3), EXCELLENT(4);

	private final int rank;

	MinimumQuality(int rank) {
		this.rank = rank;
	}

	int rank() {
		return this.rank;
	}

}
