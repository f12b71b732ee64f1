package org.carecycle.concerns.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.carecycle.concerns.Concern;
import org.carecycle.concerns.ConcernAction;
import org.carecycle.concerns.ProviderRequests;
import org.carecycle.concerns.ProviderSummary;
import org.carecycle.concerns.RiskRating;
import org.carecycle.concerns.Theme;
import org.carecycle.web.FormText;

import org.springframework.validation.Errors;

/**
 * An officer's assessment of a concern, as typed.
 *
 * @param version the version of the concern the officer started from
 * @param themes {@link Theme} names
 * @param likelihood the likelihood, 1 to 5
 * @param impact the impact, 1 to 5
 * @param action a {@link ConcernAction} name
 * @param rationale why that action
 * @param providerSummary what the provider is told, when they are asked
 * @param step "send" from the check page's send button, "change" from its change button,
 * null from the assessment page
 * @param summaryChecked "yes" when the officer confirmed the summary does not identify
 * the person who told us
 * @param colleagueChecked "yes" when the officer confirmed the second check for a person
 * who works at the service
 */
record AssessmentForm(Integer version, List<String> themes, String likelihood, String impact, String action,
		String rationale, String providerSummary, String step, String summaryChecked, String colleagueChecked) {

	AssessmentForm {
		version = (version != null) ? version : 0;
	}

	/**
	 * The form for a concern, its summary for the provider started from a neutral draft.
	 */
	static AssessmentForm of(Concern concern, String draftSummary) {
		return new AssessmentForm(concern.version(), concern.themes().stream().map(Theme::name).toList(),
				(concern.risk() != null) ? String.valueOf(concern.risk().likelihood()) : null,
				(concern.risk() != null) ? String.valueOf(concern.risk().impact()) : null,
				(concern.action() != null) ? concern.action().name() : null, concern.actionRationale(), draftSummary,
				null, null, null);
	}

	/** The same answers, back on the assessment page to change the summary. */
	AssessmentForm changing() {
		return new AssessmentForm(this.version, this.themes, this.likelihood, this.impact, this.action, this.rationale,
				this.providerSummary, null, null, null);
	}

	boolean sending() {
		return "send".equals(this.step);
	}

	boolean wantsChange() {
		return "change".equals(this.step);
	}

	/**
	 * The summary as approved, or null with the missing confirmations in {@code errors}.
	 * @param errors where problems go
	 * @param summary the checked summary
	 * @param worksAtService whether the person who told us works at the service
	 */
	ProviderSummary approved(Errors errors, String summary, boolean worksAtService) {
		boolean checked = "yes".equals(this.summaryChecked);
		boolean colleague = "yes".equals(this.colleagueChecked);
		if (!checked) {
			errors.rejectValue("summaryChecked", "assessment.summaryChecked.blank");
		}
		if (worksAtService && !colleague) {
			errors.rejectValue("colleagueChecked", "assessment.colleagueChecked.blank");
		}
		return errors.hasErrors() ? null : new ProviderSummary(summary, checked, worksAtService && colleague);
	}

	/**
	 * The assessment, or null with the problems in {@code errors}.
	 * @param errors where problems go
	 * @param hasProvider whether the concern is about a known provider (who can be asked)
	 */
	Assessment toAssessment(Errors errors, boolean hasProvider) {
		Set<Theme> chosen = EnumSet.noneOf(Theme.class);
		for (String theme : (this.themes != null) ? this.themes : List.<String>of()) {
			ConcernController.parse(Theme.class, theme).ifPresent(chosen::add);
		}
		if (chosen.isEmpty()) {
			errors.rejectValue("themes", "assessment.themes.blank");
		}
		Integer checkedLikelihood = scale(this.likelihood);
		if (checkedLikelihood == null) {
			errors.rejectValue("likelihood", "assessment.likelihood.blank");
		}
		Integer checkedImpact = scale(this.impact);
		if (checkedImpact == null) {
			errors.rejectValue("impact", "assessment.impact.blank");
		}
		ConcernAction checkedAction = FormText.choice(errors, "action", this.action, ConcernAction.class,
				"assessment.action.blank");
		String checkedRationale = FormText.check(errors, "rationale", this.rationale, true, 5_000,
				"assessment.rationale");
		String summary = FormText.check(errors, "providerSummary", this.providerSummary,
				checkedAction == ConcernAction.ASK_PROVIDER, 5_000, "assessment.providerSummary");
		if (checkedAction == ConcernAction.ASK_PROVIDER && ProviderRequests.hasPlaceholders(summary)) {
			errors.rejectValue("providerSummary", "assessment.providerSummary.placeholder");
			summary = null;
		}
		if (checkedAction == ConcernAction.ASK_PROVIDER && !hasProvider) {
			errors.rejectValue("action", "assessment.action.noProvider");
		}
		if (errors.hasErrors()) {
			return null;
		}
		return new Assessment(this.version, chosen, new RiskRating(checkedLikelihood, checkedImpact), checkedAction,
				checkedRationale, summary);
	}

	private static Integer scale(String value) {
		if (value != null && value.matches("[1-5]")) {
			return Integer.valueOf(value);
		}
		return null;
	}

	/**
	 * A checked assessment.
	 *
	 * @param version the version of the concern the officer started from
	 * @param themes what it is about
	 * @param risk how likely and how bad
	 * @param action what the council does
	 * @param rationale why
	 * @param providerSummary what the provider is told, if anything
	 */
	record Assessment(int version, Set<Theme> themes, RiskRating risk, ConcernAction action, String rationale,
			String providerSummary) {

	}

}
