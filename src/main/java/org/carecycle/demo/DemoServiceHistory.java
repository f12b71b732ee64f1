package org.carecycle.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.carecycle.demo.DemoReviewRows.Batch;
import org.carecycle.demo.DemoReviewRows.ReviewRow;
import org.carecycle.demo.DemoReviewStep.Response;
import org.carecycle.demo.DemoReviews.Person;
import org.carecycle.demo.DemoReviews.Present;
import org.carecycle.providers.CqcRating;
import org.carecycle.providers.RegisterLoader.NewService;
import org.carecycle.providers.ServiceType;
import org.carecycle.quality.QaRating;
import org.carecycle.quality.ReviewKind;
import org.carecycle.quality.ReviewStatus;

/**
 * One service's review history: who it is (its CQC rating, its concerns, its patch
 * officer), the schedule of its reviews laid out as if the future happened too, moved
 * into place for the walkthrough where it is set up for one, then cut at today and handed
 * to the recorder. Draws from the generator's one {@link Random}, service after service,
 * in the order the generator asks: the demo county depends on that order.
 */
final class DemoServiceHistory {

	private final DemoReviews reviews;

	private final DemoReviewRatings rater;

	private final NewService service;

	private final Present present;

	private final CqcRating cqcRating;

	private final double concernsPerYear;

	private final double zMean;

	private final boolean deteriorating;

	private final Person patchOfficer;

	private final String providerActor;

	private final UUID providerActorId;

	private final DemoReviewRecorder recorder;

	DemoServiceHistory(DemoReviews reviews, NewService service, double concernsPerYear) {
		this.reviews = reviews;
		this.rater = reviews.rater;
		Random r = this.reviews.random;
		this.service = service;
		this.present = reviews.presentOf(service.id());
		this.cqcRating = (service.cqcLocationId() != null) ? this.reviews.cqc.get(service.cqcLocationId()) : null;
		this.concernsPerYear = concernsPerYear;
		double base = (this.cqcRating == null) ? 0.45 : switch (this.cqcRating) {
			case OUTSTANDING -> 1.5;
			case GOOD -> 0.6;
			case REQUIRES_IMPROVEMENT -> -0.6;
			case INADEQUATE -> -1.3;
			case NOT_RATED -> 0.2;
		};
		this.zMean = base - 0.1 * Math.max(0, concernsPerYear - 1) + r.nextGaussian() * 0.55;
		boolean fell = service.cqcLocationId() != null && this.reviews.cqcFell.contains(service.cqcLocationId());
		this.deteriorating = (this.present == Present.NATURAL) && r.nextDouble() < (fell ? 0.5 : 0.025);
		List<Person> officers = this.reviews.cast.officers();
		this.patchOfficer = officers
			.get(Math.floorMod(String.valueOf(service.postcodeDistrict()).hashCode(), officers.size()));
		boolean demoProvider = service.providerId().equals(this.reviews.cast.demoProviderId());
		Person user = this.reviews.cast.providerUser();
		this.providerActor = (demoProvider && user != null) ? user.name()
				: this.reviews.providerContact.getOrDefault(service.providerId(), "The provider");
		this.providerActorId = (demoProvider && user != null) ? user.id() : null;
		this.recorder = new DemoReviewRecorder(reviews, service, this.present, this.providerActor,
				this.providerActorId);
	}

