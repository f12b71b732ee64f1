package org.carecycle.safeguarding.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.carecycle.concerns.AbuseType;
import org.carecycle.safeguarding.AgeBand;
import org.carecycle.safeguarding.Answer;
import org.carecycle.safeguarding.Ethnicity;
import org.carecycle.safeguarding.Gender;
import org.carecycle.safeguarding.LocationOfRisk;
import org.carecycle.safeguarding.PartnerAgency;
import org.carecycle.safeguarding.SafeguardingCase;
import org.carecycle.safeguarding.SafeguardingCases;
import org.carecycle.safeguarding.SourceOfRisk;
import org.carecycle.safeguarding.SupportReason;
import org.carecycle.shared.UkTime;
import org.carecycle.web.FormText;

import org.springframework.validation.Errors;

/**
 * A safeguarding concern as staff type it: who told the council (for a new one), what
 * happened and when it was received, the adult at risk by the least that identifies them,
 * the categories the Safeguarding Adults Collection counts, and the service concerned.
 * Everything is text as posted, checked by {@link #toDetails}.
 *
 * @param service the service's id, or "none"
 * @param from STAFF or PARTNER (for a new case)
 * @param partnerAgency a {@link PartnerAgency} name, when from a partner
 * @param partnerName the partner's name and place
 * @param summary what happened
 * @param receivedDay the day received
 * @param receivedMonth the month
 * @param receivedYear the year
 * @param seriousIncident "yes" or "no"
 * @param adultInitials the adult's initials
 * @param adultReference their social care record number
 * @param ageBand an {@link AgeBand} name
 * @param gender a {@link Gender} name
 * @param ethnicity an {@link Ethnicity} name
 * @param supportReason a {@link SupportReason} name
 * @param autism an {@link Answer} name
 * @param riskTypes {@link AbuseType} names (not ANY)
 * @param locationOfRisk a {@link LocationOfRisk} name
 * @param sourcesOfRisk {@link SourceOfRisk} names
 * @param version the version the person saw, when correcting
 */
