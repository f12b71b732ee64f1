package org.carecycle.commissioning;

/**
 * The adult social care outcome measures the published file holds, by the code it uses
 * (ASC1 to ASC7), each with the Adult Social Care Outcomes Framework (ASCOF) measure it
 * reports where it is one, and which way is better. ASC6 and ASC7 are Oflog measures
 * drawn from other returns and have no ASCOF id. Names are in messages
 * ({@code outcomeMeasure.CODE}).
 */
public enum OutcomeMeasure {

	/** ASCOF 1D: carer-reported quality of life (score out of 12). */
	ASC1("1D", true, false),
	/** ASCOF 1A: social care-related quality of life (score out of 24). */
	ASC2("1A", true, false),
	/** ASCOF 3D(1): people who use services who find it easy to find information (%). */
	ASC3("3D(1)", true, true),
	/** ASCOF 3D(2): carers who find it easy to find information (%). */
	ASC4("3D(2)", true, true),
	/**
	 * ASCOF 2D: short-term support with no further request made or support at a lower
	 * level (%).
	 */
	ASC5("2D", true, true),
	/** Oflog: requests for support from new clients that resulted in a service (%). */
	ASC6(null, null, true),
	/** Oflog: adult social care workforce turnover rate (%), from Skills for Care. */
	ASC7(null, false, true);

	private final String ascofId;

	private final Boolean higherIsBetter;

	private final boolean percent;

	OutcomeMeasure(String ascofId, Boolean higherIsBetter, boolean percent) {
		this.ascofId = ascofId;
		this.higherIsBetter = higherIsBetter;
		this.percent = percent;
	}

	/** The ASCOF measure id, such as {@code 1A}, or null for a measure outside ASCOF. */
	public String ascofId() {
		return this.ascofId;
	}

	/** Whether a higher value is better; null where neither is (a service rate). */
	public Boolean higherIsBetter() {
		return this.higherIsBetter;
	}

	public boolean isPercent() {
		return this.percent;
	}

	public String messageKey() {
		return "outcomeMeasure." + name();
	}

	public static java.util.Optional<OutcomeMeasure> parse(String code) {
		for (OutcomeMeasure measure : values()) {
			if (measure.name().equalsIgnoreCase((code != null) ? code.strip() : "")) {
				return java.util.Optional.of(measure);
			}
		}
		return java.util.Optional.empty();
	}

}