	void write(Batch batch) {
		Random r = this.reviews.random;
		LocalDate today = this.reviews.today;
		boolean isFresh = this.reviews.fresh.contains(this.service.id());
		LocalDate origin = this.reviews.firstContract.get(this.service.id());
		if (origin.isBefore(this.service.registeredOn())) {
			origin = this.service.registeredOn();
		}
		// a history starts a little before the window (further for one that is moved
		// into place for the walkthrough) and runs to today
		LocalDate first = isFresh ? DemoReviewClock.weekday(origin.plusDays(30 + r.nextInt(150)))
				: DemoReviewClock
					.weekday(this.reviews.windowStart.minusMonths((this.present == Present.NATURAL) ? 12 : 18)
						.plusDays(r.nextInt(365)));
		List<DemoReviewStep> steps = schedule(first, r);
		if (this.present != Present.NATURAL) {
			steps = setUp(steps, r);
		}
		// no review before the window, nor before the service had been running a
		// while
		LocalDate floor = this.service.registeredOn().plusDays(90);
		if (isFresh || floor.isBefore(this.reviews.windowStart)) {
			floor = isFresh ? origin : this.reviews.windowStart;
		}
		int from = 0;
		while (from < steps.size() && steps.get(from).visitStart.isBefore(floor)) {
			from++;
		}
		// a follow-up is kept with the review it follows up (an annual or risk-based
		// review starts the history), unless that was before the service was running
		LocalDate running = this.service.registeredOn().plusDays(30);
		int back = from;
		while (back < steps.size() && steps.get(back).kind == ReviewKind.FOLLOW_UP
				&& !steps.get(steps.get(back).follows).visitStart.isBefore(running)) {
			back = steps.get(back).follows;
		}
		if (back < steps.size() && steps.get(back).kind != ReviewKind.FOLLOW_UP) {
			from = back;
		}
		else if (from < steps.size() && steps.get(from).kind == ReviewKind.FOLLOW_UP) {
			// the first review of a service that was struggling from the start
			DemoReviewStep struggling = steps.get(from);
			struggling.kind = ReviewKind.ANNUAL;
			struggling.follows = -1;
			struggling.plannedFor = struggling.visitStart;
			struggling.created = struggling.visitStart.minusDays(21);
		}
		List<DemoReviewStep> kept = steps.subList(from, steps.size());
		int offset = from;
		ReviewRow[] rows = new ReviewRow[kept.size()];
		QaRating previous = null;
		for (int i = 0; i < kept.size(); i++) {
			DemoReviewStep step = kept.get(i);
			if (!step.created.isBefore(today)) {
				this.recorder.emitCancelled(step, batch, r);
				break;
			}
			boolean plannedAtPresent = !step.visitEnd.isBefore(today);
			if (plannedAtPresent && step.kind != ReviewKind.FOLLOW_UP && this.present == Present.NATURAL
					&& r.nextBoolean()) {
				// due soon but not planned yet: the annual programme proposes it
				this.recorder.emitCancelled(step, batch, r);
				break;
			}
			this.recorder.emitCancelled(step, batch, r);
			ReviewRow original = (step.follows >= offset) ? rows[step.follows - offset] : null;
			rows[i] = this.recorder.emit(step, original, previous, batch, r);
			if (rows[i].publishedAt != null) {
				previous = rows[i].overallRating;
			}
			if (ReviewStatus.IN_PROGRESS.contains(rows[i].status) || rows[i].status == ReviewStatus.ACTION_PLAN_DUE
					|| rows[i].status == ReviewStatus.ACTION_PLAN_SUBMITTED) {
				break;
			}
		}
	}

	/** The service's reviews, as if every step, past and future, happened. */
	private List<DemoReviewStep> schedule(LocalDate firstVisit, Random r) {
		List<DemoReviewStep> steps = new ArrayList<>();
		LocalDate end = this.reviews.today;
		double z = this.zMean + r.nextGaussian() * 0.3;
		QaRating last = null;
		LocalDate visit = firstVisit;
		int follows = -1;
		int chain = 0;
		QaRating falling = null;
		for (int n = 0; n < 80; n++) {
			DemoReviewStep step = new DemoReviewStep();
			step.id = DemoReviews.uuid(r);
			if (follows >= 0) {
				DemoReviewStep original = steps.get(follows);
				step.kind = ReviewKind.FOLLOW_UP;
				step.follows = follows;
				original.followUp = step;
				step.created = original.approved;
				step.plannedFor = original.published.plusMonths(6);
				step.visitStart = DemoReviewClock.weekday(step.plannedFor.plusDays(r.nextInt(6)));
			}
			else {
				int priority = priority(last);
				step.kind = (priority >= 25) ? ReviewKind.RISK_BASED : ReviewKind.ANNUAL;
				step.visitStart = DemoReviewClock.weekday(visit);
				step.plannedFor = step.visitStart;
				step.created = step.visitStart.minusDays(14 + r.nextInt(29));
				if (r.nextInt(50) == 0) {
					step.cancelCreated = step.created.minusDays(25 + r.nextInt(20));
					step.cancelPlannedFor = DemoReviewClock.weekday(step.cancelCreated.plusDays(14 + r.nextInt(20)));
					step.cancelledOn = step.cancelPlannedFor.minusDays(1 + r.nextInt(5));
					if (step.created.isBefore(step.cancelledOn)) {
						step.created = step.cancelledOn;
					}
				}
			}
			if (step.created.isAfter(end)) {
				break;
			}
			if (follows >= 0) {
				step.officer = steps.get(follows).officer;
			}
			else {
				step.officer = (r.nextInt(5) == 0) ? DemoReviews.pick(r, this.reviews.cast.officers())
						: this.patchOfficer;
			}
			boolean home = this.service.type() == ServiceType.CARE_HOME
					|| this.service.type() == ServiceType.CARE_HOME_NURSING;
			int days = (home && r.nextInt(10) < 6 && step.visitStart.getDayOfWeek() != DayOfWeek.FRIDAY) ? 2 : 1;
			step.visitEnd = step.visitStart.plusDays(days - 1);
			step.announced = (step.kind == ReviewKind.ANNUAL) ? r.nextInt(10) < 8 : r.nextInt(20) < 9;
			// ratings: a service wanders around its mean quality; it improves after an
			// action plan; a deteriorating one falls a notch at each of its last reviews
			QaRating target = null;
			if (this.deteriorating && !step.visitStart.isBefore(this.reviews.today.minusMonths(26))) {
				target = (falling == null) ? null : DemoReviewRatings.lower(falling);
			}
			// a follow-up finds things better, more so the longer the chain of action
			// plans
			chain = (follows >= 0) ? chain + 1 : 0;
			step.draft = this.rater.draw(z + r.nextGaussian() * 0.3 + 0.35 * chain, target, false, false, r);
			QaRating draftOverall = this.rater.overall(step.draft);
			if (this.deteriorating && !step.visitStart.isBefore(this.reviews.today.minusMonths(26))) {
				falling = draftOverall;
			}
			timings(step, r);
			step.needsAction = this.rater.needsAction(step.fin);
			if (step.needsAction) {
				actionPlanTimings(step, r);
			}
			steps.add(step);
			last = this.rater.overall(step.fin);
			z = this.zMean + 0.55 * (z - this.zMean) + r.nextGaussian() * 0.3;
			if (step.needsAction) {
				follows = steps.size() - 1;
			}
			else {
				follows = -1;
				visit = step.visitEnd.plusDays(interval(priority(last), r));
			}
		}
		return steps;
	}

