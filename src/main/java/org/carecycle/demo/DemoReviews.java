package org.carecycle.demo;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.carecycle.concerns.ConcernKind;
import org.carecycle.concerns.ConcernLoader.PastConcern;
import org.carecycle.providers.CqcRating;
import org.carecycle.providers.KeyQuestion;
import org.carecycle.providers.RegisterLoader.NewContact;
import org.carecycle.providers.RegisterLoader.NewContract;
import org.carecycle.providers.RegisterLoader.NewRating;
import org.carecycle.providers.RegisterLoader.NewService;
import org.carecycle.providers.ServiceType;
import org.carecycle.quality.Framework;
import org.carecycle.quality.QaRating;
import org.carecycle.quality.RatingRule;
import org.carecycle.quality.ReviewKind;
import org.carecycle.quality.ReviewStatus;
import org.carecycle.shared.UkTime;

/**
 * The quality assurance review history of the demo county's commissioned services, as the
 * review process would have left it: a review about every ten to twelve months (sooner
 * for riskier services), each visited, rated standard by standard, checked by the
 * provider, sometimes challenged, published with the rating the {@link RatingRule} gives;
 * a rating below Good (or any standard below Good) brings an action plan and a follow-up
 * review six months on. Worse CQC ratings and more concerns make lower ratings likelier,
 * and a few services deteriorate over their last reviews.
 * <p>
 * Each service's history is first laid out as a schedule with every step's date, as if
 * the future happened too; today then cuts it: what happened before today is recorded,
 * the review under way is left where today finds it. A few services are set up for a
 * walkthrough: one draft waiting to be sent, the demo provider's draft open for comments
 * and its report waiting for an action plan, and a handful of services overdue for their
 * review. Deterministic: the same county, seed and date give the same reviews.
 */
final class DemoReviews {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	/** About this share of the commissioned services is overdue for its review today. */
	static final double OVERDUE_SHARE = 0.011;

	/** Someone who takes part in reviews. */
	record Person(UUID id, String name) {
	}

	/**
	 * Who carries out, decides and answers the reviews.
	 *
	 * @param officers the quality assurance officers, the demo's own first
	 * @param senior the senior officer who decides providers' challenges
	 * @param providerUser the demo provider's user, who answers for its services
	 * @param demoProviderId the demo provider
	 */
	record Cast(List<Person> officers, Person senior, Person providerUser, UUID demoProviderId) {

		Person lead() {
			return this.officers.get(0);
		}

	}

	/** The words of the timeline, from messages where they exist. */
	interface Notes {

		String text(String key, String fallback, Object... args);

	}

	/** How today finds a service that is set up for the walkthrough. */
	enum Present {

		/** However its history leaves it. */
		NATURAL,
		/** A draft written yesterday and not yet sent. */
		DRAFT,
		/** A draft sent to the provider a few days ago, open for comments. */
		OPEN_FOR_COMMENTS,
		/**
		 * Published a few days ago, rated Requires improvement: the action plan is due.
		 */
		ACTION_PLAN_DUE,
		/**
		 * Last visited over a year ago; its late review is planned for the coming weeks.
		 */
		OVERDUE_PLANNED,
		/** Last visited over a year ago, and not planned yet. */
		OVERDUE_UNPLANNED

	}

	// The rows
	// --------------------

	/** A qa_review row. */
	static final class ReviewRow {

		UUID id;

		int version;

		String reference;

		UUID careServiceId;

		UUID providerId;

		UUID frameworkVersionId;

		ReviewKind kind;

		ReviewStatus status;

		LocalDate plannedFor;

		UUID officerId;

		UUID followsReviewId;

		LocalDate visitStartedOn;

		LocalDate visitEndedOn;

		Boolean announced;

		String peopleSpokenTo;

		String documentsRequested;

		String summary;

		QaRating overallRating;

		BigDecimal overallPercent;

		Instant sentToProviderAt;

		LocalDate commentsDueOn;

		Instant providerRespondedAt;

		Boolean providerChallenged;

		UUID disputeDecidedBy;

		Instant disputeDecidedAt;

		String disputeSummary;

		Instant publishedAt;

		LocalDate publishedOn;

		QaRating previousRating;

		LocalDate actionPlanDueOn;

		Instant actionPlanSubmittedAt;

		Instant actionPlanApprovedAt;

		String actionPlanReturned;

		LocalDate followUpDueOn;

		UUID followUpReviewId;

		Instant closedAt;

		String cancelledReason;

		Instant createdAt;

		Instant updatedAt;

	}

	/** A qa_finding row. */
	record FindingRow(UUID reviewId, String standardKey, QaRating rating, String findings, String providerComment,
			Instant providerCommentedAt, String disputeOutcome, String disputeResponse, QaRating ratingBeforeDispute) {
	}

	/**
	 * A qa_review_event row.
	 *
	 * @param referenceOf when set, the note is this review's reference (known once the
	 * batch is numbered)
	 */
	record EventRow(UUID reviewId, Instant happenedAt, UUID actorId, String actorName, String fromStatus,
			String toStatus, String note, ReviewRow referenceOf) {

		String noteText() {
			return (this.referenceOf != null) ? this.referenceOf.reference : this.note;
		}

	}

