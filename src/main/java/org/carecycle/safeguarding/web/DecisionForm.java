package org.carecycle.safeguarding.web;

import org.carecycle.safeguarding.SafeguardingCases;
import org.carecycle.safeguarding.SafeguardingCases.Outcome;
import org.carecycle.web.FormText;

import org.springframework.validation.Errors;

/**
 * The section 42 decision as posted: the three questions, the reasons and the outcome,
 * with what the person was told when nothing further is done.
 *
 * @param careNeeds "yes" or "no": care and support needs
 * @param abuse "yes" or "no": experiencing or at risk of abuse or neglect
 * @param unableToProtect "yes" or "no": unable to protect themselves because of those
 * needs
 * @param reasons why
 * @param outcome an {@link Outcome} name
 * @param nfaInformation what the person was told or signposted to
 * @param version the version of the case the lead saw
 */
record DecisionForm(String careNeeds, String abuse, String unableToProtect, String reasons, String outcome,
		String nfaInformation, String version) {

	static DecisionForm blank(int version) {
		return new DecisionForm(null, null, null, null, null, null, String.valueOf(version));
	}

	SafeguardingCases.Decision toDecision(Errors errors) {
		Boolean needs = yesNo(errors, "careNeeds", this.careNeeds);
		Boolean atRisk = yesNo(errors, "abuse", this.abuse);
		Boolean unable = yesNo(errors, "unableToProtect", this.unableToProtect);
		String why = FormText.check(errors, "reasons", this.reasons, true, 10_000,
				"safeguarding.case.decision.reasons");
		Outcome chosen = FormText.choice(errors, "outcome", this.outcome, Outcome.class,
				"safeguarding.case.decision.outcome.blank");
		String told = null;
		if (chosen == Outcome.SECTION_42 && needs != null && atRisk != null && unable != null
				&& !(needs && atRisk && unable)) {
			errors.rejectValue("outcome", "safeguarding.case.decision.outcome.notAllMet");
		}
		if (chosen == Outcome.NO_FURTHER_ACTION) {
			told = FormText.check(errors, "nfaInformation", this.nfaInformation, true, 5_000,
					"safeguarding.case.decision.nfaInformation");
		}
		if (errors.hasErrors()) {
			return null;
		}
		return new SafeguardingCases.Decision(needs, atRisk, unable, why, chosen, told);
	}

	int versionNumber() {
		try {
			return Integer.parseInt(FormText.orEmpty(this.version).strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static Boolean yesNo(Errors errors, String field, String value) {
		return switch (FormText.orEmpty(value)) {
			case "yes" -> true;
			case "no" -> false;
			default -> {
				errors.rejectValue(field, "safeguarding.case.decision." + field + ".blank");
				yield null;
			}
		};
	}

}
