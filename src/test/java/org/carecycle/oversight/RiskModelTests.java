package org.carecycle.oversight;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.carecycle.oversight.RiskAssessment.Contribution;
import org.carecycle.oversight.RiskSignals.CqcRating;
import org.carecycle.oversight.RiskSignals.DatedRating;
import org.carecycle.oversight.RiskSignals.KeyQuestion;
import org.carecycle.oversight.RiskSignals.QaRating;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The risk model's points, bands, explanation and guarantees. */
class RiskModelTests {

	private static final int SIGNALS = 16;

	private final RiskModel model = new RiskModel();

	@Test
	void bandsHaveDocumentedThresholds() {
		assertThat(RiskBand.forScore(0)).isEqualTo(RiskBand.LOW);
		assertThat(RiskBand.forScore(19)).isEqualTo(RiskBand.LOW);
		assertThat(RiskBand.forScore(20)).isEqualTo(RiskBand.MEDIUM);
		assertThat(RiskBand.forScore(39)).isEqualTo(RiskBand.MEDIUM);
		assertThat(RiskBand.forScore(40)).isEqualTo(RiskBand.HIGH);
		assertThat(RiskBand.forScore(59)).isEqualTo(RiskBand.HIGH);
		assertThat(RiskBand.forScore(60)).isEqualTo(RiskBand.CRITICAL);
		assertThat(RiskBand.forScore(100)).isEqualTo(RiskBand.CRITICAL);
		assertThat(RiskBand.HIGH.isAlert()).isTrue();
		assertThat(RiskBand.MEDIUM.isAlert()).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> RiskBand.forScore(-1));
		assertThatIllegalArgumentException().isThrownBy(() -> RiskBand.forScore(101));
	}

	@Test
	void knowingNothingScoresNothingButSaysSo() {
		RiskAssessment assessment = this.model.score(RiskSignals.unknown());

		assertThat(assessment.score()).isZero();
		assertThat(assessment.band()).isEqualTo(RiskBand.LOW);
		assertThat(assessment.contributions()).isEmpty();
		assertThat(assessment.unknown()).hasSize(SIGNALS)
			.startsWith("risk.cqc.overall", "risk.cqc.keyQuestion.safe")
			.contains("risk.cqc.keyQuestion.wellLed", "risk.concerns.rate")
			.endsWith("risk.contract.defaultNotices");
		assertThat(assessment.caveats()).containsExactly("risk.caveat.mostSignalsUnknown");
	}

	@Test
	void aCurrentCqcInadequateRatingAloneReachesTheAlertThreshold() {
		RiskAssessment assessment = score(RiskSignals.builder().cqcOverall(CqcRating.INADEQUATE));

		assertThat(assessment.score()).isEqualTo(40);
		assertThat(assessment.band()).isEqualTo(RiskBand.HIGH);
		assertThat(assessment.isAlert()).isTrue();
		assertThat(assessment.contributions())
			.containsExactly(new Contribution("risk.cqc.overall", "INADEQUATE", RiskModel.CQC_INADEQUATE));
	}

	@Test
	void goodNewsIsListedWithNoPoints() {
		RiskAssessment assessment = score(RiskSignals.builder()
			.cqcOverall(CqcRating.OUTSTANDING)
			.qaRating(QaRating.GOOD)
			.seriousConcerns(0)
			.registeredManagerAbsent(false));

		assertThat(assessment.score()).isZero();
		assertThat(assessment.contributions()).extracting(Contribution::signal)
			.containsExactly("risk.cqc.overall", "risk.qa.rating", "risk.concerns.serious", "risk.manager.absent");
		assertThat(assessment.contributions()).allSatisfy((contribution) -> assertThat(contribution.points()).isZero());
		assertThat(assessment.unknown()).hasSize(SIGNALS - 4).doesNotContain("risk.qa.rating");
	}

	@Test
	void explainsAServiceLineByLine() {
		RiskAssessment assessment = score(RiskSignals.builder()
			.cqcOverall(CqcRating.REQUIRES_IMPROVEMENT)
			.cqcKeyQuestion(KeyQuestion.SAFE, CqcRating.REQUIRES_IMPROVEMENT)
			.cqcKeyQuestion(KeyQuestion.CARING, CqcRating.GOOD)
			.earlierCqcRatings(List.of(new DatedRating(CqcRating.GOOD, LocalDate.of(2022, 3, 1))))
			.qaRating(QaRating.POOR)
			.previousQaRating(QaRating.GOOD)
			.concernsPerCapacity(0.9, 0.3)
			.seriousConcerns(2)
			.openSafeguardingReferrals(0)
			.kpiReturns(1, 0)
			.registeredManagerAbsent(true)
			.contractDefaultNotices(0));

		assertThat(assessment.contributions()).containsExactly(
				new Contribution("risk.cqc.overall", "REQUIRES_IMPROVEMENT", 17),
				new Contribution("risk.cqc.keyQuestion.safe", "REQUIRES_IMPROVEMENT", 4),
				new Contribution("risk.cqc.keyQuestion.caring", "GOOD", 0),
				new Contribution("risk.cqc.earlierBelowGood", "0", 0), new Contribution("risk.qa.rating", "POOR", 30),
				new Contribution("risk.qa.previousBelowGood", "GOOD", 0),
				new Contribution("risk.concerns.rate", "0.90 (peer median 0.30)", 15),
				new Contribution("risk.concerns.serious", "2", 12), new Contribution("risk.safeguarding.open", "0", 0),
				new Contribution("risk.kpi.breached", "1", 3), new Contribution("risk.kpi.late", "0", 0),
				new Contribution("risk.manager.absent", "true", 8),
				new Contribution("risk.contract.defaultNotices", "0", 0));
		assertThat(assessment.score()).isEqualTo(17 + 4 + 30 + 15 + 12 + 3 + 8);
		assertThat(assessment.band()).isEqualTo(RiskBand.CRITICAL);
		assertThat(assessment.unknown()).containsExactly("risk.cqc.keyQuestion.effective",
				"risk.cqc.keyQuestion.responsive", "risk.cqc.keyQuestion.wellLed");
		assertThat(assessment.caveats()).isEmpty();
	}

	@Test
	void aHistoryBelowGoodCountsButADeclineAsSuchDoesNot() {
		RiskSignals.Builder current = RiskSignals.builder().cqcOverall(CqcRating.REQUIRES_IMPROVEMENT);
		int fellFromGood = score(current.earlierCqcRatings(List.of(rated(CqcRating.GOOD, 2020)))).score();
		int stayedBelowGood = score(current.earlierCqcRatings(List.of(rated(CqcRating.REQUIRES_IMPROVEMENT, 2020))))
			.score();
		int longBelowGood = score(current
			.earlierCqcRatings(List.of(rated(CqcRating.REQUIRES_IMPROVEMENT, 2020), rated(CqcRating.INADEQUATE, 2018))))
			.score();
		int improvedToGood = score(RiskSignals.builder()
			.cqcOverall(CqcRating.GOOD)
			.earlierCqcRatings(List.of(rated(CqcRating.INADEQUATE, 2020)))).score();

		assertThat(fellFromGood).isEqualTo(RiskModel.CQC_REQUIRES_IMPROVEMENT);
		assertThat(stayedBelowGood).isEqualTo(RiskModel.CQC_REQUIRES_IMPROVEMENT + RiskModel.CQC_EARLIER_BELOW_GOOD)
			.isEqualTo(24);
		assertThat(longBelowGood).isEqualTo(stayedBelowGood);
		assertThat(improvedToGood).isEqualTo(RiskModel.CQC_EARLIER_BELOW_GOOD);
	}

	@Test
	void concernsCountOnlyWellAbovePeers() {
		assertThat(concernRatePoints(0.29, 0.2)).isZero();
		assertThat(concernRatePoints(0.3, 0.2)).isEqualTo(5);
		assertThat(concernRatePoints(0.4, 0.2)).isEqualTo(10);
		assertThat(concernRatePoints(0.6, 0.2)).isEqualTo(15);
		assertThat(concernRatePoints(0.1, 0.0)).isEqualTo(15);
		assertThat(concernRatePoints(0.0, 0.0)).isZero();
		assertThat(score(RiskSignals.builder().concernsPerCapacity(0.6, null)).unknown())
			.contains("risk.concerns.rate");
	}

	@Test
	void countsAddLessForEachMore() {
		assertThat(safeguardingPoints(0)).isZero();
		assertThat(safeguardingPoints(1)).isEqualTo(10);
		assertThat(safeguardingPoints(2)).isEqualTo(15);
		assertThat(safeguardingPoints(3)).isEqualTo(20);
		assertThat(safeguardingPoints(30)).isEqualTo(20);
	}

	@Test
	void everythingAtItsWorstIsCappedAtOneHundredAndStillAddsUp() {
		RiskAssessment assessment = this.model.score(worst());

		assertThat(assessment.score()).isEqualTo(RiskModel.MAXIMUM_SCORE);
		assertThat(assessment.band()).isEqualTo(RiskBand.CRITICAL);
		assertThat(assessment.unknown()).isEmpty();
		Contribution cap = assessment.contributions().get(assessment.contributions().size() - 1);
		assertThat(cap.signal()).isEqualTo("risk.cap");
		assertThat(cap.points()).isNegative();
		assertThat(assessment.contributions().stream().mapToInt(Contribution::points).sum()).isEqualTo(100);
		assertThat(assessment.contributions()).filteredOn((contribution) -> contribution.points() < 0).hasSize(1);
	}

	@Test
	void caveatsOldOrMissingCqcEvidenceWithoutAddingPoints() {
		RiskAssessment neverInspected = score(RiskSignals.builder().cqcInspections(0).qaRating(QaRating.GOOD));
		RiskAssessment oldGood = score(RiskSignals.builder()
			.cqcOverall(CqcRating.GOOD)
			.monthsSinceLastInspection(RiskModel.OLD_CQC_RATING_MONTHS)
			.cqcInspections(1));
		RiskAssessment recentGood = score(
				RiskSignals.builder().cqcOverall(CqcRating.GOOD).monthsSinceLastInspection(35).cqcInspections(1));

		assertThat(neverInspected.caveats()).contains("risk.caveat.notYetInspected");
		assertThat(neverInspected.score()).isZero();
		assertThat(oldGood.caveats()).contains("risk.caveat.oldCqcRating");
		assertThat(recentGood.caveats()).doesNotContain("risk.caveat.oldCqcRating");
		assertThat(oldGood.score()).isEqualTo(recentGood.score()).isZero();
	}

	@Test
	void contributionsAlwaysAddUpToTheScoreAndTheSameSignalsGiveTheSameAnswer() {
		Random random = new Random(20261122);
		for (int i = 0; i < 5_000; i++) {
			RiskSignals signals = randomSignals(random);
			RiskAssessment assessment = this.model.score(signals);

			assertThat(assessment.contributions().stream().mapToInt(Contribution::points).sum())
				.isEqualTo(assessment.score());
			assertThat(assessment.score()).isBetween(0, 100);
			assertThat(assessment.band()).isEqualTo(RiskBand.forScore(assessment.score()));
			assertThat(assessment.contributions().size() + assessment.unknown().size()
					- (assessment.pointsFor("risk.cap") < 0 ? 1 : 0))
				.isEqualTo(SIGNALS);
			assertThat(this.model.score(signals)).isEqualTo(assessment);
		}
	}

	@Test
	void aWorseValueOfAnySignalNeverLowersTheScore() {
		Random random = new Random(7);
		List<UnaryOperator<RiskSignals>> worsenings = worsenings();
		int raised = 0;
		for (int i = 0; i < 3_000; i++) {
			RiskSignals signals = randomSignals(random);
			int before = this.model.score(signals).score();
			for (UnaryOperator<RiskSignals> worsen : worsenings) {
				int after = this.model.score(worsen.apply(signals)).score();
				assertThat(after).as("worsening %s of %s", worsenings.indexOf(worsen), signals)
					.isGreaterThanOrEqualTo(before);
				raised += (after > before) ? 1 : 0;
			}
		}
		// the worsenings do move scores, so the check above is not vacuous
		assertThat(raised).isGreaterThan(10_000);
	}

	@Test
	void refusesImpossibleSignals() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RiskSignals.builder().openSafeguardingReferrals(-1).build())
			.withMessage("The number of open safeguarding referrals must be 0 or more, not -1");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RiskSignals.builder().concernsPerCapacity(Double.NaN, 0.2).build());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RiskSignals.builder().concernsPerCapacity(Double.POSITIVE_INFINITY, 0.2).build());
	}

	@Test
	void theTheoreticalMaximumIsWellAboveTheCapSoTheCapIsReal() {
		int uncapped = 0;
		for (Contribution contribution : this.model.score(worst()).contributions()) {
			uncapped += Math.max(0, contribution.points());
		}
		assertThat(uncapped).isGreaterThan(RiskModel.MAXIMUM_SCORE);
	}

	/**
	 * The model stays plain Java, so that it runs the same in the application, in the
	 * backtest and anywhere else, whatever the module around it comes to depend on.
	 */
	@Test
	void theModelDependsOnNothingButTheJdk() {
		classes().that()
			.haveNameMatching("org\\.carecycle\\.oversight\\.Risk(Model|Signals|Assessment|Band)(\\$.*)?")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", "org.carecycle.oversight")
			.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("org.carecycle.oversight"));
	}

	private RiskAssessment score(RiskSignals.Builder builder) {
		return this.model.score(builder.build());
	}

	private int concernRatePoints(double rate, double median) {
		return score(RiskSignals.builder().concernsPerCapacity(rate, median)).pointsFor("risk.concerns.rate");
	}

	private int safeguardingPoints(int referrals) {
		return score(RiskSignals.builder().openSafeguardingReferrals(referrals)).pointsFor("risk.safeguarding.open");
	}

	private static DatedRating rated(CqcRating rating, int year) {
		return new DatedRating(rating, LocalDate.of(year, 6, 1));
	}

	private static RiskSignals worst() {
		RiskSignals.Builder builder = RiskSignals.builder().cqcOverall(CqcRating.INADEQUATE);
		for (KeyQuestion question : KeyQuestion.values()) {
			builder.cqcKeyQuestion(question, CqcRating.INADEQUATE);
		}
		return builder.earlierCqcRatings(List.of(rated(CqcRating.INADEQUATE, 2023)))
			.monthsSinceLastInspection(2)
			.cqcInspections(2)
			.qaRating(QaRating.POOR)
			.previousQaRating(QaRating.POOR)
			.concernsPerCapacity(3.0, 0.5)
			.seriousConcerns(5)
			.openSafeguardingReferrals(4)
			.kpiReturns(2, 2)
			.registeredManagerAbsent(true)
			.contractDefaultNotices(2)
			.build();
	}

	/** Signals with each one unknown a quarter of the time, otherwise any value. */
	static RiskSignals randomSignals(Random random) {
		RiskSignals.Builder builder = RiskSignals.builder()
			.cqcOverall(maybe(random, CqcRating.values()))
			.qaRating(maybe(random, QaRating.values()))
			.previousQaRating(maybe(random, QaRating.values()))
			.monthsSinceLastInspection(maybe(random, random.nextInt(80)))
			.cqcInspections(maybe(random, random.nextInt(6)))
			.concernsPerCapacity(maybe(random, random.nextInt(8) * 0.1), maybe(random, random.nextInt(4) * 0.1))
			.seriousConcerns(maybe(random, random.nextInt(5)))
			.openSafeguardingReferrals(maybe(random, random.nextInt(5)))
			.kpiReturns(maybe(random, random.nextInt(3)), maybe(random, random.nextInt(3)))
			.registeredManagerAbsent(maybe(random, random.nextBoolean()))
			.contractDefaultNotices(maybe(random, random.nextInt(4)));
		if (random.nextBoolean()) {
			for (KeyQuestion question : KeyQuestion.values()) {
				builder.cqcKeyQuestion(question, maybe(random, CqcRating.values()));
			}
		}
		if (random.nextInt(4) > 0) {
			List<DatedRating> earlier = new ArrayList<>();
			for (int i = random.nextInt(4); i > 0; i--) {
				earlier.add(rated(CqcRating.values()[random.nextInt(4)], 2024 - i));
			}
			builder.earlierCqcRatings(earlier);
		}
		return builder.build();
	}

	private static <T> T maybe(Random random, T value) {
		return (random.nextInt(4) == 0) ? null : value;
	}

	private static <T> T maybe(Random random, T[] values) {
		return maybe(random, values[random.nextInt(values.length)]);
	}

	/** One step worse for each signal that is known and not already at its worst. */
	private static List<UnaryOperator<RiskSignals>> worsenings() {
		List<UnaryOperator<RiskSignals>> worsenings = new ArrayList<>();
		worsenings.add((s) -> s.toBuilder().cqcOverall(worse(s.cqcOverall())).build());
		for (KeyQuestion question : KeyQuestion.values()) {
			worsenings.add((s) -> (s.cqcKeyQuestions() == null) ? s
					: s.toBuilder().cqcKeyQuestion(question, worse(s.cqcKeyQuestions().get(question))).build());
		}
		worsenings.add((s) -> {
			if (s.earlierCqcRatings() == null || s.earlierCqcRatings().isEmpty()) {
				return s;
			}
			List<DatedRating> earlier = new ArrayList<>(s.earlierCqcRatings());
			earlier.set(0, new DatedRating(worse(earlier.get(0).rating()), earlier.get(0).published()));
			return s.toBuilder().earlierCqcRatings(earlier).build();
		});
		worsenings.add((s) -> (s.earlierCqcRatings() == null) ? s
				: s.toBuilder()
					.earlierCqcRatings(with(s.earlierCqcRatings(), rated(CqcRating.REQUIRES_IMPROVEMENT, 2010)))
					.build());
		worsenings.add((s) -> s.toBuilder().qaRating(worse(s.qaRating())).build());
		worsenings.add((s) -> s.toBuilder().previousQaRating(worse(s.previousQaRating())).build());
		worsenings.add((s) -> s.toBuilder()
			.concernsPerCapacity(plus(s.concernsPerCapacity(), 0.1), s.peerMedianConcernsPerCapacity())
			.build());
		worsenings.add((s) -> s.toBuilder()
			.concernsPerCapacity(s.concernsPerCapacity(),
					(s.peerMedianConcernsPerCapacity() == null) ? null
							: Math.max(0, s.peerMedianConcernsPerCapacity() - 0.1))
			.build());
		worsenings.add((s) -> s.toBuilder().seriousConcerns(plus(s.seriousConcerns())).build());
		worsenings.add((s) -> s.toBuilder().openSafeguardingReferrals(plus(s.openSafeguardingReferrals())).build());
		worsenings.add((s) -> s.toBuilder().kpiReturns(plus(s.kpiReturnsBreached()), s.kpiReturnsLate()).build());
		worsenings.add((s) -> s.toBuilder().kpiReturns(s.kpiReturnsBreached(), plus(s.kpiReturnsLate())).build());
		worsenings.add((s) -> s.toBuilder()
			.registeredManagerAbsent((s.registeredManagerAbsent() == null) ? null : Boolean.TRUE)
			.build());
		worsenings.add((s) -> s.toBuilder().contractDefaultNotices(plus(s.contractDefaultNotices())).build());
		worsenings.add((s) -> s.toBuilder().monthsSinceLastInspection(plus(s.monthsSinceLastInspection())).build());
		return worsenings;
	}

	private static CqcRating worse(CqcRating rating) {
		return (rating == null) ? null : CqcRating.values()[Math.min(rating.ordinal() + 1, 3)];
	}

	private static QaRating worse(QaRating rating) {
		return (rating == null) ? null : QaRating.values()[Math.min(rating.ordinal() + 1, 3)];
	}

	private static Integer plus(Integer count) {
		return (count == null) ? null : count + 1;
	}

	private static Double plus(Double value, double more) {
		return (value == null) ? null : value + more;
	}

	private static <T> List<T> with(List<T> list, T more) {
		List<T> longer = new ArrayList<>(list);
		longer.add(more);
		return longer;
	}

}
