package org.carecycle.quality;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rating rule, step by step, on the seeded framework's shape. */
class RatingRuleTests {

	private final Framework framework = Frameworks0.pamms();

	@Test
	void everyStandardGoodIsGoodAtSeventyFivePercent() {
		RatingRule.Calculation calculation = RatingRule.calculate(this.framework, Frameworks0.all(QaRating.GOOD));
		assertThat(calculation.roundedOverallPercent()).isEqualByComparingTo("75.0");
		assertThat(calculation.overall()).isEqualTo(QaRating.GOOD);
		assertThat(calculation.limits()).isEmpty();
		assertThat(calculation.domains()).allSatisfy(domain -> {
			assertThat(domain.rating()).isEqualTo(QaRating.GOOD);
			assertThat(domain.maximum()).isEqualTo(4 * domain.domain().standards().size());
		});
	}

	@Test
	void bandsFollowCqcPercentages() {
		assertThat(QaRating.forPercent(new BigDecimal("88"))).isEqualTo(QaRating.EXCELLENT);
		assertThat(QaRating.forPercent(new BigDecimal("87.99"))).isEqualTo(QaRating.GOOD);
		assertThat(QaRating.forPercent(new BigDecimal("63"))).isEqualTo(QaRating.GOOD);
		assertThat(QaRating.forPercent(new BigDecimal("62.9"))).isEqualTo(QaRating.REQUIRES_IMPROVEMENT);
		assertThat(QaRating.forPercent(new BigDecimal("39"))).isEqualTo(QaRating.REQUIRES_IMPROVEMENT);
		assertThat(QaRating.forPercent(new BigDecimal("38.9"))).isEqualTo(QaRating.POOR);
		assertThat(QaRating.forPercent(new BigDecimal("25"))).isEqualTo(QaRating.POOR);
	}

	@Test
	void onePoorSafeguardingStandardLimitsAGoodScoreToRequiresImprovement() {
		Map<String, QaRating> ratings = Frameworks0.all(QaRating.GOOD);
		ratings.put("SAFEGUARDING", QaRating.POOR);
		RatingRule.Calculation calculation = RatingRule.calculate(this.framework, ratings);
		// the safety domain scores (1 + 4 x 3) / 20 = 65%, still Good, and the overall
		// 73%
		RatingRule.DomainScore safety = calculation.domains().get(2);
		assertThat(safety.points()).isEqualTo(13);
		assertThat(safety.roundedPercent()).isEqualByComparingTo("65.0");
		assertThat(safety.rating()).isEqualTo(QaRating.GOOD);
		assertThat(calculation.fromScore()).isEqualTo(QaRating.GOOD);
		assertThat(calculation.overall()).isEqualTo(QaRating.REQUIRES_IMPROVEMENT);
		assertThat(calculation.limits()).singleElement()
			.satisfies(limit -> assertThat(limit.reasonKey()).isEqualTo("qaRule.limit.poorInCappingDomain"));
	}

	@Test
	void aPoorStandardElsewhereDoesNotLimitTheOverall() {
		Map<String, QaRating> ratings = Frameworks0.all(QaRating.GOOD);
		ratings.put("RECORDS", QaRating.POOR);
		RatingRule.Calculation calculation = RatingRule.calculate(this.framework, ratings);
		assertThat(calculation.overall()).isEqualTo(QaRating.GOOD);
		assertThat(calculation.limits()).isEmpty();
	}

	@Test
	void twoPoorDomainsMakeTheOverallPoorWhateverTheScore() {
		Map<String, QaRating> ratings = Frameworks0.all(QaRating.EXCELLENT);
		ratings.put("RESPECTING_AND_INVOLVING", QaRating.POOR);
		ratings.put("CONSENT", QaRating.POOR);
		ratings.put("REQUIREMENTS_FOR_WORKERS", QaRating.POOR);
		ratings.put("STAFFING", QaRating.POOR);
		ratings.put("SUPPORTING_STAFF", QaRating.POOR);
		RatingRule.Calculation calculation = RatingRule.calculate(this.framework, ratings);
		// 3 domains at 100% and 2 at 25%: 70% would be Good
		assertThat(calculation.roundedOverallPercent()).isEqualByComparingTo("70.0");
		assertThat(calculation.fromScore()).isEqualTo(QaRating.GOOD);
		assertThat(calculation.overall()).isEqualTo(QaRating.POOR);
		assertThat(calculation.limits()).extracting(RatingRule.Limit::reasonKey)
			.containsExactly("qaRule.limit.twoPoorDomains");
	}

