package org.carecycle.procurement.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.carecycle.procurement.Admission;
import org.carecycle.procurement.FrameworkKind;
import org.carecycle.procurement.FrameworkLot;
import org.carecycle.procurement.FrameworkRegister;
import org.carecycle.procurement.Partnerships;
import org.carecycle.providers.PriceUnit;
import org.carecycle.providers.ServiceType;
import org.carecycle.web.FormText;

import org.springframework.validation.Errors;

/**
 * The forms of the framework, dynamic market and partnership pages, as typed; each checks
 * itself into what {@link FrameworkRegister} or {@link Partnerships} is called with, with
 * GOV.UK's words for what is wrong.
 */
final class FrameworkForms {

	static final int TITLE = 200;

	static final int LONG_TEXT = 20_000;

	/** Pounds and pence, with an optional £ sign and thousands commas. */
	private static final Pattern MONEY = Pattern.compile("£?\\s*\\d{1,3}(,?\\d{3})*(\\.\\d{1,2})?");

	private FrameworkForms() {
	}

	/** A price in pounds, or null when blank (rejected if required) or not a price. */
	static BigDecimal price(Errors errors, String field, String value, boolean required, String prefix) {
		String text = FormText.clean(value);
		if (text == null) {
			if (required) {
				errors.rejectValue(field, prefix + ".blank");
			}
			return null;
		}
		if (text.length() > 20 || !MONEY.matcher(text).matches()) {
			errors.rejectValue(field, prefix + ".format");
			return null;
		}
		BigDecimal price = new BigDecimal(text.replace("£", "").replace(",", "").strip());
		if (price.signum() <= 0 || price.compareTo(Admission.MAX_PRICE) > 0) {
			errors.rejectValue(field, prefix + ".range");
			return null;
		}
		return price;
	}

	/**
	 * A framework or dynamic market.
	 *
	 * @param kind a {@link FrameworkKind} name
	 * @param title its title
	 * @param description what it buys and how
	 * @param startsDay the day its term starts
	 * @param startsMonth the month
	 * @param startsYear the year
	 * @param endsDay the day it ends
	 * @param endsMonth the month
	 * @param endsYear the year
	 */
	record FrameworkForm(String kind, String title, String description, String startsDay, String startsMonth,
			String startsYear, String endsDay, String endsMonth, String endsYear) {

		static FrameworkForm empty() {
			return new FrameworkForm(null, null, null, null, null, null, null, null, null);
		}

		FrameworkRegister.NewFramework toCommand(Errors errors) {
			FrameworkKind checkedKind = FormText.choice(errors, "kind", this.kind, FrameworkKind.class,
					"arrangement.kind.blank");
			String checkedTitle = FormText.check(errors, "title", this.title, true, TITLE, "arrangement.title");
			String checkedDescription = FormText.check(errors, "description", this.description, true, LONG_TEXT,
					"arrangement.description");
			LocalDate starts = FormText.date(errors, "starts", this.startsDay, this.startsMonth, this.startsYear,
					"arrangement.starts", true);
			LocalDate ends = FormText.date(errors, "ends", this.endsDay, this.endsMonth, this.endsYear,
					"arrangement.ends", checkedKind == FrameworkKind.FRAMEWORK);
			if (starts != null && ends != null && !ends.isAfter(starts)) {
				errors.rejectValue("endsDay", "arrangement.ends.afterStart");
			}
			else if (checkedKind == FrameworkKind.FRAMEWORK && starts != null && ends != null
					&& ends.isAfter(starts.plusYears(4))) {
				errors.rejectValue("endsDay", "arrangement.ends.fourYears");
			}
			return errors.hasErrors() ? null
					: new FrameworkRegister.NewFramework(checkedKind, checkedTitle, checkedDescription, starts, ends);
		}

	}

	/**
	 * A lot.
	 *
	 * @param name its name
	 * @param serviceType a {@link ServiceType} name
	 * @param area a locality's id, or blank for the whole county
	 * @param priceUnit a {@link PriceUnit} name
	 * @param qualityWeight the weight of quality in percent
	 */
	record LotForm(String name, String serviceType, String area, String priceUnit, String qualityWeight) {

		static LotForm empty() {
			return new LotForm(null, null, null, null, String.valueOf(FrameworkLot.DEFAULT_QUALITY_WEIGHT));
		}

