package org.carecycle.concerns.web;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.carecycle.concerns.AtRisk;
import org.carecycle.concerns.ConcernKind;
import org.carecycle.concerns.Report;
import org.carecycle.concerns.ReporterRole;
import org.carecycle.web.DateInput;
import org.carecycle.web.FormText;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.validation.Errors;

/**
 * An incident or notification a provider reports about one of its own services, as typed.
 *
 * @param service the id of the service
 * @param whatHappened what happened
 * @param whenDay the day it happened
 * @param whenMonth the month
 * @param whenYear the year
 * @param peopleAffected who was affected
 * @param atRisk an {@link AtRisk} name
 * @param submissionKey the key that makes sending the same form twice save it once
 */
record SelfReportForm(String service, String whatHappened, String whenDay, String whenMonth, String whenYear,
		String peopleAffected, String atRisk, UUID submissionKey) {

	SelfReportForm {
		if (submissionKey == null) {
			submissionKey = UUID.randomUUID();
		}
	}

	static SelfReportForm empty() {
		return new SelfReportForm(null, null, null, null, null, null, null, null);
	}

	/**
	 * The report, or null with the problems in {@code errors}.
	 * @param errors where problems go
	 * @param ownServices the ids of the provider's own services
	 * @param today today in London
	 * @param name the name of the person reporting
	 * @param email their email address
	 */
	Report toReport(Errors errors, Set<UUID> ownServices, LocalDate today, String name, String email) {
		UUID serviceId = FormText.uuid(this.service).filter(ownServices::contains).orElse(null);
		if (serviceId == null) {
			errors.rejectValue("service", "selfReport.service.blank");
		}
		String what = FormText.check(errors, "whatHappened", this.whatHappened, true, 10_000, "tellUs.whatHappened");
		DateInput when = new DateInput(FormText.orEmpty(this.whenDay), FormText.orEmpty(this.whenMonth),
				FormText.orEmpty(this.whenYear));
		Object[] whenName = { new DefaultMessageSourceResolvable("tellUs.when.name") };
		if (when.isBlank()) {
			errors.rejectValue("whenDay", "selfReport.when.blank");
		}
		else if (when.problem() != null) {
			errors.rejectValue("whenDay", when.problem(), whenName, null);
		}
		else if (when.toDate().isAfter(today)) {
			errors.rejectValue("whenDay", "date.error.future", whenName, null);
		}
		String affected = FormText.check(errors, "peopleAffected", this.peopleAffected, false, 2_000,
				"tellUs.peopleAffected");
		AtRisk risk = FormText.choice(errors, "atRisk", this.atRisk, AtRisk.class, "tellUs.atRisk.blank");
		if (errors.hasErrors()) {
			return null;
		}
		return new Report(ConcernKind.CONCERN, serviceId, null, what, when.toDate(), null, affected, risk,
				ReporterRole.PROVIDER, false, name, email, null, true);
	}

}
