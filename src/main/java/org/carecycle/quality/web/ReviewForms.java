package org.carecycle.quality.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.carecycle.quality.Finding;
import org.carecycle.quality.QaRating;
import org.carecycle.quality.Review;
import org.carecycle.quality.ReviewKind;
import org.carecycle.web.Choice;
import org.carecycle.web.DateInput;
import org.carecycle.web.FormText;

import org.springframework.util.StringUtils;
import org.springframework.validation.Errors;
import org.springframework.web.multipart.MultipartFile;

/**
 * The forms of the review pages, as typed; each checks itself into what
 * {@link org.carecycle.quality.Reviews} is called with.
 */
final class ReviewForms {

	/** The longest text kept for findings, summaries and responses. */
	static final int LONG_TEXT = 20_000;

	private ReviewForms() {
	}

	/**
	 * Planning or moving a review: when and by whom.
	 *
	 * @param version the version of the review the person started from (0 for a new one)
	 * @param service the id of the service reviewed
	 * @param kind a {@link ReviewKind} name
	 * @param officer the id of the officer who will do it
	 * @param dateDay the day it is planned for
	 * @param dateMonth the month
	 * @param dateYear the year
	 */
	record PlanForm(Integer version, String service, String kind, String officer, String dateDay, String dateMonth,
			String dateYear) {

		PlanForm {
			version = (version != null) ? version : 0;
		}

		/** A new annual review of the service, by the person planning it. */
		static PlanForm of(UUID service, UUID officer) {
			return new PlanForm(0, (service != null) ? service.toString() : null, ReviewKind.ANNUAL.name(),
					officer.toString(), null, null, null);
		}

		/** Moving the review or giving it to another officer. */
		static PlanForm of(Review review) {
			DateInput date = DateInput.of(review.plannedFor());
			return new PlanForm(review.version(), null, null,
					(review.officerId() != null) ? review.officerId().toString() : null, date.day(), date.month(),
					date.year());
		}

		/** The new review, or null with the problems in {@code errors}. */
		Plan toPlan(Errors errors, List<Choice> officers) {
			ReviewKind checkedKind = FormText.choice(errors, "kind", this.kind, ReviewKind.class, "plan.kind.blank");
			return checked(errors, checkedKind, officers);
		}

		/** The new date and officer, or null with the problems in {@code errors}. */
		Plan toReschedule(Errors errors, List<Choice> officers) {
			return checked(errors, null, officers);
		}

		private Plan checked(Errors errors, ReviewKind checkedKind, List<Choice> officers) {
			LocalDate date = FormText.date(errors, "date", this.dateDay, this.dateMonth, this.dateYear, "plan.date",
					true);
			Optional<UUID> id = FormText.uuid(this.officer);
			if (id.isEmpty() || officers.stream().noneMatch(choice -> choice.value().equals(this.officer))) {
				errors.rejectValue("officer", "plan.officer.blank");
			}
			return errors.hasErrors() ? null : new Plan(this.version, checkedKind, date, id.get());
		}

	}

	/**
	 * A checked plan.
	 *
	 * @param version the version of the review the person started from
	 * @param kind the kind of review (null when moving one)
	 * @param date the day it is planned for
	 * @param officer who will do it
	 */
	record Plan(int version, ReviewKind kind, LocalDate date, UUID officer) {

	}

	/**
	 * The visit: dates, announced or not, who was spoken to, what was asked for.
	 *
	 * @param version the version of the review the person started from
	 * @param startDay the first day of the visit
	 * @param startMonth its month
	 * @param startYear its year
	 * @param endDay the last day of the visit
	 * @param endMonth its month
	 * @param endYear its year
	 * @param announced "true" or "false"
	 * @param peopleSpokenTo who was spoken to
	 * @param documentsRequested what was asked for
	 */
	record VisitForm(Integer version, String startDay, String startMonth, String startYear, String endDay,
			String endMonth, String endYear, String announced, String peopleSpokenTo, String documentsRequested) {

		VisitForm {
			version = (version != null) ? version : 0;
		}

		static VisitForm of(Review review) {
			DateInput start = DateInput.of(Optional.ofNullable(review.visitStartedOn()).orElse(review.plannedFor()));
			DateInput end = DateInput.of(Optional.ofNullable(review.visitEndedOn()).orElse(review.plannedFor()));
			return new VisitForm(review.version(), start.day(), start.month(), start.year(), end.day(), end.month(),
					end.year(), (review.announced() != null) ? review.announced().toString() : null,
					review.peopleSpokenTo(), review.documentsRequested());
		}

		/** The visit, or null with the problems in {@code errors}. */
		Visit toVisit(Errors errors, LocalDate today) {
			LocalDate start = FormText.date(errors, "start", this.startDay, this.startMonth, this.startYear,
					"visit.start", true);
			LocalDate end = FormText.date(errors, "end", this.endDay, this.endMonth, this.endYear, "visit.end", true);
			if (start != null && start.isAfter(today)) {
				errors.rejectValue("startDay", "visit.start.future");
			}
			if (start != null && end != null && end.isBefore(start)) {
				errors.rejectValue("endDay", "visit.end.beforeStart");
			}
			if (end != null && end.isAfter(today)) {
				errors.rejectValue("endDay", "visit.end.future");
			}
			if (!"true".equals(this.announced) && !"false".equals(this.announced)) {
				errors.rejectValue("announced", "visit.announced.blank");
			}
			String people = FormText.check(errors, "peopleSpokenTo", this.peopleSpokenTo, true, LONG_TEXT,
					"visit.people");
			String requested = FormText.check(errors, "documentsRequested", this.documentsRequested, false, LONG_TEXT,
					"visit.documents");
			return errors.hasErrors() ? null
					: new Visit(this.version, start, end, Boolean.parseBoolean(this.announced), people, requested);
		}

	}

