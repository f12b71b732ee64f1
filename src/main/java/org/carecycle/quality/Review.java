package org.carecycle.quality;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A quality assurance review of one service, from planned to closed. The steps follow the
 * council's process and none can be skipped: evidence is gathered and every standard
 * rated before a draft exists; the provider has 14 days to check the draft's facts; a
 * challenge goes to a senior officer before publication; a rating below Good needs the
 * provider's action plan within 14 days and a follow-up review about six months later.
 * Each method refuses a step that does not follow from where the review is, with a
 * sentence a person can read.
 */
@Table("qa_review")
public class Review {

	@Id
	private UUID id;

	@Version
	private Integer version;

	private String reference;

	private UUID careServiceId;

	private UUID providerId;

	private UUID frameworkVersionId;

	private ReviewKind kind;

	private ReviewStatus status;

	private LocalDate plannedFor;

	private UUID officerId;

	private UUID followsReviewId;

	private LocalDate visitStartedOn;

	private LocalDate visitEndedOn;

	private Boolean announced;

	private String peopleSpokenTo;

	private String documentsRequested;

	private String summary;

	private QaRating overallRating;

	private BigDecimal overallPercent;

	private Instant sentToProviderAt;

	private LocalDate commentsDueOn;

	private Instant providerRespondedAt;

	private Boolean providerChallenged;

	private UUID disputeDecidedBy;

	private Instant disputeDecidedAt;

	private String disputeSummary;

	private Instant publishedAt;

	private LocalDate publishedOn;

	private QaRating previousRating;

	private LocalDate actionPlanDueOn;

	private Instant actionPlanSubmittedAt;

	private Instant actionPlanApprovedAt;

	private String actionPlanReturned;

	private LocalDate followUpDueOn;

	private UUID followUpReviewId;

	private Instant closedAt;

	private String cancelledReason;

	private Instant createdAt;

	private Instant updatedAt;

	@MappedCollection(idColumn = "review_id")
	private Set<Finding> findings = new LinkedHashSet<>();

	Review() {
	}

	static Review plan(String reference, UUID careServiceId, UUID providerId, Framework framework, ReviewKind kind,
			LocalDate plannedFor, UUID officerId, UUID followsReviewId, Instant now) {
		if (framework.status() != Framework.Status.PUBLISHED) {
			throw new IllegalStateException("A review is scored against the framework version in use");
		}
		Review review = new Review();
		review.id = UUID.randomUUID();
		review.reference = Objects.requireNonNull(reference);
		review.careServiceId = Objects.requireNonNull(careServiceId);
		review.providerId = Objects.requireNonNull(providerId);
		review.frameworkVersionId = framework.id();
		review.kind = Objects.requireNonNull(kind);
		review.status = ReviewStatus.PLANNED;
		review.plannedFor = Objects.requireNonNull(plannedFor);
		review.officerId = officerId;
		review.followsReviewId = followsReviewId;
		for (Framework.Standard standard : framework.standards()) {
			review.findings.add(new Finding(standard.key()));
		}
		review.createdAt = now;
		review.updatedAt = now;
		return review;
	}

	// Planning
	// --------------------

	void reschedule(LocalDate plannedFor, UUID officerId, Instant now) {
		requireStatus(ReviewStatus.PLANNED, "Only a planned review can be moved or reassigned");
		this.plannedFor = Objects.requireNonNull(plannedFor);
		this.officerId = officerId;
		this.updatedAt = now;
	}

	void cancel(String reason, Instant now) {
		requireStatus(ReviewStatus.PLANNED, "Only a review that has not started can be cancelled");
		this.status = ReviewStatus.CANCELLED;
		this.cancelledReason = Objects.requireNonNull(reason);
		this.updatedAt = now;
	}

	// Gathering evidence and writing the draft
	// --------------------

	/** Records the visit; the first time, evidence gathering starts. */
	void recordVisit(LocalDate startedOn, LocalDate endedOn, boolean announced, String peopleSpokenTo,
			String documentsRequested, Instant now) {
		if (this.status != ReviewStatus.PLANNED && !isEditable()) {
			throw new IllegalStateException(ReviewRefusals.notEditable(this.status));
		}
		if (endedOn.isBefore(startedOn)) {
			throw new IllegalArgumentException("The visit cannot end before it starts");
		}
		if (this.officerId == null) {
			throw new IllegalStateException("Assign an officer to the review before recording the visit");
		}
		this.visitStartedOn = startedOn;
		this.visitEndedOn = endedOn;
		this.announced = announced;
		this.peopleSpokenTo = peopleSpokenTo;
		this.documentsRequested = documentsRequested;
		if (this.status == ReviewStatus.PLANNED) {
			this.status = ReviewStatus.EVIDENCE;
		}
		this.updatedAt = now;
	}

