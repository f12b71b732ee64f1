package org.carecycle.quality;

import java.sql.Timestamp;
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

import org.carecycle.identity.AuditAction;
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
		return this.jdbc.sql("""
				select happened_at, actor_name, from_status, to_status, note from qa_review_event
				where review_id = :id order by happened_at, id""")
			.param("id", reviewId)
			.query(TimelineEntry.class)
			.list();
	}

	/** The review of a service that is planned or being carried out, if there is one. */
	public Optional<UUID> inProgress(UUID serviceId) {
		return this.jdbc.sql("""
				select id from qa_review where care_service_id = :service
				and status in ('PLANNED', 'EVIDENCE', 'DRAFT', 'FACTUAL_ACCURACY', 'DISPUTE_REVIEW')""")
			.param("service", serviceId)
			.query(UUID.class)
			.optional();
	}

	/** The latest published rating of a service before this moment, if any. */
	public Optional<QaRating> latestPublishedRating(UUID serviceId) {
		return this.jdbc.sql("""
				select overall_rating from qa_review where care_service_id = :service and published_at is not null
				order by published_at desc limit 1""")
			.param("service", serviceId)
			.query(String.class)
			.optional()
			.map(QaRating::parse);
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
	 * The reviews of the scope's provider that it may see ({@link #SHOWN_TO_PROVIDER}),
	 * the latest first.
	 */
	public List<ProviderReviewRow> shownToProvider(ProviderScope scope) {
		return this.jdbc
			.sql("""
					select id, reference, care_service_id, status, comments_due_on, provider_responded_at,
					       action_plan_due_on, published_on, overall_rating, follow_up_due_on
					from qa_review where status in (:statuses) and %s
					order by coalesce(published_at, sent_to_provider_at) desc, reference desc"""
				.formatted(scope.sql("provider_id")))
			.params(scope.parameters())
			.param("statuses", SHOWN_TO_PROVIDER.stream().map(Enum::name).toList())
			.query(ProviderReviewRow.class)
			.list();
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
		timeline(review.id(), null, ReviewStatus.PLANNED, text(kind.messageKey()) + ", " + plannedFor.format(DATE));
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
			timeline(id, ReviewStatus.PLANNED, ReviewStatus.PLANNED, plannedFor.format(DATE) + ", " + officer);
		});
	}

	@Transactional
	public void cancel(UUID id, int version, String reason) {
		change(id, version, review -> {
			review.cancel(reason, this.clock.instant());
			timeline(id, ReviewStatus.PLANNED, ReviewStatus.CANCELLED, reason);
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
				timeline(id, before, review.status(), startedOn.format(DATE));
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
		if (!review.isEditable()) {
			throw new IllegalStateException(
					"Evidence can be added only while the review is gathering evidence or in draft");
		}
		if (frameworkOf(review).standard(standardKey).isEmpty()) {
			throw new RecordNotFoundException("No such standard");
		}
		UUID evidenceId = UUID.randomUUID();
		this.jdbc.sql("""
				insert into qa_evidence (id, review_id, standard_key, kind, text, document_id, recorded_by, recorded_at)
				values (:id, :review, :standard, :kind, :text, :document, :by, :at)""")
			.param("id", evidenceId)
			.param("review", id)
			.param("standard", standardKey)
			.param("kind", kind)
			.param("text", text)
			.param("document", documentId)
			.param("by", this.currentUser.get().map(SignedInUser::id).orElse(null))
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
		this.audit.created("QaEvidence", evidenceId,
				Map.of("review", id, "standard", standardKey, "kind", kind, "document", String.valueOf(documentId)));
	}

	public List<Evidence> evidence(UUID reviewId) {
		return this.jdbc.sql("""
				select e.id, e.standard_key, e.kind, e.text, e.document_id, d.file_name as document_name,
				       u.display_name as recorded_by_name, e.recorded_at
				from qa_evidence e
				left join documents_document d on d.id = e.document_id
				left join identity_user_name u on u.id = e.recorded_by
				where e.review_id = :id order by e.recorded_at, e.id""")
			.param("id", reviewId)
			.query(Evidence.class)
			.list();
	}

	/**
	 * Whether a document is evidence of this review (so that it may be downloaded with
	 * it).
	 */
	public boolean isEvidence(UUID reviewId, UUID documentId) {
		return this.jdbc
			.sql("""
					select exists (select 1 from qa_evidence where review_id = :review and document_id = :document)
					    or exists (select 1 from qa_action where review_id = :review and evidence_document_id = :document)""")
			.param("review", reviewId)
			.param("document", documentId)
			.query(Boolean.class)
			.single();
	}

	@Transactional
	public void prepareDraft(UUID id, int version) {
		change(id, version, review -> {
			review.prepareDraft(calculation(review), this.clock.instant());
			timeline(id, ReviewStatus.EVIDENCE, ReviewStatus.DRAFT,
					text(review.overallRating().messageKey()) + " (" + review.overallPercent() + "%)");
		});
	}

	@Transactional
	public void sendToProvider(UUID id, int version) {
		change(id, version, review -> {
			review.sendToProvider(calculation(review), today(), this.clock.instant());
			timeline(id, ReviewStatus.DRAFT, ReviewStatus.FACTUAL_ACCURACY,
					text("review.commentsDue", review.commentsDueOn().format(DATE)));
			String service = serviceName(review);
			for (UserSummary user : providerUsers(review)) {
				this.outbox.queue("qa-draft:" + id + ":" + user.id(), user.email(),
						text("email.qaDraft.subject", review.reference()),
						text("email.qaDraft.body", user.displayName(), service, review.commentsDueOn().format(DATE),
								link("/my-organisation/reviews/" + id), review.reference()));
			}
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
				timeline(id, ReviewStatus.FACTUAL_ACCURACY, ReviewStatus.DISPUTE_REVIEW,
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
				timeline(id, ReviewStatus.FACTUAL_ACCURACY, ReviewStatus.FACTUAL_ACCURACY, text("review.accepted"));
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
			timeline(id, ReviewStatus.DISPUTE_REVIEW, ReviewStatus.DISPUTE_REVIEW,
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
			timeline(id, before, ReviewStatus.CLOSED == review.status() ? ReviewStatus.CLOSED : review.status(),
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
				timeline(original.id(), ReviewStatus.FOLLOW_UP, ReviewStatus.CLOSED, followUp.reference());
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
		return this.jdbc.sql("""
				select a.id, a.standard_key, a.position, a.description, a.owner, a.due_on, a.completed_on,
				       a.completion_note, a.evidence_document_id, d.file_name as evidence_name
				from qa_action a left join documents_document d on d.id = a.evidence_document_id
				where a.review_id = :id order by a.standard_key, a.position""")
			.param("id", reviewId)
			.query(Action.class)
			.list();
	}

	@Transactional
	public void addAction(UUID id, ProviderScope scope, String standardKey, String description, String owner,
			LocalDate dueOn) {
		Review review = get(id, scope);
		if (!review.isActionPlanOpen()) {
			throw new IllegalStateException(review.status() == ReviewStatus.ACTION_PLAN_SUBMITTED
					? "The action plan has been sent and is waiting for the officer's decision"
					: "This review's action plan cannot be changed now");
		}
		if (review.findingsNeedingAction().stream().noneMatch(f -> f.standardKey().equals(standardKey))) {
			throw new IllegalArgumentException("Actions are needed only for standards rated below Good");
		}
		if (dueOn.isBefore(today())) {
			throw new IllegalArgumentException("The date an action is due must be today or in the future");
		}
		Integer position = this.jdbc
			.sql("select coalesce(max(position), 0) + 1 from qa_action where review_id = :id and standard_key = :key")
			.param("id", id)
			.param("key", standardKey)
			.query(Integer.class)
			.single();
		UUID actionId = UUID.randomUUID();
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc
			.sql("""
					insert into qa_action (id, review_id, standard_key, position, description, owner, due_on, created_at, updated_at)
					values (:id, :review, :key, :position, :description, :owner, :due, :now, :now)""")
			.param("id", actionId)
			.param("review", id)
			.param("key", standardKey)
			.param("position", position)
			.param("description", description)
			.param("owner", owner)
			.param("due", dueOn)
			.param("now", now)
			.update();
		this.audit.created("QaAction", actionId,
				Map.of("review", id, "standard", standardKey, "owner", owner, "dueOn", dueOn));
	}

	@Transactional
	public void removeAction(UUID id, ProviderScope scope, UUID actionId) {
		Review review = get(id, scope);
		if (!review.isActionPlanOpen()) {
			throw new IllegalStateException("This review's action plan cannot be changed now");
		}
		int removed = this.jdbc.sql("delete from qa_action where id = :action and review_id = :review")
			.param("action", actionId)
			.param("review", id)
			.update();
		if (removed == 0) {
			throw new RecordNotFoundException("No such action");
		}
		this.audit.deleted("QaAction", actionId, Map.of("review", id));
	}

	@Transactional
	public void submitActionPlan(UUID id, int version, ProviderScope scope) {
		get(id, scope);
		Map<String, Integer> counts = new HashMap<>();
		actions(id).forEach(action -> counts.merge(action.standardKey(), 1, Integer::sum));
		change(id, version, review -> {
			boolean late = today().isAfter(review.actionPlanDueOn());
			review.submitActionPlan(counts, this.clock.instant());
			timeline(id, ReviewStatus.ACTION_PLAN_DUE, ReviewStatus.ACTION_PLAN_SUBMITTED,
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
			timeline(id, ReviewStatus.ACTION_PLAN_SUBMITTED, ReviewStatus.ACTION_PLAN_DUE, reason);
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
			timeline(id, ReviewStatus.ACTION_PLAN_SUBMITTED, ReviewStatus.FOLLOW_UP,
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
		Review review = get(id, scope);
		if (review.status() != ReviewStatus.ACTION_PLAN_SUBMITTED && review.status() != ReviewStatus.FOLLOW_UP) {
			throw new IllegalStateException("Actions can be marked done once the action plan has been sent");
		}
		if (completedOn.isAfter(today())) {
			throw new IllegalArgumentException("The date the action was completed must be today or in the past");
		}
		int changed = this.jdbc.sql("""
				update qa_action set completed_on = :on, completion_note = :note,
				       evidence_document_id = coalesce(:document, evidence_document_id), updated_at = :now
				where id = :action and review_id = :review""")
			.param("on", completedOn)
			.param("note", note)
			.param("document", documentId)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("action", actionId)
			.param("review", id)
			.update();
		if (changed == 0) {
			throw new RecordNotFoundException("No such action");
		}
		this.audit.changed("QaAction", actionId, Map.of(), Map.of("completedOn", completedOn));
	}

	// Deadlines
	// --------------------

	/** Reviews waiting on someone with a date, for the reminder job. */
	record Waiting(UUID id, String reference, UUID careServiceId, UUID providerId, String status, LocalDate dueOn,
			UUID officerId) {
	}

	List<Waiting> waiting() {
		return this.jdbc.sql("""
				select id, reference, care_service_id, provider_id, status,
				       case status when 'FACTUAL_ACCURACY' then comments_due_on else action_plan_due_on end as due_on,
				       officer_id
				from qa_review
				where (status = 'FACTUAL_ACCURACY' and provider_responded_at is null) or status = 'ACTION_PLAN_DUE'""")
			.query(Waiting.class)
			.list();
	}

	/** Records once that an action plan is overdue; true the first time. */
	@Transactional
	public boolean markActionPlanOverdue(UUID id, LocalDate dueOn) {
		boolean already = this.jdbc.sql("""
				select exists (select 1 from qa_review_event where review_id = :id and to_status = 'OVERDUE'
				               and note = :due)""")
			.param("id", id)
			.param("due", dueOn.toString())
			.query(Boolean.class)
			.single();
		if (already) {
			return false;
		}
		this.jdbc.sql("""
				insert into qa_review_event (review_id, happened_at, actor_name, from_status, to_status, note)
				values (:id, :at, :actor, 'ACTION_PLAN_DUE', 'OVERDUE', :due)""")
			.param("id", id)
			.param("at", Timestamp.from(this.clock.instant()))
			.param("actor", text("review.actor.system"))
			.param("due", dueOn.toString())
			.update();
		return true;
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

	private void timeline(UUID reviewId, ReviewStatus from, ReviewStatus to, String note) {
		SignedInUser user = this.currentUser.get().orElse(null);
		this.jdbc.sql("""
				insert into qa_review_event (review_id, happened_at, actor_id, actor_name, from_status, to_status, note)
				values (:review, :at, :actor, :name, :from, :to, :note)""")
			.param("review", reviewId)
			.param("at", Timestamp.from(this.clock.instant()))
			.param("actor", (user != null) ? user.id() : null)
			.param("name", (user != null) ? user.displayName() : text("review.actor.system"))
			.param("from", (from != null) ? from.name() : null)
			.param("to", to.name())
			.param("note", note)
			.update();
		if (from != to) {
			this.audit.record(AuditAction.CHANGED, "Review", reviewId,
					"Review " + ((from != null) ? from.name() + " -> " : "") + to.name());
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

	/** Someone else changed the review since the page was drawn. */
	public static class ReviewChangedException extends RuntimeException {

		public ReviewChangedException() {
			super("Someone else changed this review while you were working on it");
		}

	}

	/** The service already has a review in progress. */
	public static class AlreadyPlannedException extends RuntimeException {

		public AlreadyPlannedException() {
			super("This service already has a review planned or in progress");
		}

	}

	/** The signed-in user may not take this step. */
	public static class NotPermittedException extends RuntimeException {

		public NotPermittedException(String message) {
			super(message);
		}

	}

}
