package org.carecycle.concerns.web;

import org.carecycle.web.FormText;

import org.springframework.validation.Errors;

/**
 * Why a concern is placed on legal hold, as typed.
 *
 * @param version the version of the concern the person started from
 * @param reason why it is kept
 */
record LegalHoldForm(Integer version, String reason) {

	LegalHoldForm {
		version = (version != null) ? version : 0;
	}

	/** The longest reason kept (the column's size). */
	static final int MAX_REASON = 500;

	static LegalHoldForm of(int version) {
		return new LegalHoldForm(version, null);
	}

	/** The cleaned reason, or null with the problem in {@code errors}. */
	String toReason(Errors errors) {
		return FormText.check(errors, "reason", this.reason, true, MAX_REASON, "concern.legalHold.reason");
	}

}
