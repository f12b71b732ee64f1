package org.carecycle.concerns.web;

import org.carecycle.web.FormText;

import org.springframework.validation.Errors;

/**
 * The outcome of a concern and the lessons learned, as typed.
 *
 * @param version the version of the concern the person started from
 * @param outcome what came of it
 * @param lessons what was learned
 */
record CloseForm(Integer version, String outcome, String lessons) {

	CloseForm {
		version = (version != null) ? version : 0;
	}

	static CloseForm of(int version) {
		return new CloseForm(version, null, null);
	}

	/** The closing, or null with the problems in {@code errors}. */
	Closing toClosing(Errors errors) {
		String checkedOutcome = FormText.check(errors, "outcome", this.outcome, true, 5_000, "close.outcome");
		String checkedLessons = FormText.check(errors, "lessons", this.lessons, false, 5_000, "close.lessons");
		return errors.hasErrors() ? null : new Closing(this.version, checkedOutcome, checkedLessons);
	}

	/**
	 * A checked closing.
	 *
	 * @param version the version of the concern the person started from
	 * @param outcome what came of it
	 * @param lessons what was learned, if anything
	 */
	record Closing(int version, String outcome, String lessons) {

	}

}
