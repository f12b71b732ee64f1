package org.carecycle.commissioning.web;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.carecycle.commissioning.NeedsAssumption;

import org.springframework.validation.BindingResult;

/**
 * A change to a needs assumption: the rate as a percentage, for an uptake the beds,
 * places or weekly hours each person uses, the source of the new figure and why it
 * changes.
 *
 * @param version the version the person saw
 * @param percent the rate, as a percentage
 * @param unitsPerPerson units each person uses (uptake only)
 * @param source where the figure comes from
 * @param reason why it changes
 */
record AssumptionForm(Integer version, String percent, String unitsPerPerson, String source, String reason) {

	static AssumptionForm of(NeedsAssumption assumption) {
		return new AssumptionForm(
				assumption.version(), assumption.percent().toPlainString(), (assumption.unitsPerPerson() != null)
						? assumption.unitsPerPerson().stripTrailingZeros().toPlainString() : null,
				assumption.source(), null);
	}

	void check(boolean uptake, BindingResult errors) {
		BigDecimal rate = number(this.percent);
		if (blank(this.percent)) {
			errors.rejectValue("percent", "assumption.percent.required");
		}
		else if (rate == null) {
			errors.rejectValue("percent", "assumption.percent.number");
		}
		else if (rate.signum() < 0 || rate.compareTo(BigDecimal.valueOf(100)) > 0) {
			errors.rejectValue("percent", "assumption.percent.range");
		}
		if (uptake) {
			BigDecimal units = number(this.unitsPerPerson);
			if (blank(this.unitsPerPerson)) {
				errors.rejectValue("unitsPerPerson", "assumption.units.required");
			}
			else if (units == null) {
				errors.rejectValue("unitsPerPerson", "assumption.units.number");
			}
			else if (units.signum() <= 0 || units.compareTo(BigDecimal.valueOf(168)) > 0) {
				errors.rejectValue("unitsPerPerson", "assumption.units.range");
			}
		}
		if (blank(this.source)) {
			errors.rejectValue("source", "assumption.source.required");
		}
		else if (this.source.length() > 500) {
			errors.rejectValue("source", "assumption.source.tooLong");
		}
		if (blank(this.reason)) {
			errors.rejectValue("reason", "assumption.reason.required");
		}
		else if (this.reason.length() > 1000) {
			errors.rejectValue("reason", "assumption.reason.tooLong");
		}
	}

	/** The rate as a fraction, to six decimal places. */
	BigDecimal fraction() {
		return number(this.percent).divide(BigDecimal.valueOf(100), 6, RoundingMode.HALF_UP);
	}

	BigDecimal units() {
		BigDecimal units = number(this.unitsPerPerson);
		return (units != null) ? units.setScale(2, RoundingMode.HALF_UP) : null;
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static BigDecimal number(String text) {
		if (blank(text) || text.strip().length() > 12) {
			return null;
		}
		try {
			return new BigDecimal(text.strip().replace("%", ""));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
