package org.carecycle.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import org.carecycle.demo.DemoReviewRows.ActionRow;
import org.carecycle.demo.DemoReviewRows.Batch;
import org.carecycle.demo.DemoReviewRows.EventRow;
import org.carecycle.demo.DemoReviewRows.EvidenceRow;
import org.carecycle.demo.DemoReviewRows.FindingRow;
import org.carecycle.demo.DemoReviewRows.ReviewRow;
import org.carecycle.demo.DemoReviewRatings.Score;
import org.carecycle.demo.DemoReviewStep.Response;
import org.carecycle.demo.DemoReviews.Cast;
import org.carecycle.demo.DemoReviews.Notes;
import org.carecycle.demo.DemoReviews.Person;
import org.carecycle.demo.DemoReviews.Present;
import org.carecycle.providers.RegisterLoader.NewService;
import org.carecycle.quality.Framework;
import org.carecycle.quality.QaRating;
import org.carecycle.quality.ReviewKind;
import org.carecycle.quality.ReviewStatus;
import org.carecycle.shared.UkTime;

/**
 * Writes one service's scheduled reviews as today finds them: each step that happened
 * before today becomes the review's row, its findings, its timeline of events, its action
 * plan and the evidence of recent visits; the review under way is left where today finds
 * it. Kept apart from the schedule because the schedule decides what would happen and
 * this decides what has happened and how it reads.
 */

final class DemoReviewRecorder {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private final DemoReviews reviews;

	private final DemoReviewRatings rater;

	private final NewService service;

	private final Present present;

	private final String providerActor;

	private final UUID providerActorId;

	DemoReviewRecorder(DemoReviews reviews, NewService service, Present present, String providerActor,
			UUID providerActorId) {
		this.reviews = reviews;
		this.rater = reviews.rater;
		this.service = service;
		this.present = present;
		this.providerActor = providerActor;
		this.providerActorId = providerActorId;
	}