	/** Steps from the visit to publication. */
	private void timings(DemoReviewStep step, Random r) {
		step.drafted = DemoReviewClock.weekday(step.visitEnd.plusDays(4 + r.nextInt(11)));
		step.sent = DemoReviewClock.weekday(step.drafted.plusDays(r.nextInt(4)));
		int roll = r.nextInt(100);
		step.fin = step.draft.clone();
		if (roll < 72) {
			step.response = Response.ACCEPTED;
			step.responded = DemoReviewClock.weekday(step.sent.plusDays(2 + r.nextInt(12)));
			step.published = DemoReviewClock.weekday(step.responded.plusDays(1 + r.nextInt(6)));
		}
		else if (roll < 88) {
			step.response = Response.CHALLENGED;
			step.responded = DemoReviewClock.weekday(step.sent.plusDays(5 + r.nextInt(10)));
			List<Integer> order = new ArrayList<>();
			for (int i = 0; i < step.draft.length; i++) {
				if (step.draft[i] != QaRating.EXCELLENT) {
					order.add(i);
				}
			}
			order.sort(Comparator.comparingInt(i -> step.draft[i].points()));
			int count = Math.min(order.size(), 1 + r.nextInt(3));
			LocalDate day = step.responded;
			for (int c = 0; c < count; c++) {
				int index = order.get(c);
				boolean upheld = r.nextInt(100) < 35;
				step.challenged.add(this.reviews.standards.get(index).key());
				step.upheld.add(upheld);
				day = DemoReviewClock.weekday(day.plusDays((c == 0) ? 3 + r.nextInt(5) : r.nextInt(2)));
				step.decided.add(day);
				if (upheld) {
					step.fin[index] = DemoReviewRatings.higher(step.fin[index]);
				}
			}
			if (count == 0) {
				step.response = Response.ACCEPTED;
				step.published = DemoReviewClock.weekday(step.responded.plusDays(1 + r.nextInt(6)));
			}
			else {
				step.published = day;
			}
		}
		else {
			step.response = Response.NONE;
			step.published = DemoReviewClock.weekday(step.commentsDue().plusDays(1 + r.nextInt(5)));
		}
	}

	private void actionPlanTimings(DemoReviewStep step, Random r) {
		LocalDate due = step.actionPlanDue();
		step.submitted = (r.nextInt(5) > 0) ? step.published.plusDays(6 + r.nextInt(8))
				: due.plusDays(2 + r.nextInt(11));
		if (r.nextInt(10) == 0) {
			step.returned = DemoReviewClock.weekday(step.submitted.plusDays(2 + r.nextInt(5)));
			step.resubmitted = step.returned.plusDays(3 + r.nextInt(6));
		}
		step.approved = DemoReviewClock.weekday(step.lastSubmission().plusDays(2 + r.nextInt(6)));
	}

