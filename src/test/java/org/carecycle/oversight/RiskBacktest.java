package org.carecycle.oversight;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

import org.carecycle.RealData;
import org.carecycle.oversight.RiskSignals.CqcRating;
import org.carecycle.oversight.RiskSignals.DatedRating;

/**
 * Backtests the {@link RiskModel} on CQC's real inspection history of community social
 * care services: for every inspection with an earlier one at the same location, it scores
 * the service from what was public 90 days before the report, and measures how well the
 * score put the inspections that ended Inadequate first, against the previous rating
 * alone and against chance. It also refits the model's CQC points on the inspections
 * before 2021, to show where they come from.
 * <p>
 * Run from the project root; {@code --write} also writes {@code docs/risk-backtest.md}:
 * <pre>
 * ./mvnw -q test-compile
 * java -cp target/test-classes:target/classes org.carecycle.oversight.RiskBacktest --write
 * </pre>
 */
public final class RiskBacktest {

	static final Path DATA = RealData.CQC_HISTORY;

	static final Path DOC = Path.of("docs/risk-backtest.md");

	static final String COMMAND = "./mvnw -q test-compile\n"
			+ "java -cp target/test-classes:target/classes org.carecycle.oversight.RiskBacktest --write";

	/**
	 * Inspections published from this date are the evaluation set; before it, the fit.
	 */
	static final LocalDate EVALUATION_FROM = LocalDate.of(2021, 1, 1);

	/**
	 * The service is scored this many days before its report was published: CQC publishes
	 * a report weeks after the visit, so a rating published in those last days was not
	 * known when the inspectors came.
	 */
	static final int LAG_DAYS = 90;

	/** The two integer columns are Stata dates: days since 1 January 1960. */
	static final LocalDate STATA_EPOCH = LocalDate.of(1960, 1, 1);

	static final int BOOTSTRAP_SAMPLES = 1_000;

	private static final long SEED = 20261122L;

	private RiskBacktest() {
	}

	public static void main(String[] args) throws IOException {
		Result result = run(DATA);
		String markdown = markdown(result);
		if (List.of(args).contains("--write")) {
			Files.writeString(DOC, markdown, StandardCharsets.UTF_8);
			System.out.println("Wrote " + DOC);
		}
		else {
			System.out.println(markdown);
		}
	}

	/** One row of the file. */
	record Report(int row, String locationId, LocalDate published, String spelling, CqcRating rating, String ownership,
			LocalDate registered, LocalDate deregistered) {
	}

	/**
	 * One inspection scored from what was known before it.
	 *
	 * @param lastKnown publication date of the latest rating the signals used
	 */
	record Case(String locationId, LocalDate published, boolean inadequate, CqcRating current, CqcRating previous,
			int earlierBelowGood, int monthsSinceLastRating, String ownership, LocalDate lastKnown,
			RiskAssessment assessment) {

		int modelScore() {
			return this.assessment.score();
		}

		/** The baseline: the latest rating alone, 0 Outstanding to 3 Inadequate. */
		int baselineScore() {
			return this.current.ordinal();
		}

		boolean modelAlert() {
			return this.assessment.isAlert();
		}

		boolean baselineAlert() {
			return this.current == CqcRating.INADEQUATE;
		}

		int year() {
			return this.published.getYear();
		}

		boolean evaluation() {
			return !this.published.isBefore(EVALUATION_FROM);
		}

	}

	/** What the file holds and what was set aside. */
	record Facts(int rows, int locations, LocalDate first, LocalDate last, Map<String, Integer> spellings,
			int duplicates, int firstInspections, int onlyRecentEarlier, int cases, LocalDate earliestRegistered,
			int deregisteredLocations, int registeredAfterFirstReport, int reportsAfterDeregistration) {
	}

	/** How one score ranks one set of inspections. */
	record Metrics(int cases, int inadequate, double auc, double topDecileLift, int alerted, int alertedInadequate) {

