package org.carecycle.quality;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.carecycle.identity.AuditLog;
import org.carecycle.identity.CurrentUser;
import org.carecycle.identity.ProviderScope;
import org.carecycle.identity.SignedInUser;
import org.carecycle.identity.UserDirectory;
import org.carecycle.identity.UserSummary;
import org.carecycle.mail.Outbox;
import org.carecycle.providers.Register;
import org.carecycle.providers.RegisterViews.ServiceProfile;
import org.carecycle.quality.ReviewEvents.RatingFell;
import org.carecycle.quality.ReviewEvents.ReviewPublished;
import org.carecycle.shared.ProviderId;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.shared.Role;
import org.carecycle.shared.UkTime;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carries quality assurance reviews from planned to closed. Each step checks who may take
 * it, refuses to overwrite a review someone else changed since the page was drawn, writes
 * the review's timeline and the audit log, and queues the emails it causes, all in one
 * transaction.
 * <p>
 * Behind this one door, {@link Review} guards its own steps and package-private helpers
 * keep the rows beside it: {@link ReviewTimeline}, {@link ReviewEvidence},
 * {@link ReviewActions} and {@link ReviewQueries}.
 */
@Service
public class Reviews {

	/** Who carries out reviews. */
	public static final java.util.Set<Role> OFFICERS = java.util.EnumSet.of(Role.QA_OFFICER, Role.COMMISSIONER);

	/** Who decides a provider's challenge to a draft: a senior officer. */
	public static final java.util.Set<Role> SENIOR = java.util.EnumSet.of(Role.COMMISSIONER);

	/** Who may read reviews in progress. */
	public static final java.util.Set<Role> READERS = java.util.EnumSet.of(Role.QA_OFFICER, Role.COMMISSIONER,
			Role.SAFEGUARDING_LEAD, Role.ADMIN);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private final ReviewRepository reviews;

	private final Frameworks frameworks;

	private final JdbcClient jdbc;

	private final Register register;

	private final UserDirectory users;

	private final CurrentUser currentUser;

	private final Outbox outbox;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final MessageSource messages;

	private final Clock clock;

	private final String baseUrl;

	private final ReviewQueries queries;

	private final ReviewTimeline timeline;

	private final ReviewEvidence evidence;

	private final ReviewActions actions;

	Reviews(ReviewRepository reviews, Frameworks frameworks, JdbcClient jdbc, Register register, UserDirectory users,
			CurrentUser currentUser, Outbox outbox, AuditLog audit, ApplicationEventPublisher events,
			MessageSource messages, Clock clock, @Value("${carecycle.base-url}") String baseUrl) {
		this.reviews = reviews;
		this.frameworks = frameworks;
		this.jdbc = jdbc;
		this.register = register;
		this.users = users;
		this.currentUser = currentUser;
		this.outbox = outbox;
		this.audit = audit;
		this.events = events;
		this.messages = messages;
		this.clock = clock;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.queries = new ReviewQueries(jdbc);
		this.timeline = new ReviewTimeline(jdbc, currentUser, audit, messages, clock);
		this.evidence = new ReviewEvidence(jdbc, currentUser, audit, clock);
		this.actions = new ReviewActions(jdbc, audit, clock);
	}

	// Reading
	// --------------------

	/** A review, if the scope permits it; another provider's review is "not found". */
	public Review get(UUID id, ProviderScope scope) {
		Review review = this.reviews.findById(id).orElseThrow(() -> new RecordNotFoundException("No such review"));
		scope.check(new ProviderId(review.providerId()));
		if (scope.isRestricted() && !SHOWN_TO_PROVIDER.contains(review.status())) {
			// a provider never sees a review before its draft is sent, nor a cancelled
			// one
			throw new RecordNotFoundException("No such review");
		}
		return review;
	}

	public Framework frameworkOf(Review review) {
		return this.frameworks.get(review.frameworkVersionId());
	}

	public RatingRule.Calculation calculation(Review review) {
		return RatingRule.calculate(frameworkOf(review), review.ratings());
	}

	/** What the review's report shows, if the scope permits the review. */
	public ReportView report(UUID id, ProviderScope scope) {
		Review review = get(id, scope);
		ServiceProfile service = this.register.service(review.careServiceId(), ProviderScope.everything())
			.orElseThrow(() -> new RecordNotFoundException("No such service"));
		String address = java.util.stream.Stream
			.of(service.addressLine1(), service.addressLine2(), service.town(), service.postcode())
			.filter(part -> part != null && !part.isBlank())
			.collect(java.util.stream.Collectors.joining(", "));
		String officer = (review.officerId() != null)
				? this.users.find(review.officerId()).map(UserSummary::displayName).orElse(null) : null;
		return new ReportView(review, frameworkOf(review), calculation(review), actions(id), service.name(),
				service.providerName(), address, officer, !review.isPublished());
	}