	/** A qa_action row. */
	record ActionRow(UUID id, UUID reviewId, String standardKey, int position, String description, String owner,
			LocalDate dueOn, LocalDate completedOn, String completionNote, Instant createdAt, Instant updatedAt) {
	}

	/** A qa_evidence row. */
	record EvidenceRow(UUID id, UUID reviewId, String standardKey, String kind, String text, UUID recordedBy,
			Instant recordedAt) {
	}

	/** The rows of one batch of services. */
	static final class Batch {

		final List<ReviewRow> reviews = new ArrayList<>();

		final List<FindingRow> findings = new ArrayList<>();

		final List<EventRow> events = new ArrayList<>();

		final List<ActionRow> actions = new ArrayList<>();

		final List<EvidenceRow> evidence = new ArrayList<>();

		/**
		 * Gives the reviews their references in the order they were planned, from the
		 * numbers of the review sequence, as the service does ("QA-2026-000123", the year
		 * being the year the review was planned for).
		 */
		void number(List<Long> numbers) {
			List<ReviewRow> ordered = new ArrayList<>(this.reviews);
			ordered.sort(Comparator.comparing((ReviewRow r) -> r.createdAt).thenComparing(r -> r.id));
			for (int i = 0; i < ordered.size(); i++) {
				ReviewRow review = ordered.get(i);
				review.reference = "QA-%d-%06d".formatted(review.plannedFor.getYear(), numbers.get(i));
			}
		}

	}

	// The generator
	// --------------------

	private final Framework framework;

	private final List<Framework.Standard> standards;

	private final double[] bias;

	private final LocalDate today;

	private final LocalDate windowStart;

	private final Random random;

	private final Cast cast;

	private final Notes notes;

	private final double concernYears;

	private final double concernRate;

	private final Map<UUID, LocalDate> firstContract = new HashMap<>();

	private final Map<String, CqcRating> cqc = new HashMap<>();

	private final Set<String> cqcFell = new HashSet<>();

	private final Map<UUID, String> providerContact = new HashMap<>();

	private final Map<UUID, Present> present = new HashMap<>();

	private final Set<UUID> fresh = new HashSet<>();

	/**
	 * @param county the county, for its contracts, CQC ratings and contacts
	 * @param framework the framework version the reviews are scored against
	 * @param today the day the history ends
	 * @param seed the seed of the generator
	 * @param years how many years of reviews
	 * @param concernYears the years of concerns generated with them (to read their rate)
	 * @param concernRate the multiplier the concerns were generated with
	 * @param cast who takes part
	 * @param notes the words of the timeline
	 */
	DemoReviews(DemoCounty county, Framework framework, LocalDate today, long seed, int years, int concernYears,
			double concernRate, Cast cast, Notes notes) {
		this.framework = framework;
		this.standards = framework.standards();
		this.bias = new double[this.standards.size()];
		for (int i = 0; i < this.bias.length; i++) {
			this.bias[i] = bias(this.standards.get(i).key());
		}
		this.today = today;
		this.windowStart = today.minusYears(years);
		this.random = new Random(seed * 7919 + 13);
		this.cast = cast;
		this.notes = notes;
		this.concernYears = Math.max(1, concernYears);
		this.concernRate = (concernRate > 0) ? concernRate : 1;
		for (NewContract contract : county.contracts()) {
			this.firstContract.merge(contract.serviceId(), contract.startsOn(), (a, b) -> a.isBefore(b) ? a : b);
		}
		Set<UUID> inForce = new HashSet<>();
		for (NewContract contract : county.contracts()) {
			if (!contract.startsOn().isAfter(today) && !contract.endsOn().isBefore(today)) {
				inForce.add(contract.serviceId());
			}
		}
		this.firstContract.keySet().retainAll(inForce);
		Map<String, List<NewRating>> overall = new HashMap<>();
		for (NewRating rating : county.ratings()) {
			if (rating.question() == KeyQuestion.OVERALL) {
				overall.computeIfAbsent(rating.cqcLocationId(), k -> new ArrayList<>()).add(rating);
			}
		}
		overall.forEach((location, ratings) -> {
			ratings.sort(Comparator.comparing(NewRating::publishedOn));
			CqcRating latest = ratings.get(ratings.size() - 1).rating();
			this.cqc.put(location, latest);
			if (ratings.size() > 1 && rank(latest) < rank(ratings.get(ratings.size() - 2).rating())) {
				this.cqcFell.add(location);
			}
		});
		for (NewContact contact : county.contacts()) {
			if (contact.position() == 0) {
				this.providerContact.put(contact.providerId(), contact.name());
			}
		}
		choosePresent(county, seed);
	}

