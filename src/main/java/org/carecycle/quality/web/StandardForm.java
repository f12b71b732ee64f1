package org.carecycle.quality.web;

import org.carecycle.quality.Framework;
import org.carecycle.web.FormText;

import org.springframework.validation.Errors;

/**
 * A standard of a draft framework, as typed, for changing it.
 *
 * @param name the standard's name
 * @param prompts what the officer looks at
 * @param evidence the evidence they may ask for
 * @param weight its weight, 1 to 10 (typed as text, so that anything else gets a message)
 */
record StandardForm(String name, String prompts, String evidence, String weight) {

	static StandardForm of(Framework.Standard standard) {
		return new StandardForm(standard.name(), standard.prompts(), standard.evidence(),
				String.valueOf(standard.weight()));
	}

	/** The change, or null with the problems in {@code errors}. */
	StandardChange toChange(Errors errors) {
		String checkedName = FormText.check(errors, "name", this.name, true, 120, "framework.name");
		String checkedPrompts = FormText.check(errors, "prompts", this.prompts, true, 10_000, "framework.prompts");
		String checkedEvidence = FormText.check(errors, "evidence", this.evidence, true, 10_000, "framework.evidence");
		int checkedWeight = checkedWeight(errors);
		return errors.hasErrors() ? null
				: new StandardChange(checkedName, checkedPrompts, checkedEvidence, checkedWeight);
	}

	private int checkedWeight(Errors errors) {
		try {
			int value = Integer.parseInt((this.weight != null) ? this.weight.strip() : "");
			if (value >= 1 && value <= 10) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		errors.rejectValue("weight", "framework.weight.range");
		return 0;
	}

	/**
	 * A checked change of a standard.
	 *
	 * @param name its name
	 * @param prompts what the officer looks at
	 * @param evidence the evidence they may ask for
	 * @param weight its weight
	 */
	record StandardChange(String name, String prompts, String evidence, int weight) {

	}

}
