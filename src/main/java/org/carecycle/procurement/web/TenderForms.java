package org.carecycle.procurement.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

import org.carecycle.procurement.CriterionKind;
import org.carecycle.procurement.TenderProcedure;
import org.carecycle.procurement.Tenders.TenderDetails;
import org.carecycle.shared.UkTime;
import org.carecycle.web.FormText;

import org.springframework.validation.Errors;
import org.springframework.web.multipart.MultipartFile;

/**
 * The forms of the tender pages, each a record of what was typed, checked into a command.
 */
final class TenderForms {

	static final int TITLE_LENGTH = 200;

	static final int TEXT_LENGTH = 20_000;

	static final int QUESTION_LENGTH = 4_000;

	static final int ANSWER_LENGTH = 8_000;

	private static final Pattern MONEY = Pattern.compile("^£?\\s*[0-9][0-9,]{0,14}(\\.[0-9]{1,2})?$");

	private static final Pattern TIME = Pattern.compile("^([01]?[0-9]|2[0-3])[:.]([0-5][0-9])$");

	private TenderForms() {
	}

	/** A tender's planning details and deadline. */
	record TenderForm(String title, String description, String intentionReference, String procedure,
			String estimatedValue, String contractMonths, String closesDay, String closesMonth, String closesYear,
			String closesTime) {

		static TenderForm empty() {
			return new TenderForm(null, null, null, null, null, null, null, null, null, "12:00");
		}

		TenderDetails toDetails(Errors errors, Instant now) {
			String checkedTitle = FormText.check(errors, "title", this.title, true, TITLE_LENGTH, "tenders.form.title");
			String checkedDescription = FormText.check(errors, "description", this.description, true, TEXT_LENGTH,
					"tenders.form.description");
			String intention = FormText.check(errors, "intentionReference", this.intentionReference, false,
					TITLE_LENGTH, "tenders.form.intention");
			TenderProcedure checkedProcedure = FormText.choice(errors, "procedure", this.procedure,
					TenderProcedure.class, "tenders.form.procedure.blank");
			BigDecimal value = money(errors, "estimatedValue", this.estimatedValue, false, "tenders.form.value");
			Integer months = whole(errors, "contractMonths", this.contractMonths, 1, 240, "tenders.form.months");
			LocalDate day = FormText.date(errors, "closes", this.closesDay, this.closesMonth, this.closesYear,
					"tenders.form.closes", true);
			LocalTime time = null;
			String typedTime = FormText.clean(this.closesTime);
			if (typedTime == null) {
				errors.rejectValue("closesTime", "tenders.form.closesTime.blank");
			}
			else if (!TIME.matcher(typedTime).matches()) {
				errors.rejectValue("closesTime", "tenders.form.closesTime.invalid");
			}
			else {
				try {
					time = LocalTime.parse(typedTime.replace('.', ':').length() == 4 ? "0" + typedTime.replace('.', ':')
							: typedTime.replace('.', ':'));
				}
				catch (DateTimeParseException ex) {
					errors.rejectValue("closesTime", "tenders.form.closesTime.invalid");
				}
			}
			Instant closes = null;
			if (day != null && time != null) {
				closes = day.atTime(time).atZone(UkTime.ZONE).toInstant();
				if (!closes.isAfter(now)) {
					errors.rejectValue("closesDay", "tenders.form.closes.future");
				}
			}
			if (errors.hasErrors()) {
				return null;
			}
			return new TenderDetails(checkedTitle, checkedDescription, intention, checkedProcedure, value, months,
					closes);
		}

	}

	/** A lot of the tender. */
	record LotForm(String lotTitle, String lotDescription, String lotValue) {

		static LotForm empty() {
			return new LotForm(null, null, null);
		}

	}

	/** An award criterion, a sub-criterion or a pass/fail question. */
	record CriterionForm(String kind, String parentId, String criterionTitle, String guidance, String weight) {

		static CriterionForm empty() {
			return new CriterionForm(null, null, null, null, null);
		}

	}

	/** A tender document: its title and the file. */
	record DocumentForm(String documentTitle, MultipartFile document) {

		boolean hasDocument() {
			return this.document != null && !this.document.isEmpty();
		}

	}

	/** The answer to a clarification question. */
	record AnswerForm(String answer) {
	}

	/** A provider's clarification question. */
	record QuestionForm(String question) {
	}

	static BigDecimal money(Errors errors, String field, String typed, boolean required, String prefix) {
		String text = FormText.clean(typed);
		if (text == null) {
			if (required) {
				errors.rejectValue(field, prefix + ".blank");
			}
			return null;
		}
		if (text.length() > 20 || !MONEY.matcher(text).matches()) {
			errors.rejectValue(field, prefix + ".invalid");
			return null;
		}
		BigDecimal value = new BigDecimal(text.replace("£", "").replace(",", "").strip());
		if (value.signum() <= 0 || value.compareTo(new BigDecimal("999999999999")) > 0) {
			errors.rejectValue(field, prefix + ".invalid");
			return null;
		}
		return value;
	}

	static Integer whole(Errors errors, String field, String typed, int min, int max, String prefix) {
		String text = FormText.clean(typed);
		if (text == null) {
			return null;
		}
		if (text.length() > 4 || !text.matches("[0-9]+")) {
			errors.rejectValue(field, prefix + ".invalid", new Object[] { min, max }, null);
			return null;
		}
		int value = Integer.parseInt(text);
		if (value < min || value > max) {
			errors.rejectValue(field, prefix + ".invalid", new Object[] { min, max }, null);
			return null;
		}
		return value;
	}

	static CriterionKind kind(String typed) {
		if (typed == null) {
			return null;
		}
		for (CriterionKind kind : CriterionKind.values()) {
			if (kind.name().equals(typed.strip().toUpperCase(Locale.ROOT))) {
				return kind;
			}
		}
		return null;
	}

}
