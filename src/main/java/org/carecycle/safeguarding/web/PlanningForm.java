package org.carecycle.safeguarding.web;

import java.time.LocalDate;

import org.carecycle.safeguarding.Enquiry;
import org.carecycle.web.FormText;

import org.springframework.validation.Errors;

/** The planning discussion: when it was held, who took part, what was agreed. */
record PlanningForm(String version, String heldOnDay, String heldOnMonth, String heldOnYear, String participants,
		String notes) {

	static PlanningForm of(Enquiry enquiry) {
		LocalDate held = enquiry.planningHeldOn();
		return new PlanningForm(Integer.toString(enquiry.version()), (held != null) ? "" + held.getDayOfMonth() : null,
				(held != null) ? "" + held.getMonthValue() : null, (held != null) ? "" + held.getYear() : null,
				enquiry.planningParticipants(), enquiry.planningNotes());
	}

	/** The date held, or null with the problems in {@code errors}. */
	LocalDate heldOn(Errors errors, LocalDate today) {
		LocalDate held = FormText.date(errors, "heldOn", this.heldOnDay, this.heldOnMonth, this.heldOnYear,
				"safeguarding.enquiry.planning.heldOn", true);
		if (held != null && held.isAfter(today)) {
			errors.rejectValue("heldOnDay", "safeguarding.enquiry.planning.heldOn.future");
			return null;
		}
		return held;
	}

	String checkedParticipants(Errors errors) {
		return FormText.check(errors, "participants", this.participants, true, 2_000,
				"safeguarding.enquiry.planning.participants");
	}

	String checkedNotes(Errors errors) {
		return FormText.check(errors, "notes", this.notes, true, 10_000, "safeguarding.enquiry.planning.notes");
	}

}