		FrameworkRegister.NewLot toCommand(Errors errors, List<UUID> areas) {
			String checkedName = FormText.check(errors, "name", this.name, true, TITLE, "lot.name");
			ServiceType type = FormText.choice(errors, "serviceType", this.serviceType, ServiceType.class,
					"lot.serviceType.blank");
			UUID locality = null;
			if (FormText.clean(this.area) != null) {
				locality = FormText.uuid(this.area).filter(areas::contains).orElse(null);
				if (locality == null) {
					errors.rejectValue("area", "lot.area.unknown");
				}
			}
			PriceUnit unit = FormText.choice(errors, "priceUnit", this.priceUnit, PriceUnit.class,
					"lot.priceUnit.blank");
			Integer quality = null;
			String weight = FormText.clean(this.qualityWeight);
			if (weight == null) {
				errors.rejectValue("qualityWeight", "lot.qualityWeight.blank");
			}
			else if (!weight.matches("\\d{1,3}") || Integer.parseInt(weight) > 100) {
				errors.rejectValue("qualityWeight", "lot.qualityWeight.range");
			}
			else {
				quality = Integer.parseInt(weight);
			}
			return errors.hasErrors() ? null : new FrameworkRegister.NewLot(checkedName, type, locality, unit, quality);
		}

	}

	/**
	 * A provider admitted to a framework's lot at award.
	 *
	 * @param provider the provider's id
	 * @param price the price agreed
	 * @param reasons the award decision
	 */
	record AwardForm(String provider, String price, String reasons) {

		static AwardForm empty() {
			return new AwardForm(null, null, null);
		}

		Optional<UUID> providerId(Errors errors, List<UUID> choices) {
			Optional<UUID> id = FormText.uuid(this.provider).filter(choices::contains);
			if (id.isEmpty()) {
				errors.rejectValue("provider", "award.provider.blank");
			}
			return id;
		}

	}

	/**
	 * A commissioner's decision on an admission.
	 *
	 * @param version the version decided on
	 * @param decision a {@link FrameworkRegister.Decision} name
	 * @param price the agreed price, when admitting or repricing
	 * @param reasons the reasons
	 */
	record DecisionForm(Integer version, String decision, String price, String reasons) {

		DecisionForm {
			version = (version != null) ? version : -1;
		}

		static DecisionForm of(Admission admission) {
			return new DecisionForm(admission.version(), null,
					(admission.price() != null) ? admission.price().toPlainString() : null, null);
		}

	}

	/**
	 * A provider's application to a dynamic market's lot.
	 *
	 * @param price the price offered in the lot's unit
	 * @param statement how the organisation meets the lot's conditions
	 */
	record ApplicationForm(String price, String statement) {

		static ApplicationForm empty() {
			return new ApplicationForm(null, null);
		}

	}

	/**
	 * A preferred-provider partnership.
	 *
	 * @param provider the provider's id
	 * @param title what the partnership is
	 * @param rationale why this provider, and why not a tender
	 * @param services {@link ServiceType} names
	 * @param scope what else it covers
	 * @param startsDay the day it started
	 * @param startsMonth the month
	 * @param startsYear the year
	 * @param reviewDay the day it is reviewed
	 * @param reviewMonth the month
	 * @param reviewYear the year
	 */
	record PartnershipForm(String provider, String title, String rationale, List<String> services, String scope,
			String startsDay, String startsMonth, String startsYear, String reviewDay, String reviewMonth,
			String reviewYear) {

		PartnershipForm {
			services = (services != null) ? List.copyOf(services.stream().filter(s -> s != null).toList()) : List.of();
		}

		static PartnershipForm empty() {
			return new PartnershipForm(null, null, null, List.of(), null, null, null, null, null, null, null);
		}

		Partnerships.NewPartnership toCommand(Errors errors, List<UUID> providers) {
			Optional<UUID> providerId = FormText.uuid(this.provider).filter(providers::contains);
			if (providerId.isEmpty()) {
				errors.rejectValue("provider", "partnership.provider.blank");
			}
			String checkedTitle = FormText.check(errors, "title", this.title, true, TITLE, "partnership.title");
			String checkedRationale = FormText.check(errors, "rationale", this.rationale, true, LONG_TEXT,
					"partnership.rationale");
			List<ServiceType> types = new java.util.ArrayList<>();
			for (String service : this.services) {
				try {
					types.add(ServiceType.valueOf(service));
				}
				catch (IllegalArgumentException ex) {
					errors.rejectValue("services", "partnership.services.blank");
					types.clear();
					break;
				}
			}
			if (types.isEmpty() && !errors.hasFieldErrors("services")) {
				errors.rejectValue("services", "partnership.services.blank");
			}
			String checkedScope = FormText.check(errors, "scope", this.scope, false, LONG_TEXT, "partnership.scope");
			LocalDate starts = FormText.date(errors, "starts", this.startsDay, this.startsMonth, this.startsYear,
					"partnership.starts", true);
			LocalDate review = FormText.date(errors, "review", this.reviewDay, this.reviewMonth, this.reviewYear,
					"partnership.review", true);
			if (starts != null && review != null && !review.isAfter(starts)) {
				errors.rejectValue("reviewDay", "partnership.review.afterStart");
			}
			return errors.hasErrors() ? null : new Partnerships.NewPartnership(providerId.get(), checkedTitle,
					checkedRationale, types.stream().distinct().toList(), checkedScope, starts, review);
		}

	}

}
