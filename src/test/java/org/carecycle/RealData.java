package org.carecycle;

import java.nio.file.Path;

/**
 * Real public data the tests read, kept in the repository with its source and licence
 * (src/test/resources/data/README.md) so that a clone anywhere passes its tests.
 */
public final class RealData {

	/**
	 * CQC's published rating history of community social care locations in England,
	 * 2014-2025 (29,459 reports).
	 */
	public static final Path CQC_HISTORY = Path
		.of("src/test/resources/data/cqc/cqc_inspections_community_social_care.csv");

	private RealData() {
	}

}