	@Test
	void onePoorDomainLimitsTheOverallToRequiresImprovement() {
		Map<String, QaRating> ratings = Frameworks0.all(QaRating.EXCELLENT);
		ratings.put("RESPECTING_AND_INVOLVING", QaRating.POOR);
		ratings.put("CONSENT", QaRating.POOR);
		RatingRule.Calculation calculation = RatingRule.calculate(this.framework, ratings);
		assertThat(calculation.fromScore()).isEqualTo(QaRating.GOOD);
		assertThat(calculation.overall()).isEqualTo(QaRating.REQUIRES_IMPROVEMENT);
		assertThat(calculation.limits()).extracting(RatingRule.Limit::subject).containsExactly("INVOLVEMENT");
	}

	@Test
	void excellentOverallNeedsEveryStandardGoodOrBetter() {
		Map<String, QaRating> ratings = Frameworks0.all(QaRating.EXCELLENT);
		ratings.put("COMPLAINTS", QaRating.REQUIRES_IMPROVEMENT);
		RatingRule.Calculation calculation = RatingRule.calculate(this.framework, ratings);
		assertThat(calculation.fromScore()).isEqualTo(QaRating.EXCELLENT);
		assertThat(calculation.overall()).isEqualTo(QaRating.GOOD);
		assertThat(calculation.limits()).extracting(RatingRule.Limit::reasonKey)
			.containsExactly("qaRule.limit.excellentNeedsGood");
	}

	@Test
	void anUnratedStandardGivesNoOverallAndNamesWhatIsMissing() {
		Map<String, QaRating> ratings = Frameworks0.all(QaRating.GOOD);
		ratings.remove("MEDICINES");
		RatingRule.Calculation calculation = RatingRule.calculate(this.framework, ratings);
		assertThat(calculation.isComplete()).isFalse();
		assertThat(calculation.overall()).isNull();
		assertThat(calculation.missing()).containsExactly("MEDICINES");
	}

	@Test
	void weightsCountAStandardMoreThanOthers() {
		Framework weighted = new Framework(this.framework.id(), 2, Framework.Status.PUBLISHED, null, null,
				this.framework.domains()
					.stream()
					.map(domain -> new Framework.Domain(domain.key(), domain.name(),
							domain.key().equals("SAFETY") ? 3 : 1, domain.capsOverall(),
							domain.standards()
								.stream()
								.map(s -> new Framework.Standard(s.key(), s.domainKey(), s.name(), s.prompts(),
										s.evidence(), s.keyQuestions(), s.cqcStatements(),
										s.key().equals("MEDICINES") ? 5 : 1))
								.toList()))
					.toList());
		Map<String, QaRating> ratings = Frameworks0.all(QaRating.GOOD);
		ratings.put("MEDICINES", QaRating.REQUIRES_IMPROVEMENT);
		RatingRule.Calculation calculation = RatingRule.calculate(weighted, ratings);
		RatingRule.DomainScore safety = calculation.domains().get(2);
		// 4 standards x 3 + 5 x 2 = 22 of a maximum of 4 x 9 = 36
		assertThat(safety.points()).isEqualTo(22);
		assertThat(safety.maximum()).isEqualTo(36);
		assertThat(safety.rating()).isEqualTo(QaRating.REQUIRES_IMPROVEMENT);
		// (4 x 75 + 3 x 61.1) / 7 = 69.0
		assertThat(calculation.roundedOverallPercent()).isEqualByComparingTo("69.0");
		assertThat(calculation.overall()).isEqualTo(QaRating.GOOD);
	}

}