	void rate(String standardKey, QaRating rating, String findingsText, Instant now) {
		if (!isEditable()) {
			throw new IllegalStateException(ReviewRefusals.notEditable(this.status));
		}
		finding(standardKey).rate(rating, findingsText);
		this.updatedAt = now;
	}

	void writeSummary(String summary, Instant now) {
		if (!isEditable()) {
			throw new IllegalStateException(ReviewRefusals.notEditable(this.status));
		}
		this.summary = summary;
		this.updatedAt = now;
	}

	/**
	 * Evidence and findings can change while the review is gathering evidence or in
	 * draft.
	 */
	public boolean isEditable() {
		return this.status == ReviewStatus.EVIDENCE || this.status == ReviewStatus.DRAFT;
	}

	/**
	 * Turns the evidence into a draft with indicative ratings, once everything is rated.
	 */
	void prepareDraft(RatingRule.Calculation calculation, Instant now) {
		requireStatus(ReviewStatus.EVIDENCE, "Only a review gathering evidence can become a draft");
		requireComplete(calculation);
		this.status = ReviewStatus.DRAFT;
		score(calculation);
		this.updatedAt = now;
	}

	private void requireComplete(RatingRule.Calculation calculation) {
		if (!calculation.isComplete()) {
			throw new IllegalStateException("Rate every standard before writing the draft: "
					+ String.join(", ", calculation.missing()) + " not rated yet");
		}
		if (!ReviewFindings.allWritten(this.findings)) {
			throw new IllegalStateException("Write the findings for every standard before writing the draft");
		}
		if (this.summary == null || this.summary.isBlank()) {
			throw new IllegalStateException("Write the summary before writing the draft");
		}
	}

	void rescore(RatingRule.Calculation calculation, Instant now) {
		if (this.status == ReviewStatus.DRAFT || this.status == ReviewStatus.DISPUTE_REVIEW) {
			score(calculation);
			this.updatedAt = now;
		}
	}

	private void score(RatingRule.Calculation calculation) {
		this.overallRating = calculation.overall();
		this.overallPercent = calculation.roundedOverallPercent();
	}

	// The provider checks the facts
	// --------------------

	void sendToProvider(RatingRule.Calculation calculation, LocalDate today, Instant now) {
		requireStatus(ReviewStatus.DRAFT, "Only a draft can be sent to the provider");
		requireComplete(calculation);
		score(calculation);
		this.status = ReviewStatus.FACTUAL_ACCURACY;
		this.sentToProviderAt = now;
		this.commentsDueOn = today.plusDays(ReviewTimeLimits.COMMENT_DAYS);
		this.updatedAt = now;
	}

	/** Whether the provider may still comment on the draft. */
	public boolean isOpenForComments(LocalDate today) {
		return this.status == ReviewStatus.FACTUAL_ACCURACY && this.providerRespondedAt == null
				&& !today.isAfter(this.commentsDueOn);
	}

	void comment(String standardKey, String comment, LocalDate today, Instant now) {
		requireOpenForComments(today);
		finding(standardKey).comment(comment, now);
		this.updatedAt = now;
	}

	private void requireOpenForComments(LocalDate today) {
		if (this.status != ReviewStatus.FACTUAL_ACCURACY) {
			throw new IllegalStateException("This review is not waiting for your comments");
		}
		if (this.providerRespondedAt != null) {
			throw new IllegalStateException("Your response to this draft has already been sent");
		}
		if (today.isAfter(this.commentsDueOn)) {
			throw new IllegalStateException(ReviewRefusals.commentsClosed(this.commentsDueOn));
		}
	}

	/**
	 * The provider's answer: with comments it is a challenge that a senior officer
	 * decides, without any it accepts the draft as accurate.
	 */
	void respond(LocalDate today, Instant now) {
		requireOpenForComments(today);
		this.providerRespondedAt = now;
		this.providerChallenged = this.findings.stream().anyMatch(Finding::isChallenged);
		if (this.providerChallenged) {
			this.status = ReviewStatus.DISPUTE_REVIEW;
		}
		this.updatedAt = now;
	}