	/**
	 * Which services are new to the council, and which are set up for the walkthrough.
	 */
	private void choosePresent(DemoCounty county, long seed) {
		Random picks = new Random(seed * 31 + 7);
		List<NewService> commissioned = county.services()
			.stream()
			.filter(s -> this.firstContract.containsKey(s.id()))
			.toList();
		List<NewService> candidates = new ArrayList<>();
		List<NewService> demoProvider = new ArrayList<>();
		for (NewService service : commissioned) {
			boolean recent = this.firstContract.get(service.id()).isAfter(this.today.minusMonths(15));
			boolean registeredRecently = service.registeredOn().isAfter(this.today.minusMonths(18));
			if (registeredRecently) {
				// no history before it was registered: its reviews start with its
				// contract
				this.fresh.add(service.id());
			}
			else if (service.providerId().equals(this.cast.demoProviderId())) {
				demoProvider.add(service);
			}
			else if (recent && picks.nextDouble() < 0.3) {
				this.fresh.add(service.id());
			}
			else {
				candidates.add(service);
			}
		}
		if (!demoProvider.isEmpty()) {
			this.present.put(demoProvider.get(0).id(), Present.OPEN_FOR_COMMENTS);
		}
		if (demoProvider.size() > 1) {
			this.present.put(demoProvider.get(1).id(), Present.ACTION_PLAN_DUE);
		}
		if (candidates.isEmpty()) {
			return;
		}
		this.present.put(candidates.remove(picks.nextInt(candidates.size())).id(), Present.DRAFT);
		long overdue = Math.max(3, Math.round(OVERDUE_SHARE * commissioned.size()));
		for (int i = 0; i < overdue && !candidates.isEmpty(); i++) {
			this.present.put(candidates.remove(picks.nextInt(candidates.size())).id(),
					(i % 2 == 0) ? Present.OVERDUE_PLANNED : Present.OVERDUE_UNPLANNED);
		}
	}

	/** How today finds the service, for the walkthrough. */
	Present presentOf(UUID serviceId) {
		return this.present.getOrDefault(serviceId, Present.NATURAL);
	}

	/**
	 * The reviews of these services (those commissioned today), continuing the sequence.
	 */
	Batch generate(List<NewService> services, List<PastConcern> concerns) {
		Map<UUID, Integer> concernCounts = new HashMap<>();
		for (PastConcern concern : concerns) {
			if (concern.kind() == ConcernKind.CONCERN && concern.careServiceId() != null) {
				concernCounts.merge(concern.careServiceId(), 1, Integer::sum);
			}
		}
		Batch batch = new Batch();
		for (NewService service : services) {
			if (!this.firstContract.containsKey(service.id())) {
				continue;
			}
			double perYear = concernCounts.getOrDefault(service.id(), 0) / this.concernYears / this.concernRate;
			new ServiceHistory(service, perYear).write(batch);
		}
		return batch;
	}

	// One service's history
	// --------------------

	private enum Response {

		ACCEPTED, CHALLENGED, NONE

	}

	/** One review of a service's schedule, with the date of every step it would take. */
	private static final class Step {

		UUID id;

		ReviewKind kind;

		int follows = -1;

		Step followUp;

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

	private final class ServiceHistory {

		private final NewService service;

		private final Present present;

		private final CqcRating cqcRating;

		private final double concernsPerYear;

		private final double zMean;

		private final boolean deteriorating;

		private final Person patchOfficer;

		private final String providerActor;

		private final UUID providerActorId;

		ServiceHistory(NewService service, double concernsPerYear) {
			Random r = DemoReviews.this.random;
			this.service = service;
			this.present = presentOf(service.id());
			this.cqcRating = (service.cqcLocationId() != null) ? DemoReviews.this.cqc.get(service.cqcLocationId())
					: null;
			this.concernsPerYear = concernsPerYear;
			double base = (this.cqcRating == null) ? 0.45 : switch (this.cqcRating) {
				case OUTSTANDING -> 1.5;
				case GOOD -> 0.6;
				case REQUIRES_IMPROVEMENT -> -0.6;
				case INADEQUATE -> -1.3;
				case NOT_RATED -> 0.2;
			};
			this.zMean = base - 0.1 * Math.max(0, concernsPerYear - 1) + r.nextGaussian() * 0.55;
			boolean fell = service.cqcLocationId() != null
					&& DemoReviews.this.cqcFell.contains(service.cqcLocationId());
			this.deteriorating = (this.present == Present.NATURAL) && r.nextDouble() < (fell ? 0.5 : 0.025);
			List<Person> officers = DemoReviews.this.cast.officers();
			this.patchOfficer = officers
				.get(Math.floorMod(String.valueOf(service.postcodeDistrict()).hashCode(), officers.size()));
			boolean demoProvider = service.providerId().equals(DemoReviews.this.cast.demoProviderId());
			Person user = DemoReviews.this.cast.providerUser();
			this.providerActor = (demoProvider && user != null) ? user.name()
					: DemoReviews.this.providerContact.getOrDefault(service.providerId(), "The provider");
			this.providerActorId = (demoProvider && user != null) ? user.id() : null;
		}

