package org.carecycle.commissioning;

/**
 * What a piece of a strategy's evidence is. Some kinds have a live figure CareCycle can
 * work out again (the gap for a type of service, the quality of the services relied on,
 * concerns about a theme, council reviews below Good), so the strategy can say what has
 * changed since it was approved; the others are links with the figure as quoted.
 */
public enum EvidenceKind {

	/** Demand against supply for a type of service (subject: the type of service). */
	NEEDS_GAP(true),
	/** A locality's area profile (subject: the locality id). */
	AREA_PROFILE(false),
	/** An adult social care outcome measure (subject: the ASCOF measure id). */
	OUTCOME_MEASURE(false),
	/** Concerns about a theme in the last 12 months (subject: the theme). */
	CONCERN_THEME(true),
	/**
	 * Council quality reviews of a type of service rated below Good in the last 12
	 * months, as a percentage of those published (subject: the type of service).
	 */
	REVIEW_FINDINGS(true),
	/**
	 * The share of a type of service's active services rated Good or Outstanding by CQC
	 * (subject: the type of service).
	 */
	SERVICE_QUALITY(true);

	private final boolean live;

	EvidenceKind(boolean live) {
		this.live = live;
	}

	/** Whether CareCycle works the figure out itself, now and at approval. */
	public boolean isLive() {
		return this.live;
	}

	public String messageKey() {
		return "strategy.evidence.kind." + name();
	}

}