	/** The senior officer's decision on one challenged finding. */
	void decide(String standardKey, Finding.DisputeOutcome outcome, String response, QaRating newRating,
			String newFindings, Instant now) {
		requireStatus(ReviewStatus.DISPUTE_REVIEW, "Only a challenged draft has comments to decide");
		Finding finding = finding(standardKey);
		if (!finding.isChallenged()) {
			throw new IllegalStateException("The provider did not comment on this standard");
		}
		finding.decide(outcome, response, (newRating != null) ? newRating : finding.rating(), newFindings);
		this.updatedAt = now;
	}

	public boolean isDisputeDecided() {
		return ReviewFindings.allDecided(this.findings);
	}

	/** Whether the review can be published today, and if not, why not. */
	public Optional<String> whyNotPublishable(LocalDate today) {
		return switch (this.status) {
			case FACTUAL_ACCURACY -> (this.providerRespondedAt == null && !today.isAfter(this.commentsDueOn))
					? Optional.of(ReviewRefusals.commentsOpen(this.commentsDueOn)) : Optional.empty();
			case DISPUTE_REVIEW -> isDisputeDecided() ? Optional.empty()
					: Optional.of("A senior officer must decide each of the provider's comments before publication");
			case PLANNED, EVIDENCE, DRAFT -> Optional.of("The draft must be sent to the provider for factual accuracy");
			default -> Optional.of("This review has already been published");
		};
	}

	void publish(RatingRule.Calculation calculation, QaRating previousRating, UUID decidedBy, String disputeSummary,
			LocalDate today, Instant now) {
		Optional<String> why = whyNotPublishable(today);
		if (why.isPresent()) {
			throw new IllegalStateException(why.get());
		}
		requireComplete(calculation);
		if (this.status == ReviewStatus.DISPUTE_REVIEW) {
			this.disputeDecidedBy = decidedBy;
			this.disputeDecidedAt = now;
			this.disputeSummary = disputeSummary;
		}
		score(calculation);
		this.previousRating = previousRating;
		this.publishedAt = now;
		this.publishedOn = today;
		if (this.overallRating.isBelowGood() || !ReviewFindings.belowGood(this.findings).isEmpty()) {
			this.status = ReviewStatus.ACTION_PLAN_DUE;
			this.actionPlanDueOn = today.plusDays(ReviewTimeLimits.ACTION_PLAN_DAYS);
		}
		else {
			this.status = ReviewStatus.CLOSED;
			this.closedAt = now;
		}
		this.updatedAt = now;
	}

	// The action plan and the follow-up
	// --------------------

	/** The standards the provider's action plan must answer: those rated below Good. */
	public List<Finding> findingsNeedingAction() {
		return ReviewFindings.belowGood(this.findings);
	}

	void submitActionPlan(Map<String, Integer> actionsPerStandard, Instant now) {
		requireStatus(ReviewStatus.ACTION_PLAN_DUE,
				(this.status == ReviewStatus.ACTION_PLAN_SUBMITTED)
						? "The action plan has already been sent and is waiting for the officer"
						: "This review does not need an action plan now");
		for (Finding finding : findingsNeedingAction()) {
			if (actionsPerStandard.getOrDefault(finding.standardKey(), 0) == 0) {
				throw new IllegalStateException("Add at least one action for every standard rated below Good");
			}
		}
		this.status = ReviewStatus.ACTION_PLAN_SUBMITTED;
		this.actionPlanSubmittedAt = now;
		this.actionPlanReturned = null;
		this.updatedAt = now;
	}

	/** Whether the provider may change the action plan now. */
	public boolean isActionPlanOpen() {
		return this.status == ReviewStatus.ACTION_PLAN_DUE;
	}

	void returnActionPlan(String reason, LocalDate today, Instant now) {
		requireStatus(ReviewStatus.ACTION_PLAN_SUBMITTED, "Only a submitted action plan can be returned");
		this.status = ReviewStatus.ACTION_PLAN_DUE;
		this.actionPlanReturned = Objects.requireNonNull(reason);
		LocalDate aWeek = today.plusDays(ReviewTimeLimits.RETURNED_PLAN_DAYS);
		if (this.actionPlanDueOn.isBefore(aWeek)) {
			this.actionPlanDueOn = aWeek;
		}
		this.updatedAt = now;
	}