	/** A step on the review's timeline. */
	public record TimelineEntry(Instant happenedAt, String actorName, String fromStatus, String toStatus, String note) {

		public String messageKey() {
			return "reviewEvent." + this.toStatus;
		}

	}

	public List<TimelineEntry> timeline(UUID reviewId) {
		return this.timeline.entries(reviewId);
	}

	/** The review of a service that is planned or being carried out, if there is one. */
	public Optional<UUID> inProgress(UUID serviceId) {
		return this.queries.inProgress(serviceId);
	}

	/** The latest published rating of a service before this moment, if any. */
	public Optional<QaRating> latestPublishedRating(UUID serviceId) {
		return this.queries.latestPublishedRating(serviceId);
	}

	/**
	 * The steps from which a provider sees its review: the draft sent to it for factual
	 * accuracy and everything after. A review being planned or written, or cancelled, is
	 * the council's alone.
	 */
	public static final java.util.Set<ReviewStatus> SHOWN_TO_PROVIDER = java.util.EnumSet.of(
			ReviewStatus.FACTUAL_ACCURACY, ReviewStatus.DISPUTE_REVIEW, ReviewStatus.ACTION_PLAN_DUE,
			ReviewStatus.ACTION_PLAN_SUBMITTED, ReviewStatus.FOLLOW_UP, ReviewStatus.CLOSED);

	/** A review in the provider's list, with the dates of what is due from them. */
	public record ProviderReviewRow(UUID id, String reference, UUID careServiceId, ReviewStatus status,
			LocalDate commentsDueOn, Instant providerRespondedAt, LocalDate actionPlanDueOn, LocalDate publishedOn,
			QaRating overallRating, LocalDate followUpDueOn) {
	}

	/**
	 * The reviews of the scope's provider it may see ({@link #SHOWN_TO_PROVIDER}), latest
	 * first.
	 */
	public List<ProviderReviewRow> shownToProvider(ProviderScope scope) {
		return this.queries.shownToProvider(scope);
	}

	// Planning
	// --------------------

	/**
	 * Plans a review of a service. A service has at most one review in progress: planning
	 * a second gives {@link AlreadyPlannedException}.
	 */
	@Transactional
	public Review plan(UUID serviceId, ReviewKind kind, LocalDate plannedFor, UUID officerId, UUID followsReviewId) {
		ServiceProfile service = this.register.service(serviceId, ProviderScope.everything())
			.orElseThrow(() -> new RecordNotFoundException("No such service"));
		if (officerId != null) {
			requireOfficer(officerId);
		}
		if (inProgress(serviceId).isPresent()) {
			throw new AlreadyPlannedException();
		}
		Instant now = this.clock.instant();
		long number = this.jdbc.sql("select nextval('qa_review_number')").query(Long.class).single();
		String reference = "QA-%d-%06d".formatted(plannedFor.getYear(), number);
		Review review = Review.plan(reference, serviceId, service.providerId(), this.frameworks.current(), kind,
				plannedFor, officerId, followsReviewId, now);
		try {
			review = this.reviews.save(review);
		}
		catch (DuplicateKeyException ex) {
			throw new AlreadyPlannedException();
		}
		this.timeline.record(review.id(), null, ReviewStatus.PLANNED,
				text(kind.messageKey()) + ", " + plannedFor.format(DATE));
		return review;
	}

	private void requireOfficer(UUID officerId) {
		UserSummary officer = this.users.find(officerId)
			.orElseThrow(() -> new IllegalArgumentException("No such officer"));
		if (!OFFICERS.contains(officer.role()) || !officer.enabled()) {
			throw new IllegalArgumentException("Choose an officer who carries out reviews");
		}
	}

	@Transactional
	public void reschedule(UUID id, int version, LocalDate plannedFor, UUID officerId) {
		if (officerId != null) {
			requireOfficer(officerId);
		}
		change(id, version, review -> {
			review.reschedule(plannedFor, officerId, this.clock.instant());
			String officer = (officerId != null) ? this.users.find(officerId).map(UserSummary::displayName).orElse("")
					: text("review.unassigned");
			this.timeline.record(id, ReviewStatus.PLANNED, ReviewStatus.PLANNED,
					plannedFor.format(DATE) + ", " + officer);
		});
	}

	@Transactional
	public void cancel(UUID id, int version, String reason) {
		change(id, version, review -> {
			review.cancel(reason, this.clock.instant());
			this.timeline.record(id, ReviewStatus.PLANNED, ReviewStatus.CANCELLED, reason);
		});
	}