	/**
	 * A checked visit.
	 *
	 * @param version the version of the review the person started from
	 * @param start the first day
	 * @param end the last day
	 * @param announced whether the provider knew beforehand
	 * @param peopleSpokenTo who was spoken to
	 * @param documentsRequested what was asked for, if anything
	 */
	record Visit(int version, LocalDate start, LocalDate end, boolean announced, String peopleSpokenTo,
			String documentsRequested) {

	}

	/**
	 * A standard's rating and findings.
	 *
	 * @param version the version of the review the person started from
	 * @param rating a {@link QaRating} name
	 * @param findings what was found
	 */
	record FindingForm(Integer version, String rating, String findings) {

		FindingForm {
			version = (version != null) ? version : 0;
		}

		static FindingForm of(int version, Finding finding) {
			return (finding != null) ? new FindingForm(version,
					(finding.rating() != null) ? finding.rating().name() : null, finding.findings())
					: new FindingForm(version, null, null);
		}

		/** The rating, or null with the problems in {@code errors}. */
		Rated toRated(Errors errors) {
			QaRating checkedRating = FormText.choice(errors, "rating", this.rating, QaRating.class,
					"finding.rating.blank");
			String checkedFindings = FormText.check(errors, "findings", this.findings, true, LONG_TEXT,
					"finding.findings");
			return errors.hasErrors() ? null : new Rated(this.version, checkedRating, checkedFindings);
		}

	}

	/**
	 * A checked rating.
	 *
	 * @param version the version of the review the person started from
	 * @param rating the rating
	 * @param findings what was found
	 */
	record Rated(int version, QaRating rating, String findings) {

	}

	/**
	 * A piece of evidence: a note or an observation, and perhaps a document.
	 *
	 * @param kind "NOTE" or "OBSERVATION"
	 * @param text the note or observation
	 * @param document the document chosen, if any
	 */
	record EvidenceForm(String kind, String text, MultipartFile document) {

		static EvidenceForm empty() {
			return new EvidenceForm(null, null, null);
		}

		/** Whether a file was chosen (a browser may send an empty part with no name). */
		boolean hasDocument() {
			return this.document != null
					&& !(this.document.isEmpty() && !StringUtils.hasText(this.document.getOriginalFilename()));
		}

	}

	/**
	 * One text and the version it was written against (summary, reasons, decisions).
	 *
	 * @param version the version of the review the person started from
	 * @param text the text
	 */
	record TextForm(Integer version, String text) {

		TextForm {
			version = (version != null) ? version : 0;
		}

		static TextForm of(int version, String text) {
			return new TextForm(version, text);
		}

		/** The cleaned text, or null with the problem in {@code errors}. */
		String toText(Errors errors, int maxLength, String messagePrefix) {
			return FormText.check(errors, "text", this.text, true, maxLength, messagePrefix);
		}

	}

	/**
	 * The senior officer's decision on a provider's comment.
	 *
	 * @param version the version of the review the person started from
	 * @param outcome a {@link Finding.DisputeOutcome} name
	 * @param response the answer to the provider
	 * @param rating the new rating, when the comment is upheld
	 * @param findings the new findings, when the comment is upheld
	 */
	record DecisionForm(Integer version, String outcome, String response, String rating, String findings) {

		DecisionForm {
			version = (version != null) ? version : 0;
		}

		static DecisionForm of(int version, Finding finding) {
			return new DecisionForm(version,
					(finding.disputeOutcome() != null) ? finding.disputeOutcome().name() : null,
					finding.disputeResponse(), (finding.rating() != null) ? finding.rating().name() : null,
					finding.findings());
		}

		/** The decision, or null with the problems in {@code errors}. */
		Decision toDecision(Errors errors) {
			Finding.DisputeOutcome checkedOutcome = FormText.choice(errors, "outcome", this.outcome,
					Finding.DisputeOutcome.class, "decide.outcome.blank");
			String checkedResponse = FormText.check(errors, "response", this.response, true, LONG_TEXT,
					"decide.response");
			QaRating checkedRating = null;
			String checkedFindings = null;
			if (checkedOutcome == Finding.DisputeOutcome.UPHELD) {
				checkedRating = FormText.choice(errors, "rating", this.rating, QaRating.class, "finding.rating.blank");
				checkedFindings = FormText.check(errors, "findings", this.findings, true, LONG_TEXT,
						"finding.findings");
			}
			return errors.hasErrors() ? null
					: new Decision(this.version, checkedOutcome, checkedResponse, checkedRating, checkedFindings);
		}

	}

	/**
	 * A checked decision.
	 *
	 * @param version the version of the review the person started from
	 * @param outcome upheld or not
	 * @param response the answer to the provider
	 * @param rating the new rating, when upheld
	 * @param findings the new findings, when upheld
	 */
	record Decision(int version, Finding.DisputeOutcome outcome, String response, QaRating rating, String findings) {

	}

}