	void approveActionPlan(Instant now) {
		requireStatus(ReviewStatus.ACTION_PLAN_SUBMITTED, "Only a submitted action plan can be approved");
		this.status = ReviewStatus.FOLLOW_UP;
		this.actionPlanApprovedAt = now;
		this.followUpDueOn = this.publishedOn.plusMonths(ReviewTimeLimits.FOLLOW_UP_MONTHS);
		this.updatedAt = now;
	}

	void followedUpBy(UUID followUpReviewId, Instant now) {
		requireStatus(ReviewStatus.FOLLOW_UP, "Only a review waiting for its follow-up can be followed up");
		this.followUpReviewId = followUpReviewId;
		this.updatedAt = now;
	}

	/** Closes the review once its follow-up review has been published. */
	void close(Instant now) {
		requireStatus(ReviewStatus.FOLLOW_UP, "A review is closed when its follow-up review is published");
		if (this.followUpReviewId == null) {
			throw new IllegalStateException("A review is closed when its follow-up review is published");
		}
		this.status = ReviewStatus.CLOSED;
		this.closedAt = now;
		this.updatedAt = now;
	}

	private void requireStatus(ReviewStatus expected, String message) {
		if (this.status != expected) {
			throw new IllegalStateException(message);
		}
	}

	private Finding finding(String standardKey) {
		return findingFor(standardKey)
			.orElseThrow(() -> new IllegalArgumentException("No such standard in this review's framework"));
	}

	// Reading
	// --------------------

	public Map<String, QaRating> ratings() {
		return ReviewFindings.ratings(this.findings);
	}

	public Optional<Finding> findingFor(String standardKey) {
		return ReviewFindings.find(this.findings, standardKey);
	}

	public Collection<Finding> findings() {
		return this.findings.stream().sorted(Comparator.comparing(Finding::standardKey)).toList();
	}

	public boolean isPublished() {
		return this.publishedAt != null;
	}

	public UUID id() {
		return this.id;
	}

	public int version() {
		return (this.version != null) ? this.version : 0;
	}

	public String reference() {
		return this.reference;
	}

	public UUID careServiceId() {
		return this.careServiceId;
	}

	public UUID providerId() {
		return this.providerId;
	}

	public UUID frameworkVersionId() {
		return this.frameworkVersionId;
	}

	public ReviewKind kind() {
		return this.kind;
	}

	public ReviewStatus status() {
		return this.status;
	}

	public LocalDate plannedFor() {
		return this.plannedFor;
	}

	public UUID officerId() {
		return this.officerId;
	}

	public UUID followsReviewId() {
		return this.followsReviewId;
	}

	public LocalDate visitStartedOn() {
		return this.visitStartedOn;
	}

	public LocalDate visitEndedOn() {
		return this.visitEndedOn;
	}

	public Boolean announced() {
		return this.announced;
	}

	public String peopleSpokenTo() {
		return this.peopleSpokenTo;
	}

	public String documentsRequested() {
		return this.documentsRequested;
	}

	public String summary() {
		return this.summary;
	}

	public QaRating overallRating() {
		return this.overallRating;
	}

	public BigDecimal overallPercent() {
		return this.overallPercent;
	}

	public Instant sentToProviderAt() {
		return this.sentToProviderAt;
	}

	public LocalDate commentsDueOn() {
		return this.commentsDueOn;
	}

	public Instant providerRespondedAt() {
		return this.providerRespondedAt;
	}

	public boolean providerChallenged() {
		return Boolean.TRUE.equals(this.providerChallenged);
	}

	public UUID disputeDecidedBy() {
		return this.disputeDecidedBy;
	}

	public String disputeSummary() {
		return this.disputeSummary;
	}

	public Instant publishedAt() {
		return this.publishedAt;
	}

	public LocalDate publishedOn() {
		return this.publishedOn;
	}

	public QaRating previousRating() {
		return this.previousRating;
	}

	public LocalDate actionPlanDueOn() {
		return this.actionPlanDueOn;
	}

	public Instant actionPlanSubmittedAt() {
		return this.actionPlanSubmittedAt;
	}

	public Instant actionPlanApprovedAt() {
		return this.actionPlanApprovedAt;
	}

	public String actionPlanReturned() {
		return this.actionPlanReturned;
	}

	public LocalDate followUpDueOn() {
		return this.followUpDueOn;
	}

	public UUID followUpReviewId() {
		return this.followUpReviewId;
	}

	public Instant closedAt() {
		return this.closedAt;
	}

	public String cancelledReason() {
		return this.cancelledReason;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

}