	/**
	 * Moves the history so that its latest review before today sits where the walkthrough
	 * wants it, and cuts what comes after; dates move by whole weeks so that visits stay
	 * on working days.
	 */
	private List<DemoReviewStep> setUp(List<DemoReviewStep> steps, Random r) {
		LocalDate today = this.reviews.today;
		int k = -1;
		for (int i = 0; i < steps.size(); i++) {
			if (steps.get(i).visitEnd.isBefore(today)) {
				k = i;
			}
		}
		if (k < 0) {
			return steps;
		}
		DemoReviewStep last = steps.get(k);
		LocalDate wanted = switch (this.present) {
			case DRAFT -> today.minusDays(9);
			case OPEN_FOR_COMMENTS -> today.minusDays(18);
			case ACTION_PLAN_DUE -> today.minusDays(40);
			default -> today.minusMonths(12).minusDays(7 + r.nextInt(38));
		};
		long weeks = Math.round(ChronoUnit.DAYS.between(last.visitEnd, wanted) / 7.0);
		List<DemoReviewStep> kept = new ArrayList<>(steps.subList(0, k + 1));
		kept.forEach(step -> step.shift(weeks * 7));
		last.officer = this.reviews.cast.lead();
		switch (this.present) {
			case DRAFT -> {
				last.drafted = DemoReviewClock.workingDayBefore(today);
				last.sent = today.plusDays(1);
			}
			case OPEN_FOR_COMMENTS -> {
				last.draft = this.rater.draw(this.zMean, QaRating.GOOD, false, true, r);
				last.drafted = DemoReviewClock.workingDayBefore(today.minusDays(6));
				last.sent = DemoReviewClock.workingDayBefore(today.minusDays(3));
				last.response = Response.NONE;
				last.responded = null;
				last.published = today.plusDays(14);
			}
			case ACTION_PLAN_DUE -> {
				last.draft = this.rater.draw(this.zMean, QaRating.REQUIRES_IMPROVEMENT, false, false, r);
				last.drafted = DemoReviewClock.workingDayBefore(today.minusDays(29));
				last.sent = DemoReviewClock.workingDayBefore(today.minusDays(27));
				last.response = Response.ACCEPTED;
				last.responded = DemoReviewClock.workingDayBefore(today.minusDays(19));
				last.challenged.clear();
				last.upheld.clear();
				last.decided.clear();
				last.published = DemoReviewClock.workingDayBefore(today.minusDays(2));
				last.submitted = today.plusDays(9);
				last.approved = today.plusDays(12);
			}
			default -> {
				// the last visit over a year ago left nothing to follow up
				last.draft = this.rater.draw(this.zMean, null, true, false, r);
				if (last.response == Response.CHALLENGED) {
					last.response = Response.ACCEPTED;
					last.challenged.clear();
					last.upheld.clear();
					last.decided.clear();
				}
				if (this.present == Present.OVERDUE_PLANNED) {
					DemoReviewStep late = new DemoReviewStep();
					late.id = DemoReviews.uuid(r);
					late.kind = (priority(this.rater.overall(last.draft)) >= 25) ? ReviewKind.RISK_BASED
							: ReviewKind.ANNUAL;
					late.officer = DemoReviews.pick(r, this.reviews.cast.officers());
					late.created = today.minusDays(1 + r.nextInt(10));
					late.plannedFor = DemoReviewClock.weekday(today.plusDays(3 + r.nextInt(23)));
					late.visitStart = late.plannedFor;
					late.visitEnd = late.plannedFor;
					late.announced = true;
					late.draft = this.rater.draw(this.zMean, null, false, false, r);
					timings(late, r);
					kept.add(late);
				}
			}
		}
		last.fin = last.draft.clone();
		last.needsAction = this.rater.needsAction(last.fin);
		if (this.present == Present.ACTION_PLAN_DUE) {
			last.needsAction = true;
		}
		else if (this.present != Present.DRAFT && this.present != Present.OPEN_FOR_COMMENTS) {
			last.needsAction = false;
			last.submitted = null;
			last.returned = null;
			last.resubmitted = null;
			last.approved = null;
		}
		return kept;
	}

	/** The programme's priority points, as the annual programme counts them. */
	private int priority(QaRating lastQa) {
		int points = (lastQa == null) ? 20 : switch (lastQa) {
			case POOR -> 40;
			case REQUIRES_IMPROVEMENT -> 25;
			case GOOD -> 5;
			case EXCELLENT -> 0;
		};
		if (this.cqcRating != null) {
			points += switch (this.cqcRating) {
				case INADEQUATE -> 40;
				case REQUIRES_IMPROVEMENT -> 20;
				case NOT_RATED -> 10;
				default -> 0;
			};
		}
		return points + (int) Math.min(30, Math.round(3 * this.concernsPerYear));
	}

	/** Days until the next review: about a year, sooner for riskier services. */
	private static int interval(int priority, Random r) {
		if (priority >= 50) {
			return 165 + r.nextInt(18);
		}
		if (priority >= 25) {
			return 245 + r.nextInt(28);
		}
		return 295 + r.nextInt(61);
	}

}
