package org.carecycle.quality;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The review's state machine: every step in order, and every step out of order refused.
 */
class ReviewTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 2);

	private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");

	private final Framework framework = Frameworks0.pamms();

	private Review planned() {
		return Review.plan("QA-2026-000001", UUID.randomUUID(), UUID.randomUUID(), this.framework, ReviewKind.ANNUAL,
				TODAY, UUID.randomUUID(), null, NOW);
	}

	private Review gathered(QaRating rating) {
		Review review = planned();
		review.recordVisit(TODAY, TODAY, false, "The manager and 4 residents", null, NOW);
		Frameworks0.all(rating).forEach((key, r) -> review.rate(key, r, "Findings for " + key, NOW));
		review.writeSummary("Summary", NOW);
		return review;
	}

	private RatingRule.Calculation calculation(Review review) {
		return RatingRule.calculate(this.framework, review.ratings());
	}

	private Review sent(QaRating rating) {
		Review review = gathered(rating);
		review.prepareDraft(calculation(review), NOW);
		review.sendToProvider(calculation(review), TODAY, NOW);
		return review;
	}

	@Test
	void aGoodReviewGoesFromPlannedToClosedOnPublication() {
		Review review = planned();
		assertThat(review.status()).isEqualTo(ReviewStatus.PLANNED);
		review.recordVisit(TODAY, TODAY, true, "Manager", "Rotas", NOW);
		assertThat(review.status()).isEqualTo(ReviewStatus.EVIDENCE);
		Frameworks0.all(QaRating.GOOD).forEach((key, r) -> review.rate(key, r, "Fine", NOW));
		review.writeSummary("A good service", NOW);
		review.prepareDraft(calculation(review), NOW);
		assertThat(review.status()).isEqualTo(ReviewStatus.DRAFT);
		assertThat(review.overallRating()).isEqualTo(QaRating.GOOD);
		review.sendToProvider(calculation(review), TODAY, NOW);
		assertThat(review.status()).isEqualTo(ReviewStatus.FACTUAL_ACCURACY);
		assertThat(review.commentsDueOn()).isEqualTo(TODAY.plusDays(14));
		review.respond(TODAY.plusDays(3), NOW);
		assertThat(review.status()).isEqualTo(ReviewStatus.FACTUAL_ACCURACY);
		assertThat(review.whyNotPublishable(TODAY.plusDays(3))).isEmpty();
		review.publish(calculation(review), null, null, null, TODAY.plusDays(3), NOW);
		assertThat(review.status()).isEqualTo(ReviewStatus.CLOSED);
		assertThat(review.publishedOn()).isEqualTo(TODAY.plusDays(3));
		assertThat(review.actionPlanDueOn()).isNull();
	}

	@Test
	void nothingCanBeSkipped() {
		Review review = planned();
		assertThatIllegalStateException().isThrownBy(() -> review.rate("CONSENT", QaRating.GOOD, "x", NOW))
			.withMessageContaining("Record the visit");
		assertThatIllegalStateException().isThrownBy(() -> review.prepareDraft(calculation(review), NOW));
		assertThatIllegalStateException().isThrownBy(() -> review.sendToProvider(calculation(review), TODAY, NOW))
			.withMessage("Only a draft can be sent to the provider");
		assertThatIllegalStateException()
			.isThrownBy(() -> review.publish(calculation(review), null, null, null, TODAY, NOW))
			.withMessageContaining("must be sent to the provider");
		assertThatIllegalStateException().isThrownBy(() -> review.submitActionPlan(Map.of(), NOW));
		assertThatIllegalStateException().isThrownBy(() -> review.approveActionPlan(NOW));
		assertThatIllegalStateException().isThrownBy(() -> review.close(NOW));
		assertThatIllegalStateException().isThrownBy(() -> review.respond(TODAY, NOW));
	}

	@Test
	void theDraftNeedsEveryStandardRatedWithFindingsAndASummary() {
		Review review = planned();
		review.recordVisit(TODAY, TODAY, false, "Manager", null, NOW);
		Frameworks0.all(QaRating.GOOD).forEach((key, r) -> {
			if (!key.equals("RECORDS")) {
				review.rate(key, r, "Fine", NOW);
			}
		});
		review.writeSummary("Summary", NOW);
		assertThatIllegalStateException().isThrownBy(() -> review.prepareDraft(calculation(review), NOW))
			.withMessageContaining("RECORDS not rated yet");
		review.rate("RECORDS", QaRating.GOOD, " ", NOW);
		assertThatIllegalStateException().isThrownBy(() -> review.prepareDraft(calculation(review), NOW))
			.withMessageContaining("Write the findings");
		review.rate("RECORDS", QaRating.GOOD, "Fine", NOW);
		review.writeSummary(null, NOW);
		assertThatIllegalStateException().isThrownBy(() -> review.prepareDraft(calculation(review), NOW))
			.withMessageContaining("summary");
	}

	@Test
	void findingsCannotBeEditedOnceTheDraftIsWithTheProviderOrPublished() {
		Review review = sent(QaRating.GOOD);
		assertThatIllegalStateException().isThrownBy(() -> review.rate("CONSENT", QaRating.POOR, "x", NOW))
			.withMessageContaining("sent to the provider");
		assertThatIllegalStateException().isThrownBy(() -> review.writeSummary("changed", NOW));
		review.respond(TODAY, NOW);
		review.publish(calculation(review), null, null, null, TODAY, NOW);
		assertThatIllegalStateException().isThrownBy(() -> review.rate("CONSENT", QaRating.POOR, "x", NOW))
			.withMessageContaining("published");
		assertThatIllegalStateException()
			.isThrownBy(() -> review.recordVisit(TODAY, TODAY, true, "someone", null, NOW));
	}

	@Test
	void theProviderHasFourteenCalendarDaysToComment() {
		Review review = sent(QaRating.GOOD);
		assertThat(review.isOpenForComments(TODAY.plusDays(14))).isTrue();
		assertThat(review.isOpenForComments(TODAY.plusDays(15))).isFalse();
		assertThatIllegalStateException()
			.isThrownBy(() -> review.comment("CONSENT", "Not accurate", TODAY.plusDays(15), NOW))
			.withMessageContaining("ended on 16 November 2026");
		// until the window closes the officer cannot publish; after it, without a
		// response,
		// they can
		assertThat(review.whyNotPublishable(TODAY.plusDays(14))).isPresent();
		assertThat(review.whyNotPublishable(TODAY.plusDays(15))).isEmpty();
	}

	@Test
	void aChallengeGoesToASeniorOfficerWhoDecidesEveryCommentBeforePublication() {
		Review review = sent(QaRating.GOOD);
		review.comment("MEDICINES", "The audit was done on the day", TODAY.plusDays(2), NOW);
		review.comment("RECORDS", "Records were shown", TODAY.plusDays(2), NOW);
		review.respond(TODAY.plusDays(2), NOW);
		assertThat(review.status()).isEqualTo(ReviewStatus.DISPUTE_REVIEW);
		assertThat(review.providerChallenged()).isTrue();
		assertThatIllegalStateException().isThrownBy(() -> review.comment("CONSENT", "late", TODAY.plusDays(3), NOW));
		assertThatIllegalStateException()
			.isThrownBy(() -> review.decide("CONSENT", Finding.DisputeOutcome.UPHELD, "x", QaRating.GOOD, null, NOW))
			.withMessageContaining("did not comment");
		review.decide("MEDICINES", Finding.DisputeOutcome.UPHELD, "Agreed", QaRating.EXCELLENT, "Audit seen", NOW);
		assertThat(review.whyNotPublishable(TODAY.plusDays(3))).get().asString().contains("senior officer must decide");
		review.decide("RECORDS", Finding.DisputeOutcome.NOT_UPHELD, "Not seen on the day", null, null, NOW);
		assertThat(review.findingFor("MEDICINES").orElseThrow().rating()).isEqualTo(QaRating.EXCELLENT);
		assertThat(review.findingFor("MEDICINES").orElseThrow().ratingBeforeDispute()).isEqualTo(QaRating.GOOD);
		assertThat(review.findingFor("RECORDS").orElseThrow().rating()).isEqualTo(QaRating.GOOD);
		review.publish(calculation(review), QaRating.GOOD, UUID.randomUUID(), "One upheld", TODAY.plusDays(3), NOW);
		assertThat(review.status()).isEqualTo(ReviewStatus.CLOSED);
		assertThat(review.disputeSummary()).isEqualTo("One upheld");
	}

	@Test
	void aRatingBelowGoodNeedsAnActionPlanForEveryStandardBelowGoodThenAFollowUp() {
		Review review = gathered(QaRating.GOOD);
		review.rate("MEDICINES", QaRating.POOR, "Errors in MAR charts", NOW);
		review.rate("STAFFING", QaRating.REQUIRES_IMPROVEMENT, "Rotas short", NOW);
		review.prepareDraft(calculation(review), NOW);
		review.sendToProvider(calculation(review), TODAY, NOW);
		review.respond(TODAY, NOW);
		review.publish(calculation(review), QaRating.GOOD, null, null, TODAY, NOW);
		assertThat(review.overallRating()).isEqualTo(QaRating.REQUIRES_IMPROVEMENT);
		assertThat(review.status()).isEqualTo(ReviewStatus.ACTION_PLAN_DUE);
		assertThat(review.actionPlanDueOn()).isEqualTo(TODAY.plusDays(14));
		assertThat(review.findingsNeedingAction()).extracting(Finding::standardKey)
			.containsExactlyInAnyOrder("MEDICINES", "STAFFING");
		assertThatIllegalStateException().isThrownBy(() -> review.submitActionPlan(Map.of("MEDICINES", 2), NOW))
			.withMessageContaining("every standard rated below Good");
		review.submitActionPlan(Map.of("MEDICINES", 2, "STAFFING", 1), NOW);
		assertThat(review.status()).isEqualTo(ReviewStatus.ACTION_PLAN_SUBMITTED);
		assertThatIllegalStateException()
			.isThrownBy(() -> review.submitActionPlan(Map.of("MEDICINES", 2, "STAFFING", 1), NOW))
			.withMessageContaining("already been sent");
		review.returnActionPlan("Dates are vague", TODAY.plusDays(13), NOW);
		assertThat(review.status()).isEqualTo(ReviewStatus.ACTION_PLAN_DUE);
		assertThat(review.actionPlanDueOn()).isEqualTo(TODAY.plusDays(20));
		review.submitActionPlan(Map.of("MEDICINES", 2, "STAFFING", 1), NOW);
		review.approveActionPlan(NOW);
		assertThat(review.status()).isEqualTo(ReviewStatus.FOLLOW_UP);
		assertThat(review.followUpDueOn()).isEqualTo(TODAY.plusMonths(6));
		assertThatIllegalStateException().isThrownBy(() -> review.close(NOW));
		review.followedUpBy(UUID.randomUUID(), NOW);
		review.close(NOW);
		assertThat(review.status()).isEqualTo(ReviewStatus.CLOSED);
	}

	@Test
	void onlyAPlannedReviewCanBeMovedOrCancelled() {
		Review review = planned();
		review.reschedule(TODAY.plusDays(30), null, NOW);
		assertThat(review.plannedFor()).isEqualTo(TODAY.plusDays(30));
		assertThatIllegalStateException().isThrownBy(() -> review.recordVisit(TODAY, TODAY, true, "x", null, NOW))
			.withMessageContaining("Assign an officer");
		review.reschedule(TODAY, UUID.randomUUID(), NOW);
		review.recordVisit(TODAY, TODAY, true, "x", null, NOW);
		assertThatIllegalStateException().isThrownBy(() -> review.reschedule(TODAY, null, NOW));
		assertThatIllegalStateException().isThrownBy(() -> review.cancel("no", NOW));
		Review other = planned();
		other.cancel("The contract ended", NOW);
		assertThat(other.status()).isEqualTo(ReviewStatus.CANCELLED);
		assertThatIllegalStateException().isThrownBy(() -> other.recordVisit(TODAY, TODAY, true, "x", null, NOW));
	}

	@Test
	void aReviewStartsOnlyAgainstThePublishedFramework() {
		assertThatIllegalStateException().isThrownBy(() -> Review.plan("QA-1", UUID.randomUUID(), UUID.randomUUID(),
				Frameworks0.pamms(Framework.Status.DRAFT), ReviewKind.ANNUAL, TODAY, null, null, NOW));
	}

}