	// Evidence and the draft
	// --------------------

	@Transactional
	public void recordVisit(UUID id, int version, LocalDate startedOn, LocalDate endedOn, boolean announced,
			String peopleSpokenTo, String documentsRequested) {
		change(id, version, review -> {
			ReviewStatus before = review.status();
			review.recordVisit(startedOn, endedOn, announced, peopleSpokenTo, documentsRequested, this.clock.instant());
			if (before != review.status()) {
				this.timeline.record(id, before, review.status(), startedOn.format(DATE));
			}
		});
	}

	@Transactional
	public void rate(UUID id, int version, String standardKey, QaRating rating, String findings) {
		change(id, version, review -> {
			if (frameworkOf(review).standard(standardKey).isEmpty()) {
				throw new RecordNotFoundException("No such standard");
			}
			review.rate(standardKey, rating, findings, this.clock.instant());
			review.rescore(calculation(review), this.clock.instant());
		});
	}

	@Transactional
	public void writeSummary(UUID id, int version, String summary) {
		change(id, version, review -> review.writeSummary(summary, this.clock.instant()));
	}

	/** A piece of evidence for a standard. */
	public record Evidence(UUID id, String standardKey, String kind, String text, UUID documentId, String documentName,
			String recordedByName, Instant recordedAt) {

		public String kindKey() {
			return "evidenceKind." + this.kind;
		}

	}

	/** Adds a note, an observation or a document to a standard's evidence. */
	@Transactional
	public void addEvidence(UUID id, String standardKey, String kind, String text, UUID documentId) {
		Review review = get(id, ProviderScope.everything());
		this.evidence.add(review, frameworkOf(review), standardKey, kind, text, documentId);
	}

	public List<Evidence> evidence(UUID reviewId) {
		return this.evidence.of(reviewId);
	}

	/** Whether a document is evidence of this review (downloaded with it). */
	public boolean isEvidence(UUID reviewId, UUID documentId) {
		return this.evidence.contains(reviewId, documentId);
	}

	@Transactional
	public void prepareDraft(UUID id, int version) {
		change(id, version, review -> {
			review.prepareDraft(calculation(review), this.clock.instant());
			this.timeline.record(id, ReviewStatus.EVIDENCE, ReviewStatus.DRAFT,
					text(review.overallRating().messageKey()) + " (" + review.overallPercent() + "%)");
		});
	}

	@Transactional
	public void sendToProvider(UUID id, int version) {
		change(id, version, review -> {
			review.sendToProvider(calculation(review), today(), this.clock.instant());
			this.timeline.record(id, ReviewStatus.DRAFT, ReviewStatus.FACTUAL_ACCURACY,
					text("review.commentsDue", review.commentsDueOn().format(DATE)));
			String service = serviceName(review);
			for (UserSummary user : providerUsers(review)) {
				this.outbox.queue("qa-draft:" + id + ":" + user.id(), user.email(),
						text("email.qaDraft.subject", review.reference()),
						text("email.qaDraft.body", user.displayName(), service, review.commentsDueOn().format(DATE),
								link("/my-organisation/reviews/" + id), review.reference()));
			}
			this.events.publishEvent(new ReviewEvents.DraftSent(id, review.reference(), review.providerId(), service,
					review.commentsDueOn()));
		});
	}

	// The provider's side
	// --------------------

	@Transactional
	public void comment(UUID id, int version, ProviderScope scope, String standardKey, String comment) {
		get(id, scope);
		change(id, version, review -> {
			if (frameworkOf(review).standard(standardKey).isEmpty()) {
				throw new RecordNotFoundException("No such standard");
			}
			review.comment(standardKey, comment, today(), this.clock.instant());
		});
	}

	@Transactional
	public void respond(UUID id, int version, ProviderScope scope) {
		get(id, scope);
		change(id, version, review -> {
			review.respond(today(), this.clock.instant());
			String service = serviceName(review);
			if (review.status() == ReviewStatus.DISPUTE_REVIEW) {
				long comments = review.findings().stream().filter(Finding::isChallenged).count();
				this.timeline.record(id, ReviewStatus.FACTUAL_ACCURACY, ReviewStatus.DISPUTE_REVIEW,
						text("review.challenged", comments));
				for (UserSummary senior : this.users.withRole(Role.COMMISSIONER)) {
					if (senior.enabled()) {
						this.outbox.queue("qa-dispute:" + id + ":" + senior.id(), senior.email(),
								text("email.qaDispute.subject", review.reference()), text("email.qaDispute.body",
										senior.displayName(), service, comments, link("/quality/reviews/" + id)));
					}
				}
			}
			else {
				this.timeline.record(id, ReviewStatus.FACTUAL_ACCURACY, ReviewStatus.FACTUAL_ACCURACY,
						text("review.accepted"));
			}
			notifyOfficer(review, "qa-responded:" + id, text("email.qaResponded.subject", review.reference()),
					"email.qaResponded.body", service, link("/quality/reviews/" + id));
		});
	}