	/** Writes a review as today finds it. */
	ReviewRow emit(DemoReviewStep step, ReviewRow original, QaRating previous, Batch batch, Random r) {
		LocalDate today = this.reviews.today;
		Notes notes = this.reviews.notes;
		Cast cast = this.reviews.cast;
		DemoReviewClock clock = new DemoReviewClock(r);
		ReviewRow row = new ReviewRow();
		row.id = step.id;
		row.careServiceId = this.service.id();
		row.providerId = this.service.providerId();
		row.frameworkVersionId = this.reviews.framework.id();
		row.kind = step.kind;
		row.status = ReviewStatus.PLANNED;
		row.plannedFor = step.plannedFor;
		row.officerId = step.officer.id();
		row.followsReviewId = (original != null) ? original.id : null;
		List<EventRow> events = new ArrayList<>();
		Instant created = (original != null && original.actionPlanApprovedAt != null)
				? original.actionPlanApprovedAt.plusSeconds(1) : clock.at(step.created);
		clock.last = created;
		row.createdAt = created;
		events.add(event(row, created, step.officer, null, ReviewStatus.PLANNED,
				notes.text(step.kind.messageKey(), kindText(step.kind)) + ", " + step.plannedFor.format(DATE)));
		QaRating[] ratings = null;
		int rated = 0;
		if (step.visitEnd.isBefore(today)) {
			row.status = ReviewStatus.EVIDENCE;
			row.visitStartedOn = step.visitStart;
			row.visitEndedOn = step.visitEnd;
			row.announced = step.announced;
			row.peopleSpokenTo = DemoReviewTexts.peopleSpokenTo(this.service.type(), r);
			row.documentsRequested = step.announced ? documents(r) : null;
			events.add(event(row, clock.evening(step.visitEnd), step.officer, ReviewStatus.PLANNED,
					ReviewStatus.EVIDENCE, step.visitStart.format(DATE)));
			ratings = step.draft;
			long sinceVisit = ChronoUnit.DAYS.between(step.visitEnd, today);
			long toDraft = Math.max(1, ChronoUnit.DAYS.between(step.visitEnd, step.drafted));
			rated = (int) Math.min(ratings.length, ratings.length * sinceVisit / toDraft);
		}
		String[] findings = new String[this.reviews.standards.size()];
		if (ratings != null) {
			for (int i = 0; i < rated; i++) {
				findings[i] = DemoReviewTexts.findings(this.reviews.standards.get(i).key(), ratings[i],
						this.service.type(), r);
			}
		}
		QaRating[] current = (ratings != null) ? ratings.clone() : null;
		String[] comments = new String[findings.length];
		Instant[] commentedAt = new Instant[findings.length];
		String[] outcomes = new String[findings.length];
		String[] responses = new String[findings.length];
		QaRating[] before = new QaRating[findings.length];
		if (row.status == ReviewStatus.EVIDENCE && step.drafted.isBefore(today)) {
			if (!step.sent.isBefore(today) && this.present != Present.DRAFT) {
				// the demo has a single draft waiting to be sent: the rest went the
				// same day
				step.sent = step.drafted;
			}
			row.status = ReviewStatus.DRAFT;
			Score draft = this.rater.score(current);
			row.overallRating = draft.overall();
			row.overallPercent = draft.percent();
			row.summary = summary(step, current, r);
			events.add(event(row, clock.at(step.drafted), step.officer, ReviewStatus.EVIDENCE, ReviewStatus.DRAFT,
					ratingText(draft.overall()) + " (" + draft.percent() + "%)"));
			if (step.sent.isBefore(today)) {
				row.status = ReviewStatus.FACTUAL_ACCURACY;
				row.sentToProviderAt = clock.at(step.sent);
				row.commentsDueOn = step.commentsDue();
				events.add(event(row, row.sentToProviderAt, step.officer, ReviewStatus.DRAFT,
						ReviewStatus.FACTUAL_ACCURACY,
						notes.text("review.commentsDue", "Comments due by {0}", row.commentsDueOn.format(DATE))));
			}
		}
		ReviewStatus beforePublication = row.status;
		if (row.status == ReviewStatus.FACTUAL_ACCURACY && step.responded != null && step.responded.isBefore(today)) {
			Instant responded = clock.at(step.responded);
			row.providerRespondedAt = responded;
			row.providerChallenged = step.response == Response.CHALLENGED;
			Person provider = new Person(this.providerActorId, this.providerActor);
			if (step.response == Response.CHALLENGED) {
				row.status = ReviewStatus.DISPUTE_REVIEW;
				for (String key : step.challenged) {
					int i = this.rater.indexOf(key);
					comments[i] = DemoReviewTexts.comment(r);
					commentedAt[i] = responded.minus(Duration.ofMinutes(5 + r.nextInt(600)));
				}
				events.add(event(row, responded, provider, ReviewStatus.FACTUAL_ACCURACY, ReviewStatus.DISPUTE_REVIEW,
						notes.text("review.challenged", "The provider commented on {0} findings",
								step.challenged.size())));
				int upheld = 0;
				for (int c = 0; c < step.challenged.size(); c++) {
					if (!step.decided.get(c).isBefore(today)) {
						break;
					}
					int i = this.rater.indexOf(step.challenged.get(c));
					boolean up = step.upheld.get(c);
					outcomes[i] = up ? "UPHELD" : "NOT_UPHELD";
					responses[i] = DemoReviewTexts.disputeResponse(up, r);
					if (up && current[i] != step.fin[i]) {
						before[i] = current[i];
						current[i] = step.fin[i];
						findings[i] = DemoReviewTexts.updated(findings[i], r);
					}
					if (up) {
						upheld++;
					}
					Framework.Standard standard = this.reviews.standards.get(i);
					events.add(event(row, clock.at(step.decided.get(c)), cast.senior(), ReviewStatus.DISPUTE_REVIEW,
							ReviewStatus.DISPUTE_REVIEW, standard.name() + ": "
									+ notes.text("disputeOutcome." + outcomes[i], up ? "Upheld" : "Not upheld")));
				}
				Score rescored = this.rater.score(current);
				row.overallRating = rescored.overall();
				row.overallPercent = rescored.percent();
				if (step.published.isBefore(today)) {
					row.disputeDecidedBy = cast.senior().id();
					row.disputeSummary = DemoReviewTexts.disputeSummary(step.challenged.size(), upheld);
				}
			}
			else {
				events.add(event(row, responded, provider, ReviewStatus.FACTUAL_ACCURACY, ReviewStatus.FACTUAL_ACCURACY,
						notes.text("review.accepted", "The provider accepted the draft as accurate")));
			}
			beforePublication = row.status;
		}
		boolean published = (row.status == ReviewStatus.FACTUAL_ACCURACY || row.status == ReviewStatus.DISPUTE_REVIEW)
				&& step.published.isBefore(today);
		if (published) {
			Score fin = this.rater.score(current);
			row.overallRating = fin.overall();
			row.overallPercent = fin.percent();
			Person publisher = (beforePublication == ReviewStatus.DISPUTE_REVIEW) ? cast.senior() : step.officer;
			row.publishedAt = clock.at(step.published);
			row.publishedOn = step.published;
			row.previousRating = previous;
			if (row.disputeDecidedBy != null) {
				row.disputeDecidedAt = row.publishedAt;
			}
			boolean needsAction = this.rater.needsAction(current);
			row.status = needsAction ? ReviewStatus.ACTION_PLAN_DUE : ReviewStatus.CLOSED;
			if (needsAction) {
				row.actionPlanDueOn = step.actionPlanDue();
			}
			else {
				row.closedAt = row.publishedAt;
			}
			events.add(event(row, row.publishedAt, publisher, beforePublication, row.status,
					notes.text("review.publishedWith", "Published: {0}", ratingText(row.overallRating))));
			if (original != null && original.status == ReviewStatus.FOLLOW_UP) {
				original.status = ReviewStatus.CLOSED;
				original.closedAt = row.publishedAt.plusSeconds(1);
				original.updatedAt = original.closedAt;
				original.version++;
				events.add(new EventRow(original.id, original.closedAt, publisher.id(), publisher.name(),
						ReviewStatus.FOLLOW_UP.name(), ReviewStatus.CLOSED.name(), null, row));
			}
			if (needsAction) {
				actionPlan(step, row, current, events, batch, clock, r);
			}
		}
		for (int i = 0; i < findings.length; i++) {
			batch.findings
				.add(new FindingRow(row.id, this.reviews.standards.get(i).key(), (i < rated) ? current[i] : null,
						findings[i], comments[i], commentedAt[i], outcomes[i], responses[i], before[i]));
		}
		if (row.visitEndedOn != null && !row.visitEndedOn.isBefore(today.minusDays(120))) {
			evidence(step, row, current, rated, batch, r);
		}
		row.version = events.size() - 1;
		row.updatedAt = events.stream().map(EventRow::happenedAt).max(Comparator.naturalOrder()).orElse(created);
		batch.reviews.add(row);
		batch.events.addAll(events);
		return row;
	}

