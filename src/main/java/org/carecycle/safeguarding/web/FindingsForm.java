package org.carecycle.safeguarding.web;

import org.carecycle.web.FormText;

import org.springframework.validation.Errors;

/** A provider's findings for an enquiry caused to it, as typed. */
record FindingsForm(String findings) {

	String checked(Errors errors) {
		return FormText.check(errors, "findings", this.findings, true, 10_000, "safeguarding.caused.findings");
	}

}