	// The senior officer's decision and publication
	// --------------------

	@Transactional
	public void decide(UUID id, int version, String standardKey, Finding.DisputeOutcome outcome, String response,
			QaRating newRating, String newFindings) {
		requireSenior();
		change(id, version, review -> {
			review.decide(standardKey, outcome, response, newRating, newFindings, this.clock.instant());
			review.rescore(calculation(review), this.clock.instant());
			String standard = frameworkOf(review).standard(standardKey)
				.map(Framework.Standard::name)
				.orElse(standardKey);
			this.timeline.record(id, ReviewStatus.DISPUTE_REVIEW, ReviewStatus.DISPUTE_REVIEW,
					standard + ": " + text(outcome.messageKey()));
		});
	}

	private void requireSenior() {
		SignedInUser user = this.currentUser.require();
		if (!SENIOR.contains(user.role())) {
			throw new NotPermittedException("Only a senior officer can decide a provider's challenge");
		}
	}

	@Transactional
	public void publish(UUID id, int version, String disputeSummary) {
		Review current = get(id, ProviderScope.everything());
		if (current.status() == ReviewStatus.DISPUTE_REVIEW) {
			requireSenior();
		}
		QaRating previous = latestPublishedRating(current.careServiceId()).orElse(null);
		change(id, version, review -> {
			ReviewStatus before = review.status();
			UUID me = this.currentUser.get().map(SignedInUser::id).orElse(null);
			review.publish(calculation(review), previous, me, disputeSummary, today(), this.clock.instant());
			this.timeline.record(id, before,
					ReviewStatus.CLOSED == review.status() ? ReviewStatus.CLOSED : review.status(),
					text("review.publishedWith", text(review.overallRating().messageKey())));
			String service = serviceName(review);
			for (UserSummary user : providerUsers(review)) {
				String body = (review.status() == ReviewStatus.ACTION_PLAN_DUE)
						? text("email.qaPublished.actionPlan", review.actionPlanDueOn().format(DATE)) : "";
				this.outbox.queue("qa-published:" + id + ":" + user.id(), user.email(),
						text("email.qaPublished.subject", review.reference()),
						text("email.qaPublished.body", user.displayName(), service,
								text(review.overallRating().messageKey()), body,
								link("/my-organisation/reviews/" + id)));
			}
			this.events.publishEvent(new ReviewPublished(id, review.reference(), review.careServiceId(),
					review.providerId(), review.overallRating(), previous, review.publishedOn()));
			if (previous != null && review.overallRating().points() < previous.points()) {
				this.events.publishEvent(new RatingFell(id, review.careServiceId(), review.providerId(), previous,
						review.overallRating(), review.publishedOn()));
			}
			if (review.followsReviewId() != null && review.kind() == ReviewKind.FOLLOW_UP) {
				closeFollowedReview(review);
			}
		});
	}

	private void closeFollowedReview(Review followUp) {
		this.reviews.findById(followUp.followsReviewId()).ifPresent(original -> {
			if (original.status() == ReviewStatus.FOLLOW_UP) {
				original.close(this.clock.instant());
				this.reviews.save(original);
				this.timeline.record(original.id(), ReviewStatus.FOLLOW_UP, ReviewStatus.CLOSED, followUp.reference());
			}
		});
	}

	// The action plan
	// --------------------

	/** One action of a provider's action plan. */
	public record Action(UUID id, String standardKey, int position, String description, String owner, LocalDate dueOn,
			LocalDate completedOn, String completionNote, UUID evidenceDocumentId, String evidenceName) {

		public boolean isDone() {
			return this.completedOn != null;
		}

	}

	public List<Action> actions(UUID reviewId) {
		return this.actions.of(reviewId);
	}

	@Transactional
	public void addAction(UUID id, ProviderScope scope, String standardKey, String description, String owner,
			LocalDate dueOn) {
		this.actions.add(get(id, scope), standardKey, description, owner, dueOn);
	}

	@Transactional
	public void removeAction(UUID id, ProviderScope scope, UUID actionId) {
		this.actions.remove(get(id, scope), actionId);
	}

