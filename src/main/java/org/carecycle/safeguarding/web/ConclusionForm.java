package org.carecycle.safeguarding.web;

import java.time.LocalDate;

import org.carecycle.safeguarding.ActionAndResult;
import org.carecycle.safeguarding.Enquiries.Conclusion;
import org.carecycle.safeguarding.Enquiry;
import org.carecycle.safeguarding.OutcomesAchieved;
import org.carecycle.safeguarding.RiskOutcome;
import org.carecycle.web.FormText;

import org.springframework.validation.Errors;

/**
 * The conclusion the SAC counts (SG2, SG4): the action and result, the risk outcome only
 * where a risk was identified or inconclusive and action was taken, whether the outcomes
 * the adult expressed were achieved (only when they expressed some), the protection plan,
 * what was concluded and when.
 */
record ConclusionForm(String version, String actionAndResult, String riskOutcome, String outcomesAchieved,
		String protectionPlan, String conclusion, String concludedOnDay, String concludedOnMonth,
		String concludedOnYear) {

	static ConclusionForm of(Enquiry enquiry) {
		return new ConclusionForm(Integer.toString(enquiry.version()), null, null, null, null, null, null, null, null);
	}

	/** The conclusion, or null with the problems in {@code errors}. */
	Conclusion toConclusion(Errors errors, Enquiry enquiry, LocalDate today) {
		ActionAndResult action = FormText.choice(errors, "actionAndResult", this.actionAndResult, ActionAndResult.class,
				"safeguarding.enquiry.conclusion.actionAndResult.blank");
		RiskOutcome risk = null;
		String riskGiven = FormText.clean(this.riskOutcome);
		if (action != null && Enquiry.needsRiskOutcome(action)) {
			risk = FormText.choice(errors, "riskOutcome", riskGiven, RiskOutcome.class,
					"safeguarding.enquiry.conclusion.riskOutcome.blank");
		}
		else if (action != null && riskGiven != null) {
			errors.rejectValue("riskOutcome", "safeguarding.enquiry.conclusion.riskOutcome.notAsked");
		}
		OutcomesAchieved achieved = null;
		String achievedGiven = FormText.clean(this.outcomesAchieved);
		if (Enquiry.needsOutcomesAchieved(enquiry.outcomesAsked())) {
			achieved = FormText.choice(errors, "outcomesAchieved", achievedGiven, OutcomesAchieved.class,
					"safeguarding.enquiry.conclusion.outcomesAchieved.blank");
		}
		else if (achievedGiven != null) {
			errors.rejectValue("outcomesAchieved", "safeguarding.enquiry.conclusion.outcomesAchieved.notAsked");
		}
		String plan = FormText.check(errors, "protectionPlan", this.protectionPlan, false, 10_000,
				"safeguarding.enquiry.conclusion.protectionPlan");
		String text = FormText.check(errors, "conclusion", this.conclusion, true, 10_000,
				"safeguarding.enquiry.conclusion.conclusion");
		LocalDate on = FormText.date(errors, "concludedOn", this.concludedOnDay, this.concludedOnMonth,
				this.concludedOnYear, "safeguarding.enquiry.conclusion.concludedOn", true);
		if (on != null && on.isAfter(today)) {
			errors.rejectValue("concludedOnDay", "safeguarding.enquiry.conclusion.concludedOn.future");
		}
		else if (on != null && enquiry.planningHeldOn() != null && on.isBefore(enquiry.planningHeldOn())) {
			errors.rejectValue("concludedOnDay", "safeguarding.enquiry.conclusion.concludedOn.beforePlanning");
		}
		if (errors.hasErrors()) {
			return null;
		}
		return new Conclusion(action, risk, achieved, plan, text, on);
	}

}
