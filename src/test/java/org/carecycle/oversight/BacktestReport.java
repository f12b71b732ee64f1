package org.carecycle.oversight;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.carecycle.oversight.RiskBacktest.Case;
import org.carecycle.oversight.RiskBacktest.Comparison;
import org.carecycle.oversight.RiskBacktest.Facts;
import org.carecycle.oversight.RiskBacktest.Fit;
import org.carecycle.oversight.RiskBacktest.Interval;
import org.carecycle.oversight.RiskBacktest.Metrics;
import org.carecycle.oversight.RiskSignals.CqcRating;

/**
 * Writes the backtest's results as {@code docs/risk-backtest.md}. Every figure comes from
 * the run and every weight from {@link RiskModel}, so the document cannot drift from the
 * code; the sentences that judge the results choose their words from the figures.
 */
final class BacktestReport {

	/** Years with fewer Inadequate results than this are marked as too few to judge. */
	static final int FEW = 20;

	private final RiskBacktest.Result result;

	private final StringBuilder out = new StringBuilder();

	BacktestReport(RiskBacktest.Result result) {
		this.result = result;
	}

	String markdown() {
		Facts facts = this.result.facts();
		Comparison evaluation = this.result.evaluation();
		Metrics model = evaluation.model();
		Metrics baseline = evaluation.baseline();
		Interval gain = this.result.evaluationAucGain();
		Fit fit = this.result.fit();
		List<Case> evaluationCases = this.result.evaluationCases();
		List<Case> fitCases = this.result.fitCases();
		boolean sameAlerts = this.result.cases().stream().allMatch((c) -> c.modelAlert() == c.baselineAlert());

		line("# Backtest of the provider risk model");
		line();
		line("Written by `RiskBacktest` (src/test/java/org/carecycle/oversight); do not edit by hand. To re-run it");
		line("from the project root (it reads `" + RiskBacktest.DATA + "`):");
		line();
		line("```");
		line(RiskBacktest.COMMAND);
		line("```");
		line();
		line("`RiskBacktestTests` runs the same computation in the build and fails if the headline figures stop");
		line("holding or if this document is out of date.");
		line();
		line("## The question");
		line();
		line("When CQC inspects a community care service it has inspected before, does the risk score, worked out only");
		line("from what was public before the inspection, put the inspections that end **Inadequate** ahead of the");
		line("rest? And does it do better than the simplest thing an officer could do instead: look at the previous");
		line("rating?");
		line();
		line("## Headline");
		line();
		line("On the " + n(model.cases()) + " inspections published from " + date(RiskBacktest.EVALUATION_FROM) + " to "
				+ date(facts.last()) + ", which played no part in setting the weights:");
		line();
		line("- " + pct(model.baseRate()) + " ended Inadequate (the base rate).");
		line("- The score's ROC AUC was " + f3(model.auc()) + " against " + f3(baseline.auc())
				+ " for the previous rating alone and 0.500 for chance. The gain over the previous rating, "
				+ signed(gain.estimate()) + ", has a 95% interval of " + signed(gain.low()) + " to "
				+ signed(gain.high()) + (gain.low() > 0 ? "." : ", so it is within the noise."));
		line("- The tenth of inspections with the highest scores held " + f2(model.topDecileLift())
				+ " times the base rate of Inadequate results (the previous rating alone: "
				+ f2(baseline.topDecileLift()) + "; chance: 1.00).");
		line("- At the alert threshold (score " + RiskBand.HIGH.lowestScore()
				+ " or more, HIGH or CRITICAL) the model flagged " + n(model.alerted()) + " inspections ("
				+ pct(model.alertShare()) + "); " + pct(model.precision()) + " of them ended Inadequate (precision, "
				+ f1(model.precision() / model.baseRate()) + " times the base rate), and they were "
				+ pct(model.recall()) + " of all Inadequate results (recall).");
		if (sameAlerts) {
			line("  With CQC history as the only evidence, only a current Inadequate rating reaches the threshold, so the");
			line("  model flags exactly the inspections the previous rating flags.");
		}
		line();
		line(verdict(model, baseline, gain));
		line();
		line("## Data");
		line();
		line("`" + RiskBacktest.DATA + "` (CQC rating history of community social care");
		line("locations in England: home care, supported living and similar, no care homes; from the CQC API via the");
		line("public repository BenGoodair/ITV, Open Government Licence): " + n(facts.rows()) + " rated inspections of "
				+ n(facts.locations()) + " locations, published " + date(facts.first()) + " to " + date(facts.last())
				+ ".");
		line();
		line("| spelling in `overall` | rows | read as |");
		line("|---|---:|---|");
		facts.spellings()
			.forEach((spelling, count) -> line("| " + spelling + " | " + n(count) + " | "
					+ CqcRating.valueOf(spelling.toUpperCase(Locale.ROOT).replace(' ', '_')) + " |"));
		line();
		line("The other columns:");
		line();
		line("- `rating` is `overall` with the two spellings of Requires improvement made one; `good` is 1 for Good or");
		line("  Outstanding. Both restate the outcome, so neither is ever a signal.");
		line("- `location_start_2025` and `location_end_2025` are **Stata dates** (days since 1 January 1960), one pair");
		line("  per location, taken from a 2025 snapshot: the earliest start is " + date(facts.earliestRegistered())
				+ ", the day regulation of adult social");
		line("  care under the Health and Social Care Act 2008 began, and the end is `NA` for the "
				+ n(facts.locations() - facts.deregisteredLocations()) + " locations still registered.");
		line("  The end date is the future (when the location closed: " + n(facts.deregisteredLocations())
				+ " locations), so it is not used. The start date is");
		line("  not used either: in " + n(facts.registeredAfterFirstReport())
				+ " locations it is later than the location's first report, so the snapshot does not say what was");
		line("  known at the time. (The snapshot is imperfect in other ways too: "
				+ n(facts.reportsAfterDeregistration()) + " reports are dated after their location's end.)");
		line("- `ownership` (For-profit, Third sector, Local Authority) is not used as a signal; see below.");
		line();
		line("Set aside:");
		line();
		line("- " + n(facts.duplicates()) + " repeated rows (same location, date and rating).");
		line("- " + n(facts.firstInspections()) + " first inspections: there is no earlier rating to score from.");
		line("- " + n(facts.onlyRecentEarlier()) + " inspections whose only earlier reports were published within "
				+ RiskBacktest.LAG_DAYS + " days before them, after");
		line("  the inspectors had most likely already visited.");
		line();
		line("That leaves **" + n(facts.cases()) + " inspections** with history, "
				+ n(this.result.all().model().inadequate()) + " of them Inadequate.");
		line();
		line("## The model and its weights");
		line();
		line("`RiskModel` adds points for each known signal; the points are the explanation and add up to the score");
		line("(0 to 100, capped). Only the first three rows can be tested on this file.");
		line();
		line("| signal | code | points | basis |");
		line("|---|---|---|---|");
		line("| CQC overall rating Inadequate / Requires improvement | `risk.cqc.overall` | " + RiskModel.CQC_INADEQUATE
				+ " / " + RiskModel.CQC_REQUIRES_IMPROVEMENT + " | fitted before 2021 |");
		line("| any earlier CQC overall rating below Good | `risk.cqc.earlierBelowGood` | "
				+ RiskModel.CQC_EARLIER_BELOW_GOOD + " | fitted before 2021 |");
		line("| CQC Good or Outstanding | `risk.cqc.overall` | 0 | the score counts causes for concern only |");
		line("| CQC key question Inadequate: Safe, Effective, Caring, Responsive, Well-led | `risk.cqc.keyQuestion.*` | "
				+ list(RiskModel.CQC_KEY_QUESTION_INADEQUATE) + " | judgement |");
		line("| CQC key question Requires improvement, same order | `risk.cqc.keyQuestion.*` | "
				+ list(RiskModel.CQC_KEY_QUESTION_REQUIRES_IMPROVEMENT) + " | judgement |");
		line("| council QA rating Poor / Requires improvement | `risk.qa.rating` | " + RiskModel.QA_POOR + " / "
				+ RiskModel.QA_REQUIRES_IMPROVEMENT + " | judgement |");
		line("| previous council QA rating below Good | `risk.qa.previousBelowGood` | "
				+ RiskModel.QA_PREVIOUS_BELOW_GOOD + " | judgement, like the CQC history |");
		line("| concerns per unit of capacity at " + multiples() + " times the peer median | `risk.concerns.rate` | "
				+ list(RiskModel.CONCERN_RATE_POINTS) + " | judgement |");
		line("| serious concerns in 12 months: 1, 2, 3 or more | `risk.concerns.serious` | "
				+ list(RiskModel.SERIOUS_CONCERN_POINTS) + " | judgement |");
		line("| open safeguarding referrals: 1, 2, 3 or more | `risk.safeguarding.open` | "
				+ list(RiskModel.SAFEGUARDING_REFERRAL_POINTS) + " | judgement |");
		line("| KPI returns out of tolerance, of the last 2: 1, 2 | `risk.kpi.breached` | "
				+ list(RiskModel.KPI_BREACHED_POINTS) + " | judgement |");
		line("| KPI returns late or missing, of the last 2: 1, 2 | `risk.kpi.late` | " + list(RiskModel.KPI_LATE_POINTS)
				+ " | judgement |");
		line("| no registered manager | `risk.manager.absent` | " + RiskModel.REGISTERED_MANAGER_ABSENT
				+ " | judgement |");
		line("| contract default notices: 1, 2 or more | `risk.contract.defaultNotices` | "
				+ list(RiskModel.DEFAULT_NOTICE_POINTS) + " | judgement |");
		line();
		line("Bands: LOW below " + RiskBand.MEDIUM.lowestScore() + ", MEDIUM " + RiskBand.MEDIUM.lowestScore() + " to "
				+ (RiskBand.HIGH.lowestScore() - 1) + ", HIGH " + RiskBand.HIGH.lowestScore() + " to "
				+ (RiskBand.CRITICAL.lowestScore() - 1) + ", CRITICAL " + RiskBand.CRITICAL.lowestScore()
				+ " and over; the alert threshold is HIGH. Unknown signals add nothing and are listed. A CQC rating older");
		line("than " + RiskModel.OLD_CQC_RATING_MONTHS
				+ " months, a service never inspected, and a score with half or more of the signals unknown are");
		line("reported as caveats, not points. Each weight's reason is in its javadoc in `RiskModel`.");
		line();
		line("## Method");
		line();
		line("- **Only what was known before.** Each inspection is scored as of " + RiskBacktest.LAG_DAYS
				+ " days before its report was published");
		line("  (CQC publishes weeks after the visit), from the reports published on or before that day: the latest");
		line("  overall rating (`risk.cqc.overall`), the ratings before it (`risk.cqc.earlierBelowGood`), the months");
		line("  since the latest and the number of ratings (caveats only). The file has no key question ratings and");
		line("  nothing the council would know (concerns, QA, KPIs, safeguarding, contracts), so those are unknown.");
		line("- **Outcome:** the inspection's overall rating is Inadequate.");
		line("- **Baseline:** the latest rating alone, ordered Outstanding, Good, Requires improvement, Inadequate; its");
		line("  alert is \"latest rating Inadequate\". **Chance:** a random order (AUC 0.5, lift 1), and a random alert");
		line("  of the same size as the model's (precision = base rate, recall = share flagged).");
		line("- **Measures:** base rate; top-decile lift, the Inadequate rate among the highest-scored 10% over the");
		line("  base rate (inspections tied at the cut count pro rata, as if ties were broken at random); precision and");
		line("  recall at the alert threshold; ROC AUC (ties count half). The AUC gain over the baseline has a 95%");
		line("  interval from " + n(RiskBacktest.BOOTSTRAP_SAMPLES)
				+ " bootstrap resamples of locations (fixed seed).");
		line("- **Split.** The fitted points come from a logistic regression on the " + n(fit.cases())
				+ " inspections published before " + date(RiskBacktest.EVALUATION_FROM) + " (" + n(fit.inadequate())
				+ " Inadequate);");
		line("  the evaluation uses only those published from then on. Log-odds against a latest rating of Good or");
		line("  Outstanding: Inadequate " + f2(fit.inadequateLogOdds()) + ", Requires improvement "
				+ f2(fit.requiresImprovementLogOdds()) + ", any earlier rating below Good "
				+ f2(fit.earlierBelowGoodLogOdds()) + ". Setting Inadequate to " + RiskModel.CQC_INADEQUATE
				+ " points");
		line("  (so that it reaches HIGH alone) gives " + f1(fit.pointsPerLogOdds()) + " points per unit, hence "
				+ fit.requiresImprovementPoints() + " and " + fit.earlierBelowGoodPoints()
				+ " points; the test checks that the constants still match.");
		line("- **Honesty note.** Before the split was fixed, a first look at rating transitions across the whole file");
		line("  suggested trying \"history below Good\" rather than \"declined since last time\" as the trend signal; the");
		line("  choice is confirmed on the fit period alone below. The same look showed that the time since the last");
		line("  rating was not a risk signal (see below), which is why it is a caveat. No weight was set from the");
		line("  evaluation years.");
		line();
		line("## Results");
		line();
		comparison(evaluation, sameAlerts);
		line("In-sample, for comparison (these years set the fitted weights, so they flatter the model):");
		line();
		comparison(this.result.fitPeriod(), false);
		comparison(this.result.all(), false);
		line("### By band, " + evaluation.name().toLowerCase(Locale.ROOT).replace("evaluation: ", ""));
		line();
		line("| band | inspections | Inadequate | rate |");
		line("|---|---:|---:|---:|");
		for (RiskBand band : RiskBand.values()) {
			List<Case> inBand = evaluationCases.stream().filter((c) -> c.assessment().band() == band).toList();
			long bad = inBand.stream().filter(Case::inadequate).count();
			line("| " + band + " | " + n(inBand.size()) + " | " + n((int) bad) + " | "
					+ (inBand.isEmpty() ? "-" : pct((double) bad / inBand.size())) + " |");
		}
		line();
		line("### By year");
		line();
		line("| year | period | inspections | Inadequate | base rate | AUC model | AUC baseline | top-decile lift model | lift baseline | precision at alert | recall at alert |");
		line("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
		for (Map.Entry<Integer, Comparison> year : this.result.byYear().entrySet()) {
			Metrics m = year.getValue().model();
			Metrics b = year.getValue().baseline();
			String period = (year.getKey() < RiskBacktest.EVALUATION_FROM.getYear()) ? "fit" : "evaluation";
			String few = (m.inadequate() < FEW) ? " (too few to judge)" : "";
			line("| " + year.getKey() + " | " + period + few + " | " + n(m.cases()) + " | " + n(m.inadequate()) + " | "
					+ pct(m.baseRate()) + " | " + f3(m.auc()) + " | " + f3(b.auc()) + " | " + f2(m.topDecileLift())
					+ " | " + f2(b.topDecileLift()) + " | " + (m.alerted() > 0 ? pct(m.precision()) : "-") + " | "
					+ pct(m.recall()) + " |");
		}
		line();
		line(yearsVerdict());
		line();
		line("## Why these CQC signals (fit period only)");
		line();
		line("Share of inspections ending Inadequate, by the latest rating and whether any rating before it was below");
		line("Good, " + this.result.fitPeriod().name().toLowerCase(Locale.ROOT).replace("fit period: ", "") + ":");
		line();
		table(fitCases, (c) -> order(c.current()) + ((c.earlierBelowGood() > 0) ? "1" : "0") + "|" + label(c.current())
				+ ((c.earlierBelowGood() > 0) ? ", earlier below Good" : ""), "latest rating, history");
		line("And by the latest rating and the one before it, for services with two or more ratings. A service that");
		line("had just fallen from Good was less often Inadequate next than one at the same rating whose previous");
		line("rating was already below Good: a fall carried no risk beyond the new rating, while a history below");
		line("Good did (log-odds " + f2(fit.earlierBelowGoodLogOdds()) + " in the fit above). So the model scores"
				+ " history below Good, not decline.");
		line();
		table(fitCases.stream().filter((c) -> c.previous() != null).toList(),
				(c) -> order(c.current()) + order(c.previous()) + "|" + label(c.current()) + " after "
						+ label(c.previous()).toLowerCase(Locale.ROOT),
				"latest after previous");
		line("## What the model leaves out, and why");
		line();
		line("**Time since the last rating** is a caveat, not points. Among services whose latest rating was Good or");
		line("Outstanding, the share ending Inadequate by months since that rating:");
		line();
		Predicate<Case> good = (c) -> !c.current().isBelowGood();
		twoPeriods(fitCases.stream().filter(good).toList(), evaluationCases.stream().filter(good).toList(),
				(c) -> ageBand(c.monthsSinceLastRating()), "months since the latest rating");
		line("Short gaps were the risky ones, most likely because CQC brings an inspection forward when it hears of");
		line("problems: that is CQC's information leaking through the timing of the inspection, and it would not be");
		line("there when the council scores a service on an ordinary day. Long gaps were not riskier, probably");
		line("because CQC leaves alone the services its monitoring finds quiet. And a provider cannot act on when CQC");
		line("comes.");
		line();
		line("**Ownership** is not a signal, by choice. It predicts, even among services with the same latest rating");
		line("(below), so leaving it out probably costs the backtest some accuracy. But it is what a provider is, not what its");
		line("service does; a provider could not act on it, and a score that marks a service down for how it is owned");
		line("would not survive being read out to that provider.");
		line();
		twoPeriods(fitCases, evaluationCases,
				(c) -> c.ownership() + (c.current().isBelowGood() ? ", latest below Good" : ", latest Good or better"),
				"ownership, latest rating");
		line("**Registration dates** are not used (see Data).");
		line();
		line("## Limits");
		line();
		line("- This file holds only CQC's overall ratings. The live model also uses key question ratings, the");
		line("  council's QA ratings, concerns against peers, serious concerns, safeguarding referrals, KPI returns,");
		line("  the registered manager and contract default notices. Their weights are judgement and **cannot be");
		line("  tested here**; with them a service reaches HIGH on more than a CQC Inadequate, so the live alert will");
		line("  flag more services than in this backtest and its precision and recall are unknown until the council's");
		line("  own history can be replayed.");
		line("- Community services only (home care, supported living and similar); no care homes.");
		line("- The outcome exists only where CQC chose to inspect, and CQC chooses on its own intelligence, more so");
		line("  since 2021. The backtest asks how well the score ranks the inspections that happened, not which");
		line("  services will be Inadequate next year.");
		line("- Most Inadequate results come from services previously rated Good or Requires improvement, which are");
		line("  many; at the alert threshold CQC history alone finds " + pct(model.recall())
				+ " of all Inadequate results. That is what the");
		line("  council's own signals are for.");
		line("- The base rate moves a lot between years (from " + pct(minBaseRate()) + " to " + pct(maxBaseRate())
				+ " in years with " + FEW + " or more Inadequate results), with");
		line("  CQC's changes of approach (the pandemic, then the single assessment framework); scores rank services,");
		line("  they are not probabilities.");
		return this.out.toString();
	}

	private String verdict(Metrics model, Metrics baseline, Interval gain) {
		boolean beatsChance = model.auc() > 0.55 && model.topDecileLift() > 1.5;
		String chance = beatsChance ? "The score ranks far better than chance"
				: "The score ranks hardly better than chance";
		String versusBaseline;
		if (gain.low() > 0) {
			versusBaseline = "and better than the previous rating alone, by a small but clear margin.";
		}
		else if (gain.estimate() > 0) {
			versusBaseline = "but only a little better than the previous rating alone, and not by more than chance"
					+ " could explain: almost all of what CQC history can tell is in the latest rating.";
		}
		else {
			versusBaseline = "but no better than the previous rating alone.";
		}
		return "**In short:** " + chance.substring(0, 1).toLowerCase(Locale.ROOT) + chance.substring(1) + ", "
				+ versusBaseline;
	}

	private String yearsVerdict() {
		long judged = this.result.byYear().values().stream().filter((c) -> c.model().inadequate() >= FEW).count();
		long aboveChance = this.result.byYear()
			.values()
			.stream()
			.filter((c) -> c.model().inadequate() >= FEW && c.model().auc() > 0.5)
			.count();
		long aboveBaseline = this.result.byYear()
			.values()
			.stream()
			.filter((c) -> c.model().inadequate() >= FEW && c.model().auc() >= c.baseline().auc())
			.count();
		int weakest = weakestYear();
		String why = (weakest == 2021) ? ", when CQC, after pausing routine inspections in the pandemic, inspected"
				+ " mainly where it had concerns and the share ending Inadequate was "
				+ pct(this.result.byYear().get(weakest).model().baseRate()) + "." : ".";
		return "In the " + judged + " years with " + FEW + " or more Inadequate results the model beat chance in "
				+ aboveChance + " and matched or beat the baseline's AUC in " + aboveBaseline + ". It is weakest in "
				+ weakest + why;
	}

	private int weakestYear() {
		return this.result.byYear()
			.entrySet()
			.stream()
			.filter((e) -> e.getValue().model().inadequate() >= FEW)
			.min(java.util.Comparator.comparingDouble((Map.Entry<Integer, Comparison> e) -> e.getValue().model().auc()))
			.orElseThrow()
			.getKey();
	}

	private double minBaseRate() {
		return this.result.byYear()
			.values()
			.stream()
			.filter((c) -> c.model().inadequate() >= FEW)
			.mapToDouble((c) -> c.model().baseRate())
			.min()
			.orElseThrow();
	}

	private double maxBaseRate() {
		return this.result.byYear()
			.values()
			.stream()
			.filter((c) -> c.model().inadequate() >= FEW)
			.mapToDouble((c) -> c.model().baseRate())
			.max()
			.orElseThrow();
	}

	private void comparison(Comparison comparison, boolean headline) {
		Metrics m = comparison.model();
		Metrics b = comparison.baseline();
		line((headline ? "**" : "") + comparison.name() + " (" + n(m.cases()) + " inspections, " + n(m.inadequate())
				+ " Inadequate)" + (headline ? "**" : ""));
		line();
		line("| | base rate | top-decile lift | flagged at alert | precision at alert | recall at alert | ROC AUC |");
		line("|---|---:|---:|---:|---:|---:|---:|");
		line("| risk model | " + pct(m.baseRate()) + " | " + f2(m.topDecileLift()) + " | " + n(m.alerted()) + " ("
				+ pct(m.alertShare()) + ") | " + pct(m.precision()) + " | " + pct(m.recall()) + " | " + f3(m.auc())
				+ " |");
		line("| baseline: latest rating only | " + pct(b.baseRate()) + " | " + f2(b.topDecileLift()) + " | "
				+ n(b.alerted()) + " (" + pct(b.alertShare()) + ") | " + pct(b.precision()) + " | " + pct(b.recall())
				+ " | " + f3(b.auc()) + " |");
		line("| chance | " + pct(m.baseRate()) + " | 1.00 | " + n(m.alerted()) + " (" + pct(m.alertShare()) + ") | "
				+ pct(m.baseRate()) + " | " + pct(m.alertShare()) + " | 0.500 |");
		line();
	}

	private void table(List<Case> cases, Function<Case, String> key, String heading) {
		Map<String, List<Case>> groups = cases.stream()
			.collect(Collectors.groupingBy(key, java.util.TreeMap::new, Collectors.toList()));
		line("| " + heading + " | inspections | Inadequate | rate |");
		line("|---|---:|---:|---:|");
		groups.forEach((name, group) -> {
			long bad = group.stream().filter(Case::inadequate).count();
			line("| " + name.substring(name.indexOf('|') + 1) + " | " + n(group.size()) + " | " + n((int) bad) + " | "
					+ pct((double) bad / group.size()) + " |");
		});
		line();
	}

	private void twoPeriods(List<Case> fit, List<Case> evaluation, Function<Case, String> key, String heading) {
		Map<String, List<Case>> fitGroups = fit.stream()
			.collect(Collectors.groupingBy(key, java.util.TreeMap::new, Collectors.toList()));
		Map<String, List<Case>> evaluationGroups = evaluation.stream()
			.collect(Collectors.groupingBy(key, java.util.TreeMap::new, Collectors.toList()));
		java.util.TreeSet<String> names = new java.util.TreeSet<>(fitGroups.keySet());
		names.addAll(evaluationGroups.keySet());
		line("| " + heading + " | before " + RiskBacktest.EVALUATION_FROM.getYear() + ": inspections | rate | from "
				+ RiskBacktest.EVALUATION_FROM.getYear() + ": inspections | rate |");
		line("|---|---:|---:|---:|---:|");
		for (String name : names) {
			line("| " + name + " | " + cell(fitGroups.get(name)) + " | " + cell(evaluationGroups.get(name)) + " |");
		}
		line();
	}

	/** Sorts ratings best first in the tables. */
	private static String order(CqcRating rating) {
		return String.valueOf(rating.ordinal());
	}

	static String label(CqcRating rating) {
		String words = rating.name().replace('_', ' ').toLowerCase(Locale.ROOT);
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	private static String cell(List<Case> group) {
		if (group == null) {
			return "0 | -";
		}
		long bad = group.stream().filter(Case::inadequate).count();
		return n(group.size()) + " | " + pct((double) bad / group.size());
	}

	private static String ageBand(int months) {
		if (months < 12) {
			return "a. under 12";
		}
		if (months < 24) {
			return "b. 12 to 23";
		}
		if (months < RiskModel.OLD_CQC_RATING_MONTHS) {
			return "c. 24 to " + (RiskModel.OLD_CQC_RATING_MONTHS - 1);
		}
		if (months < 48) {
			return "d. " + RiskModel.OLD_CQC_RATING_MONTHS + " to 47";
		}
		return "e. 48 and over";
	}

	private static String multiples() {
		return RiskModel.CONCERN_RATE_MULTIPLES.stream()
			.map((multiple) -> (multiple == Math.rint(multiple)) ? String.valueOf(multiple.intValue())
					: String.valueOf(multiple))
			.collect(Collectors.joining(", ")) + " or more";
	}

	private static String list(List<Integer> points) {
		return points.stream().map(String::valueOf).collect(Collectors.joining(", "));
	}

	private void line(String text) {
		this.out.append(text).append('\n');
	}

	private void line() {
		this.out.append('\n');
	}

	static String n(int value) {
		return String.format(Locale.UK, "%,d", value);
	}

	static String pct(double share) {
		return String.format(Locale.UK, "%.1f%%", 100 * share);
	}

	static String f1(double value) {
		return String.format(Locale.UK, "%.1f", value);
	}

	static String f2(double value) {
		return String.format(Locale.UK, "%.2f", value + 0.0);
	}

	static String f3(double value) {
		return String.format(Locale.UK, "%.3f", value);
	}

	static String signed(double value) {
		return String.format(Locale.UK, "%+.3f", value);
	}

	static String date(java.time.LocalDate date) {
		return date.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
	}

}
