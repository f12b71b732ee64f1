package org.carecycle.safeguarding.web;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.carecycle.safeguarding.Enquiries.Maker;
import org.carecycle.safeguarding.Enquiry;
import org.carecycle.web.FormText;

import org.springframework.validation.Errors;

/**
 * Who makes the enquiry: the council itself, a provider on the register or another named
 * body, with what that body is asked to find out and do, and by when.
 */
record MakerForm(String version, String madeBy, String providerId, String bodyName, String request, String dueOnDay,
		String dueOnMonth, String dueOnYear) {

	static final String COUNCIL = "COUNCIL";

	static final String PROVIDER = "PROVIDER";

	static final String OTHER = "OTHER";

	static MakerForm of(Enquiry enquiry, LocalDate defaultDue) {
		return new MakerForm(Integer.toString(enquiry.version()), null,
				(enquiry.concernProviderId() != null) ? enquiry.concernProviderId().toString() : null, null, null,
				"" + defaultDue.getDayOfMonth(), "" + defaultDue.getMonthValue(), "" + defaultDue.getYear());
	}

	/**
	 * The maker, or null with the problems in {@code errors}.
	 * @param providers the register's providers by id, with their names
	 */
	Maker toMaker(Errors errors, Map<UUID, String> providers, LocalDate today, LocalDate defaultDue) {
		if (!COUNCIL.equals(this.madeBy) && !PROVIDER.equals(this.madeBy) && !OTHER.equals(this.madeBy)) {
			errors.rejectValue("madeBy", "safeguarding.enquiry.maker.madeBy.blank");
			return null;
		}
		if (COUNCIL.equals(this.madeBy)) {
			return new Maker(Enquiry.COUNCIL, null, null, null, null);
		}
		UUID provider = null;
		String name = null;
		if (PROVIDER.equals(this.madeBy)) {
			provider = FormText.uuid(this.providerId).filter(providers::containsKey).orElse(null);
			if (provider == null) {
				errors.rejectValue("providerId", "safeguarding.enquiry.maker.providerId.blank");
			}
			else {
				name = providers.get(provider);
			}
		}
		else {
			name = FormText.check(errors, "bodyName", this.bodyName, true, 300, "safeguarding.enquiry.maker.bodyName");
		}
		String asked = FormText.check(errors, "request", this.request, true, 10_000,
				"safeguarding.enquiry.maker.request");
		LocalDate due = FormText.date(errors, "dueOn", this.dueOnDay, this.dueOnMonth, this.dueOnYear,
				"safeguarding.enquiry.maker.dueOn", false);
		if (due != null && !due.isAfter(today)) {
			errors.rejectValue("dueOnDay", "safeguarding.enquiry.maker.dueOn.past");
		}
		if (errors.hasErrors()) {
			return null;
		}
		return new Maker(Enquiry.CAUSED, provider, name, asked, (due != null) ? due : defaultDue);
	}

}
