package org.carecycle.oversight;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.carecycle.oversight.RiskBacktest.Case;
import org.carecycle.oversight.RiskBacktest.Comparison;
import org.carecycle.oversight.RiskBacktest.Metrics;
import org.carecycle.oversight.RiskSignals.CqcRating;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the backtest on the real CQC history (a few seconds, nothing written) and holds
 * the figures that justify the model, so that a change to the model or the method that
 * makes them untrue fails the build. See {@code docs/risk-backtest.md}.
 */
class RiskBacktestTests {

	private static RiskBacktest.Result result;

	@BeforeAll
	static void run() throws IOException {
		assertThat(RiskBacktest.DATA).as("CQC's rating history in the repository").exists();
		result = RiskBacktest.run(RiskBacktest.DATA);
	}

	@Test
	void readsTheWholeFile() {
		assertThat(result.facts().rows()).isEqualTo(29_459);
		assertThat(result.facts().locations()).isEqualTo(15_648);
		assertThat(result.facts().spellings()).containsKeys("Requires improvement", "Requires Improvement");
		assertThat(result.cases()).hasSize(result.facts().cases()).hasSizeGreaterThan(13_000);
		assertThat(result.facts().rows() - result.facts().duplicates())
			.isEqualTo(result.facts().firstInspections() + result.facts().onlyRecentEarlier() + result.facts().cases());
	}

	@Test
	void scoresEachInspectionOnlyFromRatingsPublishedWellBeforeIt() {
		assertThat(result.cases()).allSatisfy((c) -> {
			assertThat(c.lastKnown()).isBeforeOrEqualTo(c.published().minusDays(RiskBacktest.LAG_DAYS));
			assertThat(c.assessment().unknown()).contains("risk.qa.rating", "risk.cqc.keyQuestion.safe");
		});
	}

	@Test
	void ranksInadequateResultsFarBetterThanChanceInTheEvaluationYears() {
		Metrics model = result.evaluation().model();

		assertThat(model.inadequate()).isGreaterThan(250);
		assertThat(model.auc()).isGreaterThan(0.6);
		assertThat(model.topDecileLift()).isGreaterThan(2.0);
		assertThat(model.precision()).isGreaterThan(3 * model.baseRate());
		assertThat(model.recall()).isGreaterThan(0.15);
	}

	/**
	 * The model is at least as good as the previous rating alone on every headline
	 * figure, but the AUC gain is small: its 95% interval includes zero, as the document
	 * says. If the gain became clearly positive, the document's wording would change with
	 * it.
	 */
	@Test
	void doesAtLeastAsWellAsThePreviousRatingAloneButOnlyJust() {
		Comparison evaluation = result.evaluation();

		assertThat(evaluation.model().auc()).isGreaterThan(evaluation.baseline().auc());
		assertThat(evaluation.model().topDecileLift()).isGreaterThan(evaluation.baseline().topDecileLift());
		assertThat(evaluation.model().precision()).isGreaterThanOrEqualTo(evaluation.baseline().precision());
		assertThat(result.evaluationAucGain().estimate()).isPositive().isLessThan(0.05);
		assertThat(result.evaluationAucGain().low()).isNegative();
		assertThat(result.evaluationAucGain().high()).isPositive();
	}

	@Test
	void higherBandsHoldMoreInadequateResults() {
		List<Case> evaluation = result.evaluationCases();
		double low = rate(evaluation, (c) -> c.assessment().band() == RiskBand.LOW);
		double medium = rate(evaluation, (c) -> c.assessment().band() == RiskBand.MEDIUM);
		double high = rate(evaluation, (c) -> c.assessment().band() == RiskBand.HIGH);

		assertThat(low).isLessThan(medium);
		assertThat(medium).isLessThan(high);
	}

	@Test
	void holdsInEveryYearWithEnoughInadequateResults() {
		assertThat(result.byYear().values()).filteredOn((year) -> year.model().inadequate() >= BacktestReport.FEW)
			.hasSizeGreaterThanOrEqualTo(8)
			.allSatisfy((year) -> {
				assertThat(year.model().auc()).as(year.name()).isGreaterThan(0.55);
				assertThat(year.model().topDecileLift()).as(year.name()).isGreaterThan(1.5);
			});
	}

	@Test
	void theFittedCqcPointsAreTheModelsConstants() {
		assertThat(result.fit().cases()).isEqualTo(result.fitCases().size());
		assertThat(result.fitCases()).allSatisfy((c) -> assertThat(c.evaluation()).isFalse());
		assertThat(result.fit().requiresImprovementPoints()).isEqualTo(RiskModel.CQC_REQUIRES_IMPROVEMENT);
		assertThat(result.fit().earlierBelowGoodPoints()).isEqualTo(RiskModel.CQC_EARLIER_BELOW_GOOD);
	}

	/**
	 * The fit-period finding behind scoring a history below Good rather than a decline.
	 */
	@Test
	void aFallFromGoodCarriedLessRiskThanAHistoryBelowGood() {
		List<Case> fit = result.fitCases().stream().filter((c) -> c.previous() != null).toList();
		for (CqcRating current : List.of(CqcRating.REQUIRES_IMPROVEMENT, CqcRating.INADEQUATE)) {
			double fell = rate(fit, (c) -> c.current() == current && c.previous() == CqcRating.GOOD);
			double stayed = rate(fit, (c) -> c.current() == current && c.previous().isBelowGood());
			assertThat(fell).as(current.name()).isLessThan(stayed);
		}
	}

	@Test
	void theCommittedDocumentIsWhatTheBacktestWritesNow() throws IOException {
		String committed = Files.readString(RiskBacktest.DOC, StandardCharsets.UTF_8).replace("\r\n", "\n");

		assertThat(committed).as("docs/risk-backtest.md is out of date; re-run: " + RiskBacktest.COMMAND)
			.isEqualTo(RiskBacktest.markdown(result));
	}

	private static double rate(List<Case> cases, Predicate<Case> which) {
		List<Case> chosen = cases.stream().filter(which).toList();
		assertThat(chosen).isNotEmpty();
		return (double) chosen.stream().filter(Case::inadequate).count() / chosen.size();
	}

}