	/** The provider's action plan, its approval and the follow-up it plans. */
	private void actionPlan(DemoReviewStep step, ReviewRow row, QaRating[] ratings, List<EventRow> events, Batch batch,
			DemoReviewClock clock, Random r) {
		LocalDate today = this.reviews.today;
		Notes notes = this.reviews.notes;
		Person provider = new Person(this.providerActorId, this.providerActor);
		LocalDate due = row.actionPlanDueOn;
		if (step.submitted == null || !step.submitted.isBefore(today)) {
			if (due.isBefore(today.minusDays(1))) {
				events.add(new EventRow(row.id, clock.early(due.plusDays(1)), null,
						notes.text("review.actor.system", "CareCycle"), ReviewStatus.ACTION_PLAN_DUE.name(), "OVERDUE",
						due.toString(), null));
			}
			return;
		}
		if (step.submitted.isAfter(due)) {
			events.add(new EventRow(row.id, clock.early(due.plusDays(1)), null,
					notes.text("review.actor.system", "CareCycle"), ReviewStatus.ACTION_PLAN_DUE.name(), "OVERDUE",
					due.toString(), null));
		}
		Instant submitted = clock.at(step.submitted);
		row.status = ReviewStatus.ACTION_PLAN_SUBMITTED;
		row.actionPlanSubmittedAt = submitted;
		events.add(event(row, submitted, provider, ReviewStatus.ACTION_PLAN_DUE, ReviewStatus.ACTION_PLAN_SUBMITTED,
				step.submitted.isAfter(due)
						? notes.text("review.actionPlanLate", "Sent after the due date of {0}", due.format(DATE))
						: null));
		actions(step, row, ratings, submitted, batch, r);
		if (step.returned != null && step.returned.isBefore(today)) {
			String reason = DemoReviewTexts.returned(r);
			row.status = ReviewStatus.ACTION_PLAN_DUE;
			row.actionPlanReturned = reason;
			if (row.actionPlanDueOn.isBefore(step.returned.plusDays(7))) {
				row.actionPlanDueOn = step.returned.plusDays(7);
			}
			events.add(event(row, clock.at(step.returned), step.officer, ReviewStatus.ACTION_PLAN_SUBMITTED,
					ReviewStatus.ACTION_PLAN_DUE, reason));
			if (!step.resubmitted.isBefore(today)) {
				return;
			}
			row.status = ReviewStatus.ACTION_PLAN_SUBMITTED;
			row.actionPlanReturned = null;
			row.actionPlanSubmittedAt = clock.at(step.resubmitted);
			events.add(event(row, row.actionPlanSubmittedAt, provider, ReviewStatus.ACTION_PLAN_DUE,
					ReviewStatus.ACTION_PLAN_SUBMITTED, null));
		}
		if (step.approved == null || !step.approved.isBefore(today)) {
			return;
		}
		row.status = ReviewStatus.FOLLOW_UP;
		row.actionPlanApprovedAt = clock.at(step.approved);
		row.followUpDueOn = row.publishedOn.plusMonths(6);
		events.add(event(row, row.actionPlanApprovedAt, step.officer, ReviewStatus.ACTION_PLAN_SUBMITTED,
				ReviewStatus.FOLLOW_UP,
				notes.text("review.followUpDue", "Follow-up review due by {0}", row.followUpDueOn.format(DATE))));
		// the follow-up is the next review of the schedule, planned at this moment
		row.followUpReviewId = (step.followUp != null) ? step.followUp.id : null;
	}