	@Transactional
	public void submitActionPlan(UUID id, int version, ProviderScope scope) {
		get(id, scope);
		Map<String, Integer> counts = new HashMap<>();
		actions(id).forEach(action -> counts.merge(action.standardKey(), 1, Integer::sum));
		change(id, version, review -> {
			boolean late = today().isAfter(review.actionPlanDueOn());
			review.submitActionPlan(counts, this.clock.instant());
			this.timeline.record(id, ReviewStatus.ACTION_PLAN_DUE, ReviewStatus.ACTION_PLAN_SUBMITTED,
					late ? text("review.actionPlanLate", review.actionPlanDueOn().format(DATE)) : null);
			notifyOfficer(review, "qa-plan:" + id + ":" + review.actionPlanSubmittedAt().toEpochMilli(),
					text("email.qaPlanSubmitted.subject", review.reference()), "email.qaPlanSubmitted.body",
					serviceName(review), link("/quality/reviews/" + id));
		});
	}

	@Transactional
	public void returnActionPlan(UUID id, int version, String reason) {
		change(id, version, review -> {
			review.returnActionPlan(reason, today(), this.clock.instant());
			this.timeline.record(id, ReviewStatus.ACTION_PLAN_SUBMITTED, ReviewStatus.ACTION_PLAN_DUE, reason);
			for (UserSummary user : providerUsers(review)) {
				this.outbox.queue("qa-plan-returned:" + id + ":" + user.id() + ":" + this.clock.millis(), user.email(),
						text("email.qaPlanReturned.subject", review.reference()),
						text("email.qaPlanReturned.body", user.displayName(), serviceName(review), reason,
								review.actionPlanDueOn().format(DATE), link("/my-organisation/reviews/" + id)));
			}
		});
	}

	/** Approves the action plan and plans the follow-up review about six months on. */
	@Transactional
	public Review approveActionPlan(UUID id, int version) {
		change(id, version, review -> {
			review.approveActionPlan(this.clock.instant());
			this.timeline.record(id, ReviewStatus.ACTION_PLAN_SUBMITTED, ReviewStatus.FOLLOW_UP,
					text("review.followUpDue", review.followUpDueOn().format(DATE)));
		});
		Review approved = get(id, ProviderScope.everything());
		// a review already in progress serves as the follow-up
		Review followUp = inProgress(approved.careServiceId()).map(other -> get(other, ProviderScope.everything()))
			.orElseGet(() -> plan(approved.careServiceId(), ReviewKind.FOLLOW_UP, approved.followUpDueOn(),
					approved.officerId(), approved.id()));
		approved.followedUpBy(followUp.id(), this.clock.instant());
		this.reviews.save(approved);
		return followUp;
	}

	/** The provider marks an action done, with a note and optionally a document. */
	@Transactional
	public void completeAction(UUID id, ProviderScope scope, UUID actionId, LocalDate completedOn, String note,
			UUID documentId) {
		this.actions.complete(get(id, scope), actionId, completedOn, note, documentId);
	}

	// Helpers
	// --------------------

	private void change(UUID id, int version, Consumer<Review> step) {
		Review review = this.reviews.findById(id).orElseThrow(() -> new RecordNotFoundException("No such review"));
		if (review.version() != version) {
			throw new ReviewChangedException();
		}
		step.accept(review);
		try {
			this.reviews.save(review);
		}
		catch (OptimisticLockingFailureException ex) {
			throw new ReviewChangedException();
		}
	}

	List<UserSummary> providerUsers(Review review) {
		return this.users.ofProvider(new ProviderId(review.providerId()))
			.stream()
			.filter(UserSummary::enabled)
			.toList();
	}

	void notifyOfficer(Review review, String dedupeKey, String subject, String bodyKey, Object... args) {
		if (review.officerId() == null) {
			return;
		}
		this.users.find(review.officerId()).filter(UserSummary::enabled).ifPresent(officer -> {
			Object[] all = new Object[args.length + 2];
			all[0] = officer.displayName();
			all[1] = review.reference();
			System.arraycopy(args, 0, all, 2, args.length);
			this.outbox.queue(dedupeKey + ":" + officer.id(), officer.email(), subject, text(bodyKey, all));
		});
	}

	String serviceName(Review review) {
		return this.register.service(review.careServiceId(), ProviderScope.everything())
			.map(service -> service.name() + " (" + service.providerName() + ")")
			.orElse(review.reference());
	}

	String link(String path) {
		return this.baseUrl + path;
	}

	LocalDate today() {
		return UkTime.today(this.clock);
	}

	String text(String key, Object... args) {
		return this.messages.getMessage(key, args, key, Locale.UK);
	}

}
