package org.carecycle.geography;

/** What sort of area a locality is. */
public enum LocalityKind {

	/**
	 * A council's own area for planning and reporting (in Cornwall, a community network
	 * area).
	 */
	COMMUNITY_AREA,
	/**
	 * A whole local authority district, used when CareCycle covers more than one council.
	 */
	LOCAL_AUTHORITY

}