	private void actions(DemoReviewStep step, ReviewRow row, QaRating[] ratings, Instant submitted, Batch batch,
			Random r) {
		LocalDate today = this.reviews.today;
		LocalDate submittedOn = submitted.atZone(UkTime.ZONE).toLocalDate();
		for (int i = 0; i < ratings.length; i++) {
			if (!ratings[i].isBelowGood()) {
				continue;
			}
			int count = (ratings[i] == QaRating.POOR || r.nextInt(5) == 0) ? 2 : 1;
			String key = this.reviews.standards.get(i).key();
			int first = r.nextInt(12);
			for (int position = 1; position <= count; position++) {
				LocalDate dueOn = submittedOn.plusDays(14 + r.nextInt(77));
				LocalDate completedOn = null;
				if (dueOn.isBefore(today)) {
					if (r.nextInt(100) < 88) {
						completedOn = dueOn.minusDays(r.nextInt(21));
					}
				}
				else if (r.nextInt(4) == 0) {
					completedOn = submittedOn
						.plusDays(r.nextInt((int) Math.max(1, ChronoUnit.DAYS.between(submittedOn, today))));
				}
				if (completedOn != null && (completedOn.isBefore(submittedOn) || !completedOn.isBefore(today))) {
					completedOn = submittedOn.isBefore(today.minusDays(1)) ? today.minusDays(1) : null;
				}
				Instant created = submitted.minus(Duration.ofMinutes(10 + r.nextInt(2000)));
				Instant updated = (completedOn != null)
						? completedOn.atTime(10 + r.nextInt(7), r.nextInt(60)).atZone(UkTime.ZONE).toInstant()
						: created;
				if (updated.isBefore(created)) {
					updated = created;
				}
				batch.actions.add(new ActionRow(DemoReviews.uuid(r), row.id, key, position,
						DemoReviewTexts.action(key, first + position),
						DemoReviewTexts.owner(this.service.registeredManager(), this.service.type(), r), dueOn,
						completedOn, (completedOn != null) ? DemoReviewTexts.completion(r) : null, created, updated));
			}
		}
	}

	/** A few notes and observations recorded during recent visits. */
	private void evidence(DemoReviewStep step, ReviewRow row, QaRating[] ratings, int rated, Batch batch, Random r) {
		int count = 2 + r.nextInt(3);
		for (int n = 0; n < count; n++) {
			int i = r.nextInt(this.reviews.standards.size());
			QaRating rating = (ratings != null && i < rated) ? ratings[i] : null;
			LocalDate on = (n % 2 == 0) ? step.visitStart : step.visitEnd;
			batch.evidence.add(new EvidenceRow(DemoReviews.uuid(r), row.id, this.reviews.standards.get(i).key(),
					r.nextBoolean() ? "OBSERVATION" : "NOTE",
					DemoReviewTexts.evidence(this.reviews.standards.get(i).key(), rating, this.service.type(), r),
					step.officer.id(), on.atTime(10 + r.nextInt(7), r.nextInt(60)).atZone(UkTime.ZONE).toInstant()));
		}
	}

