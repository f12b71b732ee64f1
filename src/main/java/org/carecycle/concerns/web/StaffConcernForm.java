package org.carecycle.concerns.web;

import java.time.LocalDate;
import java.util.UUID;

import org.carecycle.concerns.AtRisk;
import org.carecycle.concerns.Channel;
import org.carecycle.concerns.ConcernKind;
import org.carecycle.concerns.Report;
import org.carecycle.concerns.ReporterRole;
import org.carecycle.web.DateInput;
import org.carecycle.web.FormText;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.validation.Errors;

/**
 * A concern or compliment that reached a member of staff by phone, email, letter or in
 * person, as typed.
 *
 * @param service the id of the service, or "unknown"
 * @param kind a {@link ConcernKind} name
 * @param channel a {@link Channel} name
 * @param receivedDay the day it was received
 * @param receivedMonth the month
 * @param receivedYear the year
 * @param serviceDescription the service in the person's words, when it is not known
 * @param whatHappened what happened
 * @param whenText when it happened, roughly
 * @param peopleAffected who was affected
 * @param atRisk an {@link AtRisk} name
 * @param reporterRole a {@link ReporterRole} name
 * @param name the name of the person who told us
 * @param email their email address
 * @param phone their telephone number
 * @param consent whether they agree to be contacted
 * @param submissionKey the key that makes sending the same form twice save it once
 */
record StaffConcernForm(String service, String kind, String channel, String receivedDay, String receivedMonth,
		String receivedYear, String serviceDescription, String whatHappened, String whenText, String peopleAffected,
		String atRisk, String reporterRole, String name, String email, String phone, Boolean consent,
		UUID submissionKey) {

	StaffConcernForm {
		consent = (consent != null) ? consent : Boolean.FALSE;
		if (submissionKey == null) {
			submissionKey = UUID.randomUUID();
		}
	}

	/** A new form for the service chosen (if any), received today. */
	static StaffConcernForm of(String service, LocalDate today) {
		return new StaffConcernForm(service, null, null, String.valueOf(today.getDayOfMonth()),
				String.valueOf(today.getMonthValue()), String.valueOf(today.getYear()), null, null, null, null, null,
				null, null, null, null, false, null);
	}

	boolean isUnknownService() {
		return "unknown".equals(this.service);
	}

	/**
	 * What was received, or null with the problems in {@code errors}.
	 * @param errors where problems go
	 * @param serviceId the service chosen, or null when it is not known
	 * @param today today in London
	 */
	Received toReceived(Errors errors, UUID serviceId, LocalDate today) {
		ConcernKind checkedKind = FormText.choice(errors, "kind", this.kind, ConcernKind.class, "tellUs.kind.blank");
		Channel checkedChannel = FormText.choice(errors, "channel", this.channel, Channel.class,
				"staffConcern.channel.blank");
		if (checkedChannel == Channel.PUBLIC_FORM || checkedChannel == Channel.PROVIDER_PORTAL) {
			errors.rejectValue("channel", "staffConcern.channel.blank");
		}
		DateInput received = new DateInput(FormText.orEmpty(this.receivedDay), FormText.orEmpty(this.receivedMonth),
				FormText.orEmpty(this.receivedYear));
		Object[] receivedName = { new DefaultMessageSourceResolvable("staffConcern.received.name") };
		if (received.isBlank()) {
			errors.rejectValue("receivedDay", "staffConcern.received.blank");
		}
		else if (received.problem() != null) {
			errors.rejectValue("receivedDay", received.problem(), receivedName, null);
		}
		else if (received.toDate().isAfter(today)) {
			errors.rejectValue("receivedDay", "date.error.future", receivedName, null);
		}
		String description = isUnknownService() ? FormText.check(errors, "serviceDescription", this.serviceDescription,
				true, 500, "tellUs.serviceDescription") : null;
		String what = FormText.check(errors, "whatHappened", this.whatHappened, true, 10_000, "tellUs.whatHappened");
		String roughly = FormText.check(errors, "whenText", this.whenText, false, 200, "tellUs.whenText");
		String affected = FormText.check(errors, "peopleAffected", this.peopleAffected, false, 2_000,
				"tellUs.peopleAffected");
		AtRisk risk = (checkedKind == ConcernKind.COMPLIMENT) ? null
				: FormText.choice(errors, "atRisk", this.atRisk, AtRisk.class, "tellUs.atRisk.blank");
		ReporterRole role = FormText.choice(errors, "reporterRole", this.reporterRole, ReporterRole.class,
				"tellUs.reporterRole.blank");
		String checkedName = FormText.check(errors, "name", this.name, false, 200, "tellUs.name");
		String checkedEmail = FormText.email(errors, "email", this.email);
		String checkedPhone = FormText.phone(errors, "phone", this.phone);
		if (errors.hasErrors()) {
			return null;
		}
		boolean anonymous = checkedName == null && checkedEmail == null && checkedPhone == null;
		Report report = new Report(checkedKind, serviceId, description, what, null, roughly, affected, risk, role,
				anonymous, checkedName, checkedEmail, checkedPhone, !anonymous && this.consent);
		return new Received(report, checkedChannel, received.toDate());
	}

	/**
	 * A checked concern or compliment and how and when it came.
	 *
	 * @param report what was said
	 * @param channel how it came
	 * @param on the day it came
	 */
	record Received(Report report, Channel channel, LocalDate on) {

	}

}