		double baseRate() {
			return (double) this.inadequate / this.cases;
		}

		double precision() {
			return (this.alerted > 0) ? (double) this.alertedInadequate / this.alerted : Double.NaN;
		}

		double recall() {
			return (double) this.alertedInadequate / this.inadequate;
		}

		double alertShare() {
			return (double) this.alerted / this.cases;
		}

	}

	/** The model and the baseline on the same inspections. */
	record Comparison(String name, Metrics model, Metrics baseline) {
	}

	/**
	 * A logistic regression of "Inadequate at this inspection" on the CQC signals, fitted
	 * on the inspections before {@link #EVALUATION_FROM}, and the points it implies when
	 * Inadequate is worth {@link RiskModel#CQC_INADEQUATE}.
	 */
	record Fit(int cases, int inadequate, double intercept, double inadequateLogOdds, double requiresImprovementLogOdds,
			double earlierBelowGoodLogOdds) {

		double pointsPerLogOdds() {
			return RiskModel.CQC_INADEQUATE / this.inadequateLogOdds;
		}

		long requiresImprovementPoints() {
			return Math.round(this.requiresImprovementLogOdds * pointsPerLogOdds());
		}

		long earlierBelowGoodPoints() {
			return Math.round(this.earlierBelowGoodLogOdds * pointsPerLogOdds());
		}

	}

	/** A 95% bootstrap interval. */
	record Interval(double estimate, double low, double high) {
	}

	record Result(Facts facts, List<Case> cases, Fit fit, Comparison evaluation, Comparison fitPeriod, Comparison all,
			Map<Integer, Comparison> byYear, Interval evaluationAucGain) {

		List<Case> evaluationCases() {
			return this.cases.stream().filter(Case::evaluation).toList();
		}

		List<Case> fitCases() {
			return this.cases.stream().filter((c) -> !c.evaluation()).toList();
		}

	}

	static Result run(Path data) throws IOException {
		List<Report> reports = read(data);
		Map<String, Integer> spellings = new TreeMap<>();
		reports.forEach((report) -> spellings.merge(report.spelling(), 1, Integer::sum));

		Map<String, List<Report>> byLocation = new LinkedHashMap<>();
		int duplicates = 0;
		for (Report report : reports) {
			List<Report> history = byLocation.computeIfAbsent(report.locationId(), (id) -> new ArrayList<>());
			boolean duplicate = history.stream()
				.anyMatch((other) -> other.published().equals(report.published()) && other.rating() == report.rating());
			if (duplicate) {
				duplicates++;
			}
			else {
				history.add(report);
			}
		}

		RiskModel model = new RiskModel();
		List<Case> cases = new ArrayList<>();
		int firstInspections = 0;
		int onlyRecentEarlier = 0;
		int registeredAfterFirstReport = 0;
		int deregistered = 0;
		int afterDeregistration = 0;
		LocalDate earliestRegistered = LocalDate.MAX;
		for (List<Report> history : byLocation.values()) {
			history.sort(Comparator.comparing(Report::published).thenComparing(Report::row));
			Report first = history.get(0);
			earliestRegistered = first.registered().isBefore(earliestRegistered) ? first.registered()
					: earliestRegistered;
			registeredAfterFirstReport += first.registered().isAfter(first.published()) ? 1 : 0;
			deregistered += (first.deregistered() != null) ? 1 : 0;
			for (Report report : history) {
				if (report.deregistered() != null && report.published().isAfter(report.deregistered())) {
					afterDeregistration++;
				}
				LocalDate scoredOn = report.published().minusDays(LAG_DAYS);
				List<Report> known = history.stream()
					.filter((earlier) -> !earlier.published().isAfter(scoredOn))
					.toList();
				boolean anyEarlier = history.stream()
					.anyMatch((earlier) -> earlier.published().isBefore(report.published()));
				if (!anyEarlier) {
					firstInspections++;
				}
				else if (known.isEmpty()) {
					onlyRecentEarlier++;
				}
				else {
					cases.add(scored(model, report, known, scoredOn));
				}
			}
		}
		Facts facts = new Facts(reports.size(), byLocation.size(), reports.get(0).published(),
				reports.get(reports.size() - 1).published(), spellings, duplicates, firstInspections, onlyRecentEarlier,
				cases.size(), earliestRegistered, deregistered, registeredAfterFirstReport, afterDeregistration);

		List<Case> evaluation = cases.stream().filter(Case::evaluation).toList();
		List<Case> fitPeriod = cases.stream().filter((c) -> !c.evaluation()).toList();
		Map<Integer, Comparison> byYear = new TreeMap<>();
		for (Case c : cases) {
			byYear.computeIfAbsent(c.year(), (year) -> compare(String.valueOf(year),
					cases.stream().filter((other) -> other.year() == year).toList()));
		}
		return new Result(facts, cases, fit(fitPeriod),
				compare("Evaluation: " + EVALUATION_FROM.getYear() + " to " + facts.last().getYear(), evaluation),
				compare("Fit period: " + fitPeriod.stream().mapToInt(Case::year).min().orElseThrow() + " to "
						+ (EVALUATION_FROM.getYear() - 1), fitPeriod),
				compare("Whole file", cases), byYear, aucGain(evaluation));
	}

