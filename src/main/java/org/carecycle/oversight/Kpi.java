package org.carecycle.oversight;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.carecycle.providers.ServiceType;

/**
 * A key performance indicator the council asks providers to return: what is counted, in
 * what unit, how often, for which types of service, the largest value that makes sense
 * and the tolerance beyond which a value is flagged. A tolerance may be per unit of
 * capacity (per bed, place or 100 weekly hours), so that a large home is not flagged for
 * being large.
 *
 * @param highest the largest value accepted (100 for a percentage)
 * @param toleranceAbove a value above this is out of tolerance; null for none
 * @param toleranceBelow a value below this is out of tolerance; null for none
 * @param appliesFrom returns are due for periods that end on or after this date
 */
public record Kpi(UUID id, int version, String code, String name, String hint, Unit unit, KpiPeriod.Frequency frequency,
		Set<ServiceType> serviceTypes, boolean perCapacity, BigDecimal highest, BigDecimal toleranceAbove,
		BigDecimal toleranceBelow, boolean active, LocalDate appliesFrom) {

	/** What a KPI's value counts. */
	public enum Unit {

		/** A count: a whole number. */
		NUMBER,
		/** A percentage, from 0 to 100 with up to two decimal places. */
		PERCENT;

		public String messageKey() {
			return "kpi.unit." + name();
		}

	}

	/** Whether a service of this type owes this KPI for a period. */
	public boolean isDueFor(ServiceType type, KpiPeriod period) {
		return this.active && this.serviceTypes.contains(type) && period.frequency() == this.frequency
				&& !period.end().isBefore(this.appliesFrom);
	}

	/**
	 * Whether a value is out of tolerance for a service of the given capacity (beds,
	 * places or hundreds of weekly hours; null when not known, when a per-capacity
	 * tolerance cannot be judged and is not flagged).
	 */
	public boolean isOutOfTolerance(BigDecimal value, Double capacity) {
		BigDecimal compared = value;
		if (this.perCapacity) {
			if (capacity == null || capacity <= 0) {
				return false;
			}
			compared = value.divide(BigDecimal.valueOf(capacity), 6, RoundingMode.HALF_UP);
		}
		return (this.toleranceAbove != null && compared.compareTo(this.toleranceAbove) > 0)
				|| (this.toleranceBelow != null && compared.compareTo(this.toleranceBelow) < 0);
	}

	/** The name as it reads inside a sentence: "staff vacancy rate". */
	public String nameInSentence() {
		if (this.name.length() > 1 && Character.isUpperCase(this.name.charAt(0))
				&& !Character.isUpperCase(this.name.charAt(1))) {
			return Character.toLowerCase(this.name.charAt(0)) + this.name.substring(1);
		}
		return this.name;
	}

}
