package org.carecycle.commissioning;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One assumption that turns population into demand, as it stands now: a prevalence rate
 * (the share of an age band with a need) or an uptake (the share of people with a need
 * who use a type of service, and how many beds, places or weekly hours each uses).
 *
 * @param id stable id, such as {@code PREVALENCE:DEMENTIA:80-84} or
 * {@code UPTAKE:CARE_HOME}
 * @param kind prevalence or uptake
 * @param need the need ({@link PrevalenceNeed})
 * @param ageBand the age band of a prevalence rate; null for an uptake
 * @param serviceType the type of service of an uptake; null for a prevalence rate
 * @param value the rate, as a fraction (0.012 is 1.2%)
 * @param unitsPerPerson beds, places or weekly hours each person uses (uptake only)
 * @param source where the figure comes from
 * @param illustrative whether the figure is not from a published source
 * @param version how many times it has been set
 * @param changedByName who set it last
 * @param changedAt when
 * @param reason why
 */
public record NeedsAssumption(String id, Kind kind, PrevalenceNeed need, String ageBand, String serviceType,
		BigDecimal value, BigDecimal unitsPerPerson, String source, boolean illustrative, int version,
		String changedByName, Instant changedAt, String reason) {

	/** What an assumption is about. */
	public enum Kind {

		PREVALENCE, UPTAKE

	}

	/** The value as a percentage, for pages. */
	public BigDecimal percent() {
		return this.value.multiply(BigDecimal.valueOf(100)).stripTrailingZeros();
	}

	/**
	 * A change made to an assumption, with what it was before.
	 *
	 * @param version the version this change made
	 * @param previousValue the value before (null for the first version)
	 * @param value the value set
	 * @param previousUnits the units per person before
	 * @param unitsPerPerson the units per person set
	 * @param previousSource the source before
	 * @param source the source given
	 * @param changedByName who
	 * @param changedAt when
	 * @param reason why
	 */
	public record Change(int version, BigDecimal previousValue, BigDecimal value, BigDecimal previousUnits,
			BigDecimal unitsPerPerson, String previousSource, String source, String changedByName, Instant changedAt,
			String reason) {
	}

}