	/** A review planned before this one and cancelled, if there was one. */
	void emitCancelled(DemoReviewStep step, Batch batch, Random r) {
		LocalDate today = this.reviews.today;
		if (step.cancelledOn == null || !step.cancelledOn.isBefore(today)) {
			return;
		}
		DemoReviewClock clock = new DemoReviewClock(r);
		ReviewRow row = new ReviewRow();
		row.id = DemoReviews.uuid(r);
		row.careServiceId = this.service.id();
		row.providerId = this.service.providerId();
		row.frameworkVersionId = this.reviews.framework.id();
		row.kind = step.kind;
		row.status = ReviewStatus.CANCELLED;
		row.plannedFor = step.cancelPlannedFor;
		row.officerId = step.officer.id();
		row.cancelledReason = DemoReviewTexts.cancelled(r);
		row.createdAt = clock.at(step.cancelCreated);
		row.updatedAt = clock.at(step.cancelledOn);
		row.version = 1;
		batch.reviews.add(row);
		batch.events.add(event(row, row.createdAt, step.officer, null, ReviewStatus.PLANNED,
				this.reviews.notes.text(step.kind.messageKey(), kindText(step.kind)) + ", "
						+ step.cancelPlannedFor.format(DATE)));
		batch.events.add(event(row, row.updatedAt, step.officer, ReviewStatus.PLANNED, ReviewStatus.CANCELLED,
				row.cancelledReason));
		for (Framework.Standard standard : this.reviews.standards) {
			batch.findings.add(new FindingRow(row.id, standard.key(), null, null, null, null, null, null, null));
		}
	}

	private String summary(DemoReviewStep step, QaRating[] ratings, Random r) {
		List<String> strengths = new ArrayList<>();
		List<String> improvements = new ArrayList<>();
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < ratings.length; i++) {
			order.add(i);
		}
		java.util.Collections.shuffle(order, r);
		for (int i : order) {
			String name = this.reviews.standards.get(i).name();
			if (ratings[i].isBelowGood() && improvements.size() < 4) {
				improvements.add(name);
			}
			else if (ratings[i] == QaRating.EXCELLENT && strengths.size() < 2) {
				strengths.add(name);
			}
		}
		for (int i : order) {
			if (strengths.size() >= 2) {
				break;
			}
			String name = this.reviews.standards.get(i).name();
			if (ratings[i] == QaRating.GOOD && !strengths.contains(name)) {
				strengths.add(name);
			}
		}
		int days = (int) ChronoUnit.DAYS.between(step.visitStart, step.visitEnd) + 1;
		return DemoReviewTexts.summary(this.rater.overall(ratings), step.kind == ReviewKind.FOLLOW_UP, step.announced,
				days, strengths, improvements, r);
	}

	private String documents(Random r) {
		List<String> lines = new ArrayList<>();
		for (int tries = 0; lines.size() < 4 && tries < 20; tries++) {
			Framework.Standard standard = DemoReviews.pick(r, this.reviews.standards);
			List<String> evidence = standard.evidenceLines()
				.stream()
				.filter(line -> !line.startsWith("Observation") && !line.startsWith("Conversations")
						&& !line.startsWith("Walk-round"))
				.toList();
			if (!evidence.isEmpty()) {
				String line = DemoReviews.pick(r, evidence);
				if (!lines.contains(line)) {
					lines.add(line);
				}
			}
		}
		return String.join("\n", lines);
	}

	private EventRow event(ReviewRow row, Instant at, Person actor, ReviewStatus from, ReviewStatus to, String note) {
		return new EventRow(row.id, at, actor.id(), actor.name(), (from != null) ? from.name() : null, to.name(), note,
				null);
	}

	private String ratingText(QaRating rating) {
		String fallback = switch (rating) {
			case EXCELLENT -> "Excellent";
			case GOOD -> "Good";
			case REQUIRES_IMPROVEMENT -> "Requires improvement";
			case POOR -> "Poor";
		};
		return this.reviews.notes.text(rating.messageKey(), fallback);
	}

	private static String kindText(ReviewKind kind) {
		return switch (kind) {
			case ANNUAL -> "Annual review";
			case RISK_BASED -> "Risk-based review";
			case FOLLOW_UP -> "Follow-up review";
		};
	}

}