		void write(Batch batch) {
			Random r = DemoReviews.this.random;
			LocalDate today = DemoReviews.this.today;
			boolean isFresh = DemoReviews.this.fresh.contains(this.service.id());
			LocalDate origin = DemoReviews.this.firstContract.get(this.service.id());
			if (origin.isBefore(this.service.registeredOn())) {
				origin = this.service.registeredOn();
			}
			// a history starts a little before the window (further for one that is moved
			// into place for the walkthrough) and runs to today
			LocalDate first = isFresh ? weekday(origin.plusDays(30 + r.nextInt(150)))
					: weekday(DemoReviews.this.windowStart.minusMonths((this.present == Present.NATURAL) ? 12 : 18)
						.plusDays(r.nextInt(365)));
			List<Step> steps = schedule(first, r);
			if (this.present != Present.NATURAL) {
				steps = setUp(steps, r);
			}
			// no review before the window, nor before the service had been running a
			// while
			LocalDate floor = this.service.registeredOn().plusDays(90);
			if (isFresh || floor.isBefore(DemoReviews.this.windowStart)) {
				floor = isFresh ? origin : DemoReviews.this.windowStart;
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
				Step struggling = steps.get(from);
				struggling.kind = ReviewKind.ANNUAL;
				struggling.follows = -1;
				struggling.plannedFor = struggling.visitStart;
				struggling.created = struggling.visitStart.minusDays(21);
			}
			List<Step> kept = steps.subList(from, steps.size());
			int offset = from;
			ReviewRow[] rows = new ReviewRow[kept.size()];
			QaRating previous = null;
			for (int i = 0; i < kept.size(); i++) {
				Step step = kept.get(i);
				if (!step.created.isBefore(today)) {
					emitCancelled(step, batch, r);
					break;
				}
				boolean plannedAtPresent = !step.visitEnd.isBefore(today);
				if (plannedAtPresent && step.kind != ReviewKind.FOLLOW_UP && this.present == Present.NATURAL
						&& r.nextBoolean()) {
					// due soon but not planned yet: the annual programme proposes it
					emitCancelled(step, batch, r);
					break;
				}
				emitCancelled(step, batch, r);
				ReviewRow original = (step.follows >= offset) ? rows[step.follows - offset] : null;
				rows[i] = emit(step, original, previous, batch, r);
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
		private List<Step> schedule(LocalDate firstVisit, Random r) {
			List<Step> steps = new ArrayList<>();
			LocalDate end = DemoReviews.this.today;
			double z = this.zMean + r.nextGaussian() * 0.3;
			QaRating last = null;
			LocalDate visit = firstVisit;
			int follows = -1;
			int chain = 0;
			QaRating falling = null;
			for (int n = 0; n < 80; n++) {
				Step step = new Step();
				step.id = uuid(r);
				if (follows >= 0) {
					Step original = steps.get(follows);
					step.kind = ReviewKind.FOLLOW_UP;
					step.follows = follows;
					original.followUp = step;
					step.created = original.approved;
					step.plannedFor = original.published.plusMonths(6);
					step.visitStart = weekday(step.plannedFor.plusDays(r.nextInt(6)));
				}
				else {
					int priority = priority(last);
					step.kind = (priority >= 25) ? ReviewKind.RISK_BASED : ReviewKind.ANNUAL;
					step.visitStart = weekday(visit);
					step.plannedFor = step.visitStart;
					step.created = step.visitStart.minusDays(14 + r.nextInt(29));
					if (r.nextInt(50) == 0) {
						step.cancelCreated = step.created.minusDays(25 + r.nextInt(20));
						step.cancelPlannedFor = weekday(step.cancelCreated.plusDays(14 + r.nextInt(20)));
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
					step.officer = (r.nextInt(5) == 0) ? pick(r, DemoReviews.this.cast.officers()) : this.patchOfficer;
				}
				boolean home = this.service.type() == ServiceType.CARE_HOME
						|| this.service.type() == ServiceType.CARE_HOME_NURSING;
				int days = (home && r.nextInt(10) < 6 && step.visitStart.getDayOfWeek() != DayOfWeek.FRIDAY) ? 2 : 1;
				step.visitEnd = step.visitStart.plusDays(days - 1);
				step.announced = (step.kind == ReviewKind.ANNUAL) ? r.nextInt(10) < 8 : r.nextInt(20) < 9;
				// ratings: a service wanders around its mean quality; it improves after
				// an
				// action plan; a deteriorating one falls a notch at each of its last
				// reviews
				QaRating target = null;
				if (this.deteriorating && !step.visitStart.isBefore(DemoReviews.this.today.minusMonths(26))) {
					target = (falling == null) ? null : lower(falling);
				}
				// a follow-up finds things better, more so the longer the chain of action
				// plans
				chain = (follows >= 0) ? chain + 1 : 0;
				step.draft = draw(z + r.nextGaussian() * 0.3 + 0.35 * chain, target, false, false, r);
				QaRating draftOverall = overall(step.draft);
				if (this.deteriorating && !step.visitStart.isBefore(DemoReviews.this.today.minusMonths(26))) {
					falling = draftOverall;
				}
				timings(step, r);
				step.needsAction = needsAction(step.fin);
				if (step.needsAction) {
					actionPlanTimings(step, r);
				}
				steps.add(step);
				last = overall(step.fin);
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
		private void timings(Step step, Random r) {
			step.drafted = weekday(step.visitEnd.plusDays(4 + r.nextInt(11)));
			step.sent = weekday(step.drafted.plusDays(r.nextInt(4)));
			int roll = r.nextInt(100);
			step.fin = step.draft.clone();
			if (roll < 72) {
				step.response = Response.ACCEPTED;
				step.responded = weekday(step.sent.plusDays(2 + r.nextInt(12)));
				step.published = weekday(step.responded.plusDays(1 + r.nextInt(6)));
			}
			else if (roll < 88) {
				step.response = Response.CHALLENGED;
				step.responded = weekday(step.sent.plusDays(5 + r.nextInt(10)));
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
					step.challenged.add(DemoReviews.this.standards.get(index).key());
					step.upheld.add(upheld);
					day = weekday(day.plusDays((c == 0) ? 3 + r.nextInt(5) : r.nextInt(2)));
					step.decided.add(day);
					if (upheld) {
						step.fin[index] = higher(step.fin[index]);
					}
				}
				if (count == 0) {
					step.response = Response.ACCEPTED;
					step.published = weekday(step.responded.plusDays(1 + r.nextInt(6)));
				}
				else {
					step.published = day;
				}
			}
			else {
				step.response = Response.NONE;
				step.published = weekday(step.commentsDue().plusDays(1 + r.nextInt(5)));
			}
		}

		private void actionPlanTimings(Step step, Random r) {
			LocalDate due = step.actionPlanDue();
			step.submitted = (r.nextInt(5) > 0) ? step.published.plusDays(6 + r.nextInt(8))
					: due.plusDays(2 + r.nextInt(11));
			if (r.nextInt(10) == 0) {
				step.returned = weekday(step.submitted.plusDays(2 + r.nextInt(5)));
				step.resubmitted = step.returned.plusDays(3 + r.nextInt(6));
			}
			step.approved = weekday(step.lastSubmission().plusDays(2 + r.nextInt(6)));
		}

		/**
		 * Moves the history so that its latest review before today sits where the
		 * walkthrough wants it, and cuts what comes after; dates move by whole weeks so
		 * that visits stay on working days.
		 */
		private List<Step> setUp(List<Step> steps, Random r) {
			LocalDate today = DemoReviews.this.today;
			int k = -1;
			for (int i = 0; i < steps.size(); i++) {
				if (steps.get(i).visitEnd.isBefore(today)) {
					k = i;
				}
			}
			if (k < 0) {
				return steps;
			}
			Step last = steps.get(k);
			LocalDate wanted = switch (this.present) {
				case DRAFT -> today.minusDays(9);
				case OPEN_FOR_COMMENTS -> today.minusDays(18);
				case ACTION_PLAN_DUE -> today.minusDays(40);
				default -> today.minusMonths(12).minusDays(7 + r.nextInt(38));
			};
			long weeks = Math.round(ChronoUnit.DAYS.between(last.visitEnd, wanted) / 7.0);
			List<Step> kept = new ArrayList<>(steps.subList(0, k + 1));
			kept.forEach(step -> step.shift(weeks * 7));
			last.officer = DemoReviews.this.cast.lead();
			switch (this.present) {
				case DRAFT -> {
					last.drafted = workingDayBefore(today);
					last.sent = today.plusDays(1);
				}
				case OPEN_FOR_COMMENTS -> {
					last.draft = draw(this.zMean, QaRating.GOOD, false, true, r);
					last.drafted = workingDayBefore(today.minusDays(6));
					last.sent = workingDayBefore(today.minusDays(3));
					last.response = Response.NONE;
					last.responded = null;
					last.published = today.plusDays(14);
				}
				case ACTION_PLAN_DUE -> {
					last.draft = draw(this.zMean, QaRating.REQUIRES_IMPROVEMENT, false, false, r);
					last.drafted = workingDayBefore(today.minusDays(29));
					last.sent = workingDayBefore(today.minusDays(27));
					last.response = Response.ACCEPTED;
					last.responded = workingDayBefore(today.minusDays(19));
					last.challenged.clear();
					last.upheld.clear();
					last.decided.clear();
					last.published = workingDayBefore(today.minusDays(2));
					last.submitted = today.plusDays(9);
					last.approved = today.plusDays(12);
				}
				default -> {
					// the last visit over a year ago left nothing to follow up
					last.draft = draw(this.zMean, null, true, false, r);
					if (last.response == Response.CHALLENGED) {
						last.response = Response.ACCEPTED;
						last.challenged.clear();
						last.upheld.clear();
						last.decided.clear();
					}
					if (this.present == Present.OVERDUE_PLANNED) {
						Step late = new Step();
						late.id = uuid(r);
						late.kind = (priority(overall(last.draft)) >= 25) ? ReviewKind.RISK_BASED : ReviewKind.ANNUAL;
						late.officer = pick(r, DemoReviews.this.cast.officers());
						late.created = today.minusDays(1 + r.nextInt(10));
						late.plannedFor = weekday(today.plusDays(3 + r.nextInt(23)));
						late.visitStart = late.plannedFor;
						late.visitEnd = late.plannedFor;
						late.announced = true;
						late.draft = draw(this.zMean, null, false, false, r);
						timings(late, r);
						kept.add(late);
					}
				}
			}
			last.fin = last.draft.clone();
			last.needsAction = needsAction(last.fin);
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

		/** Writes a review as today finds it. */
		private ReviewRow emit(Step step, ReviewRow original, QaRating previous, Batch batch, Random r) {
			LocalDate today = DemoReviews.this.today;
			Notes notes = DemoReviews.this.notes;
			Cast cast = DemoReviews.this.cast;
			Clock clock = new Clock(r);
			ReviewRow row = new ReviewRow();
			row.id = step.id;
			row.careServiceId = this.service.id();
			row.providerId = this.service.providerId();
			row.frameworkVersionId = DemoReviews.this.framework.id();
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
			String[] findings = new String[DemoReviews.this.standards.size()];
			if (ratings != null) {
				for (int i = 0; i < rated; i++) {
					findings[i] = DemoReviewTexts.findings(DemoReviews.this.standards.get(i).key(), ratings[i],
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
				Score draft = score(current);
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
			if (row.status == ReviewStatus.FACTUAL_ACCURACY && step.responded != null
					&& step.responded.isBefore(today)) {
				Instant responded = clock.at(step.responded);
				row.providerRespondedAt = responded;
				row.providerChallenged = step.response == Response.CHALLENGED;
				Person provider = new Person(this.providerActorId, this.providerActor);
				if (step.response == Response.CHALLENGED) {
					row.status = ReviewStatus.DISPUTE_REVIEW;
					for (String key : step.challenged) {
						int i = indexOf(key);
						comments[i] = DemoReviewTexts.comment(r);
						commentedAt[i] = responded.minus(Duration.ofMinutes(5 + r.nextInt(600)));
					}
					events.add(event(row, responded, provider, ReviewStatus.FACTUAL_ACCURACY,
							ReviewStatus.DISPUTE_REVIEW, notes.text("review.challenged",
									"The provider commented on {0} findings", step.challenged.size())));
					int upheld = 0;
					for (int c = 0; c < step.challenged.size(); c++) {
						if (!step.decided.get(c).isBefore(today)) {
							break;
						}
						int i = indexOf(step.challenged.get(c));
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
						Framework.Standard standard = DemoReviews.this.standards.get(i);
						events.add(event(row, clock.at(step.decided.get(c)), cast.senior(), ReviewStatus.DISPUTE_REVIEW,
								ReviewStatus.DISPUTE_REVIEW, standard.name() + ": "
										+ notes.text("disputeOutcome." + outcomes[i], up ? "Upheld" : "Not upheld")));
					}
					Score rescored = score(current);
					row.overallRating = rescored.overall();
					row.overallPercent = rescored.percent();
					if (step.published.isBefore(today)) {
						row.disputeDecidedBy = cast.senior().id();
						row.disputeSummary = DemoReviewTexts.disputeSummary(step.challenged.size(), upheld);
					}
				}
				else {
					events.add(event(row, responded, provider, ReviewStatus.FACTUAL_ACCURACY,
							ReviewStatus.FACTUAL_ACCURACY,
							notes.text("review.accepted", "The provider accepted the draft as accurate")));
				}
				beforePublication = row.status;
			}
			boolean published = (row.status == ReviewStatus.FACTUAL_ACCURACY
					|| row.status == ReviewStatus.DISPUTE_REVIEW) && step.published.isBefore(today);
			if (published) {
				Score fin = score(current);
				row.overallRating = fin.overall();
				row.overallPercent = fin.percent();
				Person publisher = (beforePublication == ReviewStatus.DISPUTE_REVIEW) ? cast.senior() : step.officer;
				row.publishedAt = clock.at(step.published);
				row.publishedOn = step.published;
				row.previousRating = previous;
				if (row.disputeDecidedBy != null) {
					row.disputeDecidedAt = row.publishedAt;
				}
				boolean needsAction = needsAction(current);
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
				batch.findings.add(
						new FindingRow(row.id, DemoReviews.this.standards.get(i).key(), (i < rated) ? current[i] : null,
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
		private void actionPlan(Step step, ReviewRow row, QaRating[] ratings, List<EventRow> events, Batch batch,
				Clock clock, Random r) {
			LocalDate today = DemoReviews.this.today;
			Notes notes = DemoReviews.this.notes;
			Person provider = new Person(this.providerActorId, this.providerActor);
			LocalDate due = row.actionPlanDueOn;
			if (step.submitted == null || !step.submitted.isBefore(today)) {
				if (due.isBefore(today.minusDays(1))) {
					events.add(new EventRow(row.id, clock.early(due.plusDays(1)), null,
							notes.text("review.actor.system", "CareCycle"), ReviewStatus.ACTION_PLAN_DUE.name(),
							"OVERDUE", due.toString(), null));
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

		private void actions(Step step, ReviewRow row, QaRating[] ratings, Instant submitted, Batch batch, Random r) {
			LocalDate today = DemoReviews.this.today;
			LocalDate submittedOn = submitted.atZone(UkTime.ZONE).toLocalDate();
			for (int i = 0; i < ratings.length; i++) {
				if (!ratings[i].isBelowGood()) {
					continue;
				}
				int count = (ratings[i] == QaRating.POOR || r.nextInt(5) == 0) ? 2 : 1;
				String key = DemoReviews.this.standards.get(i).key();
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
					batch.actions.add(
							new ActionRow(uuid(r), row.id, key, position, DemoReviewTexts.action(key, first + position),
									DemoReviewTexts.owner(this.service.registeredManager(), this.service.type(), r),
									dueOn, completedOn, (completedOn != null) ? DemoReviewTexts.completion(r) : null,
									created, updated));
				}
			}
		}

		/** A few notes and observations recorded during recent visits. */
		private void evidence(Step step, ReviewRow row, QaRating[] ratings, int rated, Batch batch, Random r) {
			int count = 2 + r.nextInt(3);
			for (int n = 0; n < count; n++) {
				int i = r.nextInt(DemoReviews.this.standards.size());
				QaRating rating = (ratings != null && i < rated) ? ratings[i] : null;
				LocalDate on = (n % 2 == 0) ? step.visitStart : step.visitEnd;
				batch.evidence.add(new EvidenceRow(uuid(r), row.id, DemoReviews.this.standards.get(i).key(),
						r.nextBoolean() ? "OBSERVATION" : "NOTE",
						DemoReviewTexts.evidence(DemoReviews.this.standards.get(i).key(), rating, this.service.type(),
								r),
						step.officer.id(),
						on.atTime(10 + r.nextInt(7), r.nextInt(60)).atZone(UkTime.ZONE).toInstant()));
			}
		}

		/** A review planned before this one and cancelled, if there was one. */
		private void emitCancelled(Step step, Batch batch, Random r) {
			LocalDate today = DemoReviews.this.today;
			if (step.cancelledOn == null || !step.cancelledOn.isBefore(today)) {
				return;
			}
			Clock clock = new Clock(r);
			ReviewRow row = new ReviewRow();
			row.id = uuid(r);
			row.careServiceId = this.service.id();
			row.providerId = this.service.providerId();
			row.frameworkVersionId = DemoReviews.this.framework.id();
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
					DemoReviews.this.notes.text(step.kind.messageKey(), kindText(step.kind)) + ", "
							+ step.cancelPlannedFor.format(DATE)));
			batch.events.add(event(row, row.updatedAt, step.officer, ReviewStatus.PLANNED, ReviewStatus.CANCELLED,
					row.cancelledReason));
			for (Framework.Standard standard : DemoReviews.this.standards) {
				batch.findings.add(new FindingRow(row.id, standard.key(), null, null, null, null, null, null, null));
			}
		}

		private String summary(Step step, QaRating[] ratings, Random r) {
			List<String> strengths = new ArrayList<>();
			List<String> improvements = new ArrayList<>();
			List<Integer> order = new ArrayList<>();
			for (int i = 0; i < ratings.length; i++) {
				order.add(i);
			}
			java.util.Collections.shuffle(order, r);
			for (int i : order) {
				String name = DemoReviews.this.standards.get(i).name();
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
				String name = DemoReviews.this.standards.get(i).name();
				if (ratings[i] == QaRating.GOOD && !strengths.contains(name)) {
					strengths.add(name);
				}
			}
			int days = (int) ChronoUnit.DAYS.between(step.visitStart, step.visitEnd) + 1;
			return DemoReviewTexts.summary(overall(ratings), step.kind == ReviewKind.FOLLOW_UP, step.announced, days,
					strengths, improvements, r);
		}

		private String documents(Random r) {
			List<String> lines = new ArrayList<>();
			for (int tries = 0; lines.size() < 4 && tries < 20; tries++) {
				Framework.Standard standard = pick(r, DemoReviews.this.standards);
				List<String> evidence = standard.evidenceLines()
					.stream()
					.filter(line -> !line.startsWith("Observation") && !line.startsWith("Conversations")
							&& !line.startsWith("Walk-round"))
					.toList();
				if (!evidence.isEmpty()) {
					String line = pick(r, evidence);
					if (!lines.contains(line)) {
						lines.add(line);
					}
				}
			}
			return String.join("\n", lines);
		}

		private EventRow event(ReviewRow row, Instant at, Person actor, ReviewStatus from, ReviewStatus to,
				String note) {
			return new EventRow(row.id, at, actor.id(), actor.name(), (from != null) ? from.name() : null, to.name(),
					note, null);
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

	// Ratings
	// --------------------

	/**
	 * Rates every standard around a quality score, with each standard's own tendency
	 * (medicines and records are where services most often fall short).
	 * @param target the overall rating wanted, or null for whatever comes
	 * @param noAction no standard below Good
	 * @param someBelowGood at least one standard below Good
	 */
	private QaRating[] draw(double z, QaRating target, boolean noAction, boolean someBelowGood, Random r) {
		double centre = (target == null) ? z : switch (target) {
			case EXCELLENT -> 2.0;
			case GOOD -> someBelowGood ? -0.1 : 0.7;
			case REQUIRES_IMPROVEMENT -> -0.7;
			case POOR -> -1.6;
		};
		QaRating[] ratings = new QaRating[this.standards.size()];
		for (int attempt = 0; attempt < 60; attempt++) {
			for (int i = 0; i < ratings.length; i++) {
				// a standard varies a little around the service's quality, and is now and
				// then where the service shines
				ratings[i] = rating(
						centre + this.bias[i] + r.nextGaussian() * 0.15 + ((r.nextInt(100) < 15) ? 0.9 : 0));
				if (noAction && ratings[i].isBelowGood()) {
					ratings[i] = QaRating.GOOD;
				}
			}
			boolean below = needsAction(ratings);
			if ((target == null || overall(ratings) == target) && (!someBelowGood || below)) {
				return ratings;
			}
		}
		java.util.Arrays.fill(ratings, (target != null) ? target : QaRating.GOOD);
		if (someBelowGood) {
			ratings[ratings.length - 1] = QaRating.REQUIRES_IMPROVEMENT;
		}
		return ratings;
	}

	private static QaRating rating(double score) {
		if (score >= 1.6) {
			return QaRating.EXCELLENT;
		}
		if (score >= -0.3) {
			return QaRating.GOOD;
		}
		if (score >= -1.4) {
			return QaRating.REQUIRES_IMPROVEMENT;
		}
		return QaRating.POOR;
	}

	private static double bias(String standardKey) {
		return switch (standardKey) {
			case "RESPECTING_AND_INVOLVING" -> 0.1;
			case "NUTRITION", "COOPERATING_WITH_PROVIDERS", "COMPLAINTS" -> 0.03;
			case "MEDICINES", "RECORDS" -> -0.1;
			case "MONITORING_QUALITY", "STAFFING" -> -0.06;
			case "SUPPORTING_STAFF", "CONSENT" -> -0.03;
			default -> 0;
		};
	}

	/** What the rule gives a set of ratings: the overall rating and its percentage. */
	record Score(QaRating overall, BigDecimal percent) {
	}

	/**
	 * The rule's results by pattern of ratings (two bits a standard): the same patterns
	 * come again and again, and at national scale the rule would otherwise run millions
	 * of times.
	 */
	private final Map<Long, Score> scores = new HashMap<>();

	Score score(QaRating[] ratings) {
		if (ratings.length > 31) {
			return calculated(ratings);
		}
		long key = 0;
		for (QaRating rating : ratings) {
			key = (key << 2) | (rating.points() - 1);
		}
		return this.scores.computeIfAbsent(key, k -> calculated(ratings));
	}

	private Score calculated(QaRating[] ratings) {
		Map<String, QaRating> map = new LinkedHashMap<>();
		for (int i = 0; i < ratings.length; i++) {
			map.put(this.standards.get(i).key(), ratings[i]);
		}
		RatingRule.Calculation calculation = RatingRule.calculate(this.framework, map);
		return new Score(calculation.overall(), calculation.roundedOverallPercent());
	}

	private QaRating overall(QaRating[] ratings) {
		return score(ratings).overall();
	}

	private boolean needsAction(QaRating[] ratings) {
		for (QaRating rating : ratings) {
			if (rating.isBelowGood()) {
				return true;
			}
		}
		return overall(ratings).isBelowGood();
	}

	private int indexOf(String standardKey) {
		for (int i = 0; i < this.standards.size(); i++) {
			if (this.standards.get(i).key().equals(standardKey)) {
				return i;
			}
		}
		throw new IllegalArgumentException(standardKey);
	}

	private static QaRating lower(QaRating rating) {
		return switch (rating) {
			case EXCELLENT -> QaRating.GOOD;
			case GOOD -> QaRating.REQUIRES_IMPROVEMENT;
			default -> QaRating.POOR;
		};
	}

	private static QaRating higher(QaRating rating) {
		return switch (rating) {
			case POOR -> QaRating.REQUIRES_IMPROVEMENT;
			case REQUIRES_IMPROVEMENT -> QaRating.GOOD;
			default -> QaRating.EXCELLENT;
		};
	}

	private static int rank(CqcRating rating) {
		return switch (rating) {
			case OUTSTANDING -> 4;
			case GOOD -> 3;
			case REQUIRES_IMPROVEMENT -> 2;
			case INADEQUATE -> 1;
			case NOT_RATED -> 0;
		};
	}

	private String ratingText(QaRating rating) {
		String fallback = switch (rating) {
			case EXCELLENT -> "Excellent";
			case GOOD -> "Good";
			case REQUIRES_IMPROVEMENT -> "Requires improvement";
			case POOR -> "Poor";
		};
		return this.notes.text(rating.messageKey(), fallback);
	}

	private static String kindText(ReviewKind kind) {
		return switch (kind) {
			case ANNUAL -> "Annual review";
			case RISK_BASED -> "Risk-based review";
			case FOLLOW_UP -> "Follow-up review";
		};
	}

	// Time
	// --------------------

	/** Times of the day for a review's steps, each after the one before. */
	private static final class Clock {

		private final Random random;

		Instant last;

		Clock(Random random) {
			this.random = random;
		}

		/** During the working day. */
		Instant at(LocalDate date) {
			return after(date.atTime(9, 0).plusMinutes(this.random.nextInt(8 * 60)).atZone(UkTime.ZONE).toInstant());
		}

		/** After the visit, when the officer records it. */
		Instant evening(LocalDate date) {
			return after(date.atTime(16, 0).plusMinutes(this.random.nextInt(150)).atZone(UkTime.ZONE).toInstant());
		}

		/** Before the working day, when the system checks deadlines. */
		Instant early(LocalDate date) {
			return date.atTime(6, 0).plusMinutes(this.random.nextInt(30)).atZone(UkTime.ZONE).toInstant();
		}

		private Instant after(Instant candidate) {
			if (this.last != null && !candidate.isAfter(this.last)) {
				candidate = this.last.plus(Duration.ofMinutes(2 + this.random.nextInt(40)));
			}
			this.last = candidate;
			return candidate;
		}

	}

	static LocalDate weekday(LocalDate date) {
		return switch (date.getDayOfWeek()) {
			case SATURDAY -> date.plusDays(2);
			case SUNDAY -> date.plusDays(1);
			default -> date;
		};
	}

	/** The last working day before this one. */
	static LocalDate workingDayBefore(LocalDate date) {
		LocalDate day = date.minusDays(1);
		while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
			day = day.minusDays(1);
		}
		return day;
	}

	private static <T> T pick(Random random, List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	static UUID uuid(Random random) {
		long high = (random.nextLong() & ~0xF000L) | 0x4000L;
		long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
		return new UUID(high, low);
	}

}