	/** The signals a council would have had about the service on the day it is scored. */
	private static Case scored(RiskModel model, Report report, List<Report> known, LocalDate scoredOn) {
		Report latest = known.get(known.size() - 1);
		List<DatedRating> earlier = new ArrayList<>();
		for (int i = known.size() - 2; i >= 0; i--) {
			earlier.add(new DatedRating(known.get(i).rating(), known.get(i).published()));
		}
		int months = (int) ChronoUnit.MONTHS.between(latest.published(), scoredOn);
		RiskSignals signals = RiskSignals.builder()
			.cqcOverall(latest.rating())
			.earlierCqcRatings(earlier)
			.monthsSinceLastInspection(months)
			.cqcInspections(known.size())
			.build();
		int earlierBelowGood = (int) earlier.stream().filter((rating) -> rating.rating().isBelowGood()).count();
		CqcRating previous = earlier.isEmpty() ? null : earlier.get(0).rating();
		return new Case(report.locationId(), report.published(), report.rating() == CqcRating.INADEQUATE,
				latest.rating(), previous, earlierBelowGood, months, report.ownership(), latest.published(),
				model.score(signals));
	}

	static Comparison compare(String name, List<Case> cases) {
		return new Comparison(name, metrics(cases, Case::modelScore, Case::modelAlert),
				metrics(cases, Case::baselineScore, Case::baselineAlert));
	}

	static Metrics metrics(List<Case> cases, ToIntFunction<Case> score, Predicate<Case> alert) {
		Histogram histogram = new Histogram();
		int alerted = 0;
		int alertedInadequate = 0;
		int positives = 0;
		for (Case c : cases) {
			histogram.add(score.applyAsInt(c), c.inadequate());
			positives += c.inadequate() ? 1 : 0;
			if (alert.test(c)) {
				alerted++;
				alertedInadequate += c.inadequate() ? 1 : 0;
			}
		}
		return new Metrics(cases.size(), positives, histogram.auc(), histogram.topLift(0.1), alerted,
				alertedInadequate);
	}

	/**
	 * Counts of inspections and Inadequate results at each score, from which the ranking
	 * measures follow exactly, ties included.
	 */
	static final class Histogram {

		private final long[] all = new long[RiskModel.MAXIMUM_SCORE + 1];

		private final long[] positive = new long[RiskModel.MAXIMUM_SCORE + 1];

		void add(int score, boolean inadequate) {
			this.all[score]++;
			this.positive[score] += inadequate ? 1 : 0;
		}

