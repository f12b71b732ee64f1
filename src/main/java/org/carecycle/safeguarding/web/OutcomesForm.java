package org.carecycle.safeguarding.web;

import org.carecycle.safeguarding.Enquiry;
import org.carecycle.safeguarding.OutcomesAsked;
import org.carecycle.web.FormText;

import org.springframework.validation.Errors;

/**
 * Making Safeguarding Personal (SG4): was the adult asked what outcomes they wanted and,
 * when they expressed them, those outcomes in their own words.
 */
record OutcomesForm(String version, String outcomesAsked, String desiredOutcomes) {

	static OutcomesForm of(Enquiry enquiry) {
		return new OutcomesForm(Integer.toString(enquiry.version()),
				(enquiry.outcomesAsked() != null) ? enquiry.outcomesAsked().name() : null, enquiry.desiredOutcomes());
	}

	OutcomesAsked asked(Errors errors) {
		for (OutcomesAsked value : OutcomesAsked.values()) {
			if (value.name().equals(this.outcomesAsked)) {
				return value;
			}
		}
		errors.rejectValue("outcomesAsked", "safeguarding.enquiry.outcomes.outcomesAsked.blank");
		return null;
	}

	/** The outcomes in their words: only, and then required, when they were expressed. */
	String desired(Errors errors, OutcomesAsked asked) {
		if (!Enquiry.needsOutcomesAchieved(asked)) {
			if (FormText.clean(this.desiredOutcomes) != null && asked != null) {
				errors.rejectValue("desiredOutcomes", "safeguarding.enquiry.outcomes.desiredOutcomes.notExpressed");
			}
			return null;
		}
		return FormText.check(errors, "desiredOutcomes", this.desiredOutcomes, true, 10_000,
				"safeguarding.enquiry.outcomes.desiredOutcomes");
	}

}
