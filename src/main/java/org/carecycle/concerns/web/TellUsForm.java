package org.carecycle.concerns.web;

import java.io.Serial;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.UUID;

import org.carecycle.concerns.AtRisk;
import org.carecycle.concerns.ConcernKind;
import org.carecycle.concerns.Report;
import org.carecycle.concerns.ReporterRole;
import org.carecycle.web.DateInput;

/**
 * The answers of the public form as typed. Each page binds a fresh copy and takes only
 * its own fields from it into the draft kept in the session; a page's answers make a new
 * draft ({@code withX}), which replaces the one in the session.
 *
 * @param kind a {@link ConcernKind} name
 * @param serviceId the id of the service chosen
 * @param serviceName its name and postcode, as shown
 * @param serviceDescription the service in the person's words, when they could not find
 * it
 * @param whatHappened what happened
 * @param whenDay the day it happened
 * @param whenMonth the month
 * @param whenYear the year
 * @param whenText when it happened, roughly
 * @param peopleAffected who was affected
 * @param atRisk an {@link AtRisk} name
 * @param reporterRole a {@link ReporterRole} name
 * @param giveDetails "yes" or "no"
 * @param name the person's name
 * @param email their email address
 * @param phone their telephone number
 * @param consent whether they agree to be contacted
 * @param website the honeypot: a field people never see, that form-filling robots fill
 * @param submissionKey the key that makes sending the same answers twice save them once
 * (text, so that a posted value that is not an id changes nothing: only the session's
 * draft's key is used)
 */
record TellUsForm(String kind, String serviceId, String serviceName, String serviceDescription, String whatHappened,
		String whenDay, String whenMonth, String whenYear, String whenText, String peopleAffected, String atRisk,
		String reporterRole, String giveDetails, String name, String email, String phone, Boolean consent,
		String website, String submissionKey) implements Serializable {

	@Serial
	private static final long serialVersionUID = 2L;

	TellUsForm {
		consent = (consent != null) ? consent : Boolean.FALSE;
	}

	/** A new draft, with no answers and its own submission key. */
	static TellUsForm empty() {
		return new TellUsForm(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null, false, null, UUID.randomUUID().toString());
	}

	TellUsForm withKind(String kind) {
		return new TellUsForm(kind, this.serviceId, this.serviceName, this.serviceDescription, this.whatHappened,
				this.whenDay, this.whenMonth, this.whenYear, this.whenText, this.peopleAffected, this.atRisk,
				this.reporterRole, this.giveDetails, this.name, this.email, this.phone, this.consent, this.website,
				this.submissionKey);
	}

	TellUsForm withService(String serviceId, String serviceName, String serviceDescription) {
		return new TellUsForm(this.kind, serviceId, serviceName, serviceDescription, this.whatHappened, this.whenDay,
				this.whenMonth, this.whenYear, this.whenText, this.peopleAffected, this.atRisk, this.reporterRole,
				this.giveDetails, this.name, this.email, this.phone, this.consent, this.website, this.submissionKey);
	}

	TellUsForm withWhatHappened(String whatHappened) {
		return new TellUsForm(this.kind, this.serviceId, this.serviceName, this.serviceDescription, whatHappened,
				this.whenDay, this.whenMonth, this.whenYear, this.whenText, this.peopleAffected, this.atRisk,
				this.reporterRole, this.giveDetails, this.name, this.email, this.phone, this.consent, this.website,
				this.submissionKey);
	}

	TellUsForm withWhen(String whenDay, String whenMonth, String whenYear, String whenText) {
		return new TellUsForm(this.kind, this.serviceId, this.serviceName, this.serviceDescription, this.whatHappened,
				whenDay, whenMonth, whenYear, whenText, this.peopleAffected, this.atRisk, this.reporterRole,
				this.giveDetails, this.name, this.email, this.phone, this.consent, this.website, this.submissionKey);
	}

	TellUsForm withPeopleAffected(String peopleAffected) {
		return new TellUsForm(this.kind, this.serviceId, this.serviceName, this.serviceDescription, this.whatHappened,
				this.whenDay, this.whenMonth, this.whenYear, this.whenText, peopleAffected, this.atRisk,
				this.reporterRole, this.giveDetails, this.name, this.email, this.phone, this.consent, this.website,
				this.submissionKey);
	}

	TellUsForm withAtRisk(String atRisk) {
		return new TellUsForm(this.kind, this.serviceId, this.serviceName, this.serviceDescription, this.whatHappened,
				this.whenDay, this.whenMonth, this.whenYear, this.whenText, this.peopleAffected, atRisk,
				this.reporterRole, this.giveDetails, this.name, this.email, this.phone, this.consent, this.website,
				this.submissionKey);
	}

	TellUsForm withReporterRole(String reporterRole) {
		return new TellUsForm(this.kind, this.serviceId, this.serviceName, this.serviceDescription, this.whatHappened,
				this.whenDay, this.whenMonth, this.whenYear, this.whenText, this.peopleAffected, this.atRisk,
				reporterRole, this.giveDetails, this.name, this.email, this.phone, this.consent, this.website,
				this.submissionKey);
	}

	TellUsForm withGiveDetails(String giveDetails) {
		return new TellUsForm(this.kind, this.serviceId, this.serviceName, this.serviceDescription, this.whatHappened,
				this.whenDay, this.whenMonth, this.whenYear, this.whenText, this.peopleAffected, this.atRisk,
				this.reporterRole, giveDetails, this.name, this.email, this.phone, this.consent, this.website,
				this.submissionKey);
	}

	TellUsForm withContact(String name, String email, String phone, Boolean consent) {
		return new TellUsForm(this.kind, this.serviceId, this.serviceName, this.serviceDescription, this.whatHappened,
				this.whenDay, this.whenMonth, this.whenYear, this.whenText, this.peopleAffected, this.atRisk,
				this.reporterRole, this.giveDetails, name, email, phone, consent, this.website, this.submissionKey);
	}

	/** The key of the draft's submission. */
	UUID submission() {
		return UUID.fromString(this.submissionKey);
	}

	/** The report of a draft with every question answered. */
	Report toReport() {
		ConcernKind chosenKind = ConcernKind.valueOf(this.kind);
		boolean anonymous = "no".equals(this.giveDetails);
		LocalDate on = new DateInput(this.whenDay, this.whenMonth, this.whenYear).toDate();
		return new Report(chosenKind, (this.serviceId != null) ? UUID.fromString(this.serviceId) : null,
				this.serviceDescription, this.whatHappened, on, this.whenText, this.peopleAffected,
				(chosenKind == ConcernKind.CONCERN) ? AtRisk.valueOf(this.atRisk) : null,
				ReporterRole.valueOf(this.reporterRole), anonymous, anonymous ? null : this.name,
				anonymous ? null : this.email, anonymous ? null : this.phone, !anonymous && this.consent);
	}

}