		/**
		 * The area under the ROC curve: the chance that a random Inadequate inspection
		 * scored higher than a random other one, ties counting half.
		 */
		double auc() {
			double positives = 0;
			double negatives = 0;
			double wins = 0;
			for (int s = 0; s < this.all.length; s++) {
				long pos = this.positive[s];
				long neg = this.all[s] - pos;
				wins += pos * negatives + 0.5 * pos * neg;
				negatives += neg;
				positives += pos;
			}
			return wins / (positives * negatives);
		}

		/**
		 * How many times the base rate the share of Inadequate results is among the
		 * highest scored {@code share} of inspections. Where the cut falls inside a group
		 * of equal scores, that group counts pro rata, as if ties were broken at random.
		 */
		double topLift(double share) {
			double total = 0;
			double positives = 0;
			for (int s = 0; s < this.all.length; s++) {
				total += this.all[s];
				positives += this.positive[s];
			}
			double wanted = share * total;
			double taken = 0;
			double found = 0;
			for (int s = this.all.length - 1; s >= 0 && taken < wanted; s--) {
				if (this.all[s] == 0) {
					continue;
				}
				double fraction = Math.min(1, (wanted - taken) / this.all[s]);
				taken += fraction * this.all[s];
				found += fraction * this.positive[s];
			}
			return (found / wanted) / (positives / total);
		}

	}

	/**
	 * The model's AUC minus the baseline's on the evaluation inspections, with a 95%
	 * interval from resampling locations (a location's inspections stay together).
	 */
	static Interval aucGain(List<Case> cases) {
		Map<String, List<Case>> byLocation = new LinkedHashMap<>();
		cases.forEach((c) -> byLocation.computeIfAbsent(c.locationId(), (id) -> new ArrayList<>()).add(c));
		List<Case[]> locations = byLocation.values().stream().map((list) -> list.toArray(Case[]::new)).toList();
		Random random = new Random(SEED);
		double[] gains = new double[BOOTSTRAP_SAMPLES];
		for (int b = 0; b < BOOTSTRAP_SAMPLES; b++) {
			Histogram model = new Histogram();
			Histogram baseline = new Histogram();
			for (int i = 0; i < locations.size(); i++) {
				for (Case c : locations.get(random.nextInt(locations.size()))) {
					model.add(c.modelScore(), c.inadequate());
					baseline.add(c.baselineScore(), c.inadequate());
				}
			}
			gains[b] = model.auc() - baseline.auc();
		}
		Arrays.sort(gains);
		Histogram model = new Histogram();
		Histogram baseline = new Histogram();
		cases.forEach((c) -> {
			model.add(c.modelScore(), c.inadequate());
			baseline.add(c.baselineScore(), c.inadequate());
		});
		return new Interval(model.auc() - baseline.auc(), gains[(int) (0.025 * BOOTSTRAP_SAMPLES)],
				gains[(int) (0.975 * BOOTSTRAP_SAMPLES) - 1]);
	}

	/**
	 * Fits log-odds of Inadequate = a + b·[latest Inadequate] + c·[latest Requires
	 * improvement] + d·[any earlier rating below Good] by Newton's method, Good and
	 * Outstanding together as the reference (no Outstanding service in the fit period was
	 * Inadequate next, which would otherwise push its weight to minus infinity).
	 */
	static Fit fit(List<Case> cases) {
		int n = cases.size();
		double[][] x = new double[n][];
		double[] y = new double[n];
		int positives = 0;
		for (int i = 0; i < n; i++) {
			Case c = cases.get(i);
			x[i] = new double[] { 1, (c.current() == CqcRating.INADEQUATE) ? 1 : 0,
					(c.current() == CqcRating.REQUIRES_IMPROVEMENT) ? 1 : 0, (c.earlierBelowGood() > 0) ? 1 : 0 };
			y[i] = c.inadequate() ? 1 : 0;
			positives += c.inadequate() ? 1 : 0;
		}
		double[] w = new double[4];
		for (int iteration = 0; iteration < 50; iteration++) {
			double[][] hessian = new double[4][4];
			double[] gradient = new double[4];
			for (int i = 0; i < n; i++) {
				double z = 0;
				for (int j = 0; j < 4; j++) {
					z += w[j] * x[i][j];
				}
				double p = 1 / (1 + Math.exp(-z));
				for (int j = 0; j < 4; j++) {
					gradient[j] += (y[i] - p) * x[i][j];
					for (int k = 0; k < 4; k++) {
						hessian[j][k] += p * (1 - p) * x[i][j] * x[i][k];
					}
				}
			}
			double[] step = solve(hessian, gradient);
			double size = 0;
			for (int j = 0; j < 4; j++) {
				w[j] += step[j];
				size = Math.max(size, Math.abs(step[j]));
			}
			if (size < 1e-10) {
				break;
			}
		}
		return new Fit(n, positives, w[0], w[1], w[2], w[3]);
	}