record CaseForm(String service, String from, String partnerAgency, String partnerName, String summary,
		String receivedDay, String receivedMonth, String receivedYear, String seriousIncident, String adultInitials,
		String adultReference, String ageBand, String gender, String ethnicity, String supportReason, String autism,
		List<String> riskTypes, String locationOfRisk, List<String> sourcesOfRisk, String version) {

	/** Answers allowed for autism. */
	static final Set<Answer> AUTISM = EnumSet.of(Answer.YES, Answer.NO, Answer.NOT_KNOWN);

	static CaseForm blank(String service, LocalDate today) {
		return new CaseForm(service, null, null, null, null, String.valueOf(today.getDayOfMonth()),
				String.valueOf(today.getMonthValue()), String.valueOf(today.getYear()), null, null, null, null, null,
				null, null, null, List.of(), null, List.of(), null);
	}

	static CaseForm of(SafeguardingCase c) {
		LocalDate received = c.receivedAt().atZone(UkTime.ZONE).toLocalDate();
		return new CaseForm((c.careServiceId() != null) ? c.careServiceId().toString() : "none", c.source(),
				(c.partnerAgency() != null) ? c.partnerAgency().name() : null, c.partnerName(), c.summary(),
				String.valueOf(received.getDayOfMonth()), String.valueOf(received.getMonthValue()),
				String.valueOf(received.getYear()), c.seriousIncident() ? "yes" : "no", c.adultInitials(),
				c.adultReference(), c.ageBand().name(), c.gender().name(), c.ethnicity().name(),
				c.supportReason().name(), c.autism().name(), c.riskTypes().stream().map(Enum::name).toList(),
				(c.locationOfRisk() != null) ? c.locationOfRisk().name() : null,
				c.sourcesOfRisk().stream().map(Enum::name).toList(), String.valueOf(c.version()));
	}

	boolean noService() {
		return "none".equals(this.service);
	}

	/** The service chosen, if an id. */
	java.util.Optional<UUID> serviceId() {
		return FormText.uuid(this.service);
	}

	/** The partner who told the council, for a new case; null when from staff. */
	SafeguardingCases.Partner toPartner(Errors errors) {
		if (!"PARTNER".equals(this.from)) {
			if (!"STAFF".equals(this.from)) {
				errors.rejectValue("from", "safeguarding.case.form.from.blank");
			}
			return null;
		}
		PartnerAgency agency = FormText.choice(errors, "partnerAgency", this.partnerAgency, PartnerAgency.class,
				"safeguarding.case.form.partnerAgency.blank");
		String name = FormText.check(errors, "partnerName", this.partnerName, false, 200,
				"safeguarding.case.form.partnerName");
		return (agency != null) ? new SafeguardingCases.Partner(agency, name) : null;
	}

	/**
	 * The checked details, or null with the problems in {@code errors}.
	 * @param serviceId the service chosen (checked on the register), or null for none
	 * @param today today in London
	 * @param now now, for a case received today
	 * @param screenReasons why the screen flags the text, or null
	 */
	SafeguardingCases.Details toDetails(Errors errors, UUID serviceId, LocalDate today, Instant now,
			java.util.function.Function<String, String> screen) {
		String what = FormText.check(errors, "summary", this.summary, true, 10_000, "safeguarding.case.form.summary");
		LocalDate received = FormText.date(errors, "received", this.receivedDay, this.receivedMonth, this.receivedYear,
				"safeguarding.case.form.received", true);
		if (received != null && received.isAfter(today)) {
			errors.rejectValue("receivedDay", "safeguarding.case.form.received.future");
			received = null;
		}
		Boolean serious = switch (FormText.orEmpty(this.seriousIncident)) {
			case "yes" -> true;
			case "no" -> false;
			default -> {
				errors.rejectValue("seriousIncident", "safeguarding.case.form.seriousIncident.blank");
				yield null;
			}
		};
		String initials = FormText.check(errors, "adultInitials", this.adultInitials, true, 10,
				"safeguarding.case.form.adultInitials");
		if (initials != null && !initials.matches("[\\p{L}.\\- ]{1,10}")) {
			errors.rejectValue("adultInitials", "safeguarding.case.form.adultInitials.letters");
			initials = null;
		}
		String record = FormText.check(errors, "adultReference", this.adultReference, false, 40,
				"safeguarding.case.form.adultReference");
		AgeBand age = FormText.choice(errors, "ageBand", this.ageBand, AgeBand.class,
				"safeguarding.case.form.ageBand.blank");
		Gender checkedGender = FormText.choice(errors, "gender", this.gender, Gender.class,
				"safeguarding.case.form.gender.blank");
		Ethnicity checkedEthnicity = FormText.choice(errors, "ethnicity", this.ethnicity, Ethnicity.class,
				"safeguarding.case.form.ethnicity.blank");
		SupportReason support = FormText.choice(errors, "supportReason", this.supportReason, SupportReason.class,
				"safeguarding.case.form.supportReason.blank");
		Answer checkedAutism = FormText.choice(errors, "autism", this.autism, Answer.class,
				"safeguarding.case.form.autism.blank");
		if (checkedAutism != null && !AUTISM.contains(checkedAutism)) {
			errors.rejectValue("autism", "safeguarding.case.form.autism.blank");
		}
		Set<AbuseType> types = EnumSet.noneOf(AbuseType.class);
		for (String each : (this.riskTypes != null) ? this.riskTypes : List.<String>of()) {
			AbuseType type = parse(AbuseType.class, each);
			if (type == null || type == AbuseType.ANY) {
				errors.rejectValue("riskTypes", "safeguarding.case.form.riskTypes.blank");
				types = null;
				break;
			}
			types.add(type);
		}
		if (types != null && types.isEmpty()) {
			errors.rejectValue("riskTypes", "safeguarding.case.form.riskTypes.blank");
		}
		LocationOfRisk location = FormText.choice(errors, "locationOfRisk", this.locationOfRisk, LocationOfRisk.class,
				"safeguarding.case.form.locationOfRisk.blank");
		Set<SourceOfRisk> sources = EnumSet.noneOf(SourceOfRisk.class);
		for (String each : (this.sourcesOfRisk != null) ? this.sourcesOfRisk : List.<String>of()) {
			SourceOfRisk source = parse(SourceOfRisk.class, each);
			if (source == null) {
				errors.rejectValue("sourcesOfRisk", "safeguarding.case.form.sourcesOfRisk.blank");
				sources = null;
				break;
			}
			sources.add(source);
		}
		if (sources != null && sources.isEmpty()) {
			errors.rejectValue("sourcesOfRisk", "safeguarding.case.form.sourcesOfRisk.blank");
		}
		if (errors.hasErrors()) {
			return null;
		}
		Instant at = received.equals(today) ? now : received.atTime(LocalTime.NOON).atZone(UkTime.ZONE).toInstant();
		return new SafeguardingCases.Details(what, at, serious, initials.toUpperCase(java.util.Locale.UK), record, age,
				checkedGender, checkedEthnicity, support, checkedAutism, serviceId, types, location, sources,
				screen.apply(what));
	}

	/** The version posted, or -1 when it is not a number (a stale edit). */
	int versionNumber() {
		try {
			return Integer.parseInt(FormText.orEmpty(this.version).strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value) {
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(value)) {
				return constant;
			}
		}
		return null;
	}

	static List<String> nonNull(List<String> values) {
		return (values != null) ? values : new ArrayList<>();
	}

}
