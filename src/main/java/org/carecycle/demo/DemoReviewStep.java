package org.carecycle.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.carecycle.demo.DemoReviews.Person;
import org.carecycle.quality.QaRating;
import org.carecycle.quality.ReviewKind;

/**
 * One review of a service's schedule, with the date of every step it would take: the
 * schedule is laid out whole, as if the future happened too, and the recorder then cuts
 * it at today, so the plan and the writing share this one shape.
 */
final class DemoReviewStep {

	/** How the provider answers a draft. */
	enum Response {

		ACCEPTED, CHALLENGED, NONE

	}

	UUID id;

	ReviewKind kind;

	int follows = -1;

	DemoReviewStep followUp;

	Person officer;

	LocalDate created;

	LocalDate plannedFor;

	LocalDate visitStart;

	LocalDate visitEnd;

	boolean announced;

	LocalDate drafted;

	LocalDate sent;

	Response response;

	LocalDate responded;

	final List<String> challenged = new ArrayList<>();

	final List<Boolean> upheld = new ArrayList<>();

	final List<LocalDate> decided = new ArrayList<>();

	LocalDate published;

	QaRating[] draft;

	QaRating[] fin;

	boolean needsAction;

	LocalDate submitted;

	LocalDate returned;

	LocalDate resubmitted;

	LocalDate approved;

	LocalDate cancelCreated;

	LocalDate cancelPlannedFor;

	LocalDate cancelledOn;

	void shift(long days) {
		this.created = plus(this.created, days);
		this.plannedFor = plus(this.plannedFor, days);
		this.visitStart = plus(this.visitStart, days);
		this.visitEnd = plus(this.visitEnd, days);
		this.drafted = plus(this.drafted, days);
		this.sent = plus(this.sent, days);
		this.responded = plus(this.responded, days);
		this.decided.replaceAll(d -> plus(d, days));
		this.published = plus(this.published, days);
		this.submitted = plus(this.submitted, days);
		this.returned = plus(this.returned, days);
		this.resubmitted = plus(this.resubmitted, days);
		this.approved = plus(this.approved, days);
		this.cancelCreated = plus(this.cancelCreated, days);
		this.cancelPlannedFor = plus(this.cancelPlannedFor, days);
		this.cancelledOn = plus(this.cancelledOn, days);
	}

	private static LocalDate plus(LocalDate date, long days) {
		return (date != null) ? date.plusDays(days) : null;
	}

	LocalDate commentsDue() {
		return this.sent.plusDays(14);
	}

	LocalDate actionPlanDue() {
		return this.published.plusDays(14);
	}

	LocalDate lastSubmission() {
		return (this.resubmitted != null) ? this.resubmitted : this.submitted;
	}

}