	/** Gaussian elimination with partial pivoting, for the 4 by 4 Newton step. */
	private static double[] solve(double[][] matrix, double[] vector) {
		int n = vector.length;
		double[][] a = new double[n][n + 1];
		for (int i = 0; i < n; i++) {
			System.arraycopy(matrix[i], 0, a[i], 0, n);
			a[i][n] = vector[i];
		}
		for (int col = 0; col < n; col++) {
			int pivot = col;
			for (int row = col + 1; row < n; row++) {
				pivot = (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) ? row : pivot;
			}
			double[] swap = a[col];
			a[col] = a[pivot];
			a[pivot] = swap;
			for (int row = col + 1; row < n; row++) {
				double factor = a[row][col] / a[col][col];
				for (int k = col; k <= n; k++) {
					a[row][k] -= factor * a[col][k];
				}
			}
		}
		double[] solution = new double[n];
		for (int row = n - 1; row >= 0; row--) {
			double sum = a[row][n];
			for (int k = row + 1; k < n; k++) {
				sum -= a[row][k] * solution[k];
			}
			solution[row] = sum / a[row][row];
		}
		return solution;
	}

	static List<Report> read(Path data) throws IOException {
		List<String> lines = Files.readAllLines(data, StandardCharsets.UTF_8);
		List<String> header = cells(lines.get(0));
		int published = header.indexOf("reportdate");
		int overall = header.indexOf("overall");
		int ownership = header.indexOf("ownership");
		int location = header.indexOf("locationid");
		int start = header.indexOf("location_start_2025");
		int end = header.indexOf("location_end_2025");
		List<Report> reports = new ArrayList<>();
		Map<String, CqcRating> ratings = new HashMap<>();
		for (int i = 1; i < lines.size(); i++) {
			if (lines.get(i).isBlank()) {
				continue;
			}
			List<String> row = cells(lines.get(i));
			String spelling = row.get(overall);
			CqcRating rating = ratings.computeIfAbsent(spelling,
					(text) -> CqcRating.valueOf(text.strip().toUpperCase(Locale.ROOT).replaceAll("[^A-Z]+", "_")));
			String ended = row.get(end);
			reports.add(new Report(i, row.get(location), LocalDate.parse(row.get(published)), spelling, rating,
					row.get(ownership), STATA_EPOCH.plusDays(Long.parseLong(row.get(start))),
					"NA".equals(ended) ? null : STATA_EPOCH.plusDays(Long.parseLong(ended))));
		}
		return reports;
	}

	/**
	 * The cells of one CSV line, with quotes removed (no cell in the file holds a comma).
	 */
	private static List<String> cells(String line) {
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (char c : line.toCharArray()) {
			if (c == '"') {
				quoted = !quoted;
			}
			else if (c == ',' && !quoted) {
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else {
				cell.append(c);
			}
		}
		cells.add(cell.toString());
		return cells;
	}

	static String markdown(Result result) {
		return new BacktestReport(result).markdown();
	}

}
