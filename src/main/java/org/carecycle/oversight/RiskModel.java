package org.carecycle.oversight;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import org.carecycle.oversight.RiskAssessment.Contribution;
import org.carecycle.oversight.RiskSignals.CqcRating;
import org.carecycle.oversight.RiskSignals.DatedRating;
import org.carecycle.oversight.RiskSignals.KeyQuestion;
import org.carecycle.oversight.RiskSignals.QaRating;

/**
 * Scores how worried the council should be about a care service, from 0 to 100, and says
 * why: each known signal adds points, the points add up to the score, and the score falls
 * in a {@link RiskBand}. The model is a points table on purpose, so that an officer can
 * read a provider its score line by line.
 * <ul>
 * <li><b>Only evidence about the service's own care and conduct adds points.</b> What a
 * provider is (its ownership, its size) and what others have not done (CQC not having
 * inspected for years) add none: a provider could not act on them and it would not be
 * fair to score them. Old or missing evidence is reported as a caveat instead.</li>
 * <li><b>Unknown is not good news.</b> An unknown signal adds nothing but is listed, and
 * a score built on few signals carries a caveat.</li>
 * <li><b>Monotone.</b> A worse value of any signal (a lower rating, a higher count, a
 * manager leaving) never lowers the score.</li>
 * <li><b>Deterministic.</b> The same signals always give the same score and
 * explanation.</li>
 * </ul>
 * The CQC overall rating and CQC history points were fitted on real inspections published
 * before 2021 and tested on those from 2021 (see {@code docs/risk-backtest.md}); the
 * others are judgement, anchored to the council's escalation procedure, and cannot be
 * backtested on public data.
 */
public final class RiskModel {

	/** The highest score; signals adding up to more are capped here. */
	public static final int MAXIMUM_SCORE = 100;

	/**
	 * A current CQC overall rating of Inadequate. Fitted: on inspections published before
	 * 2021, the odds that a service rated Inadequate was rated Inadequate again at its
	 * next inspection were about 15 times those of a service rated Good or Outstanding
	 * (log-odds 2.7). This sets the scale of the whole model: this signal alone reaches
	 * {@link RiskBand#HIGH}, as a CQC Inadequate rating is a trigger in the escalation
	 * procedure, and the other fitted points keep the same ratio of points to log-odds
	 * (about 14.6 points per unit).
	 */
	public static final int CQC_INADEQUATE = 40;

	/**
	 * A current CQC overall rating of Requires improvement. Fitted: log-odds 1.1 against
	 * Good or Outstanding before 2021, so 17 points; on its own it stays
	 * {@link RiskBand#LOW}, with one more concern it reaches {@link RiskBand#MEDIUM}.
	 * Good and Outstanding add nothing: the score only counts causes for concern.
	 */
	public static final int CQC_REQUIRES_IMPROVEMENT = 17;

	/**
	 * Any CQC overall rating below Good before the current one. Fitted: log-odds 0.48 on
	 * top of the current rating before 2021 (a Good service with a below-Good past was
	 * rated Inadequate three times as often as one without); a second or third such
	 * rating added nothing more. This is the model's trend signal: the data showed that
	 * how long a service has been below Good matters, while having just fallen (Good to
	 * Requires improvement) carried no extra risk beyond the new rating, so a decline as
	 * such earns no points.
	 */
	public static final int CQC_EARLIER_BELOW_GOOD = 7;

	/**
	 * A CQC key question rated Inadequate, by key question (Safe, Effective, Caring,
	 * Responsive, Well-led). Judgement, on top of the overall rating: Safe is where harm
	 * happens and an Inadequate Safe rating is an escalation trigger on its own; Well-led
	 * predicts whether a service can put things right; the other three add a little. Two
	 * Inadequate key questions make the overall Inadequate under CQC's rules, so the
	 * overall points already carry most of this.
	 */
	public static final List<Integer> CQC_KEY_QUESTION_INADEQUATE = List.of(10, 4, 4, 4, 8);

	/**
	 * A CQC key question rated Requires improvement, in the same order. Judgement: about
	 * a third of the Inadequate points.
	 */
	public static final List<Integer> CQC_KEY_QUESTION_REQUIRES_IMPROVEMENT = List.of(4, 1, 1, 1, 3);

	/**
	 * The council's own quality assurance rating of Poor. Judgement: the council's review
	 * is recent, first-hand evidence, like CQC's but of the commissioned service against
	 * the contract; alone it reaches {@link RiskBand#MEDIUM}, and with any other serious
	 * signal {@link RiskBand#HIGH}. It weighs less than a CQC Inadequate because a Poor
	 * review is followed by an action plan and a re-review within six months.
	 */
	public static final int QA_POOR = 30;

	/** A quality assurance rating of Requires improvement. Judgement: a third of Poor. */
	public static final int QA_REQUIRES_IMPROVEMENT = 10;

	/**
	 * The quality assurance rating before the latest was below Good. Judgement, by
	 * analogy with {@link #CQC_EARLIER_BELOW_GOOD}: a history below Good is the trend
	 * that mattered in CQC's data.
	 */
	public static final int QA_PREVIOUS_BELOW_GOOD = 6;

	/**
	 * Concerns per unit of capacity in the last 12 months at 1.5, 2 and 3 or more times
	 * the median of similar services. Judgement: a rate near the median is normal (busy
	 * services get concerns; a service with none may just not be heard), so points start
	 * only at one and a half times the median; comparing per unit of capacity with peers
	 * of the same type keeps large services from being scored for being large. When the
	 * peer median is 0, any concern at all counts as 3 times or more.
	 */
	public static final List<Integer> CONCERN_RATE_POINTS = List.of(5, 10, 15);

	/** The multiples of the peer median at which {@link #CONCERN_RATE_POINTS} start. */
	public static final List<Double> CONCERN_RATE_MULTIPLES = List.of(1.5, 2.0, 3.0);

	/**
	 * Serious concerns in the last 12 months: points for 1, 2, and 3 or more. Judgement:
	 * a serious concern is one the team assessed as needing at least a quality visit;
	 * each adds less than the one before, so that one incident reported many times does
	 * not swamp the rest.
	 */
	public static final List<Integer> SERIOUS_CONCERN_POINTS = List.of(8, 12, 15);

	/**
	 * Open safeguarding referrals about the service: points for 1, 2, and 3 or more.
	 * Judgement: one open referral is a real warning; several at once are the pattern
	 * that triggers a whole-service (organisational) enquiry, which is why 3 or more
	 * reach {@link RiskBand#MEDIUM} on their own.
	 */
	public static final List<Integer> SAFEGUARDING_REFERRAL_POINTS = List.of(10, 15, 20);

	/**
	 * KPI returns out of tolerance among the last two: points for 1 and 2. Judgement:
	 * small, because a single bad quarter is common and KPIs are self-reported.
	 */
	public static final List<Integer> KPI_BREACHED_POINTS = List.of(3, 6);

	/**
	 * KPI returns late or missing among the last two: points for 1 and 2. Judgement: a
	 * late return is itself intelligence (a service under strain stops reporting), but
	 * weaker than a bad one.
	 */
	public static final List<Integer> KPI_LATE_POINTS = List.of(2, 4);

	/**
	 * No registered manager in post. Judgement: a registered manager is a condition of
	 * registration for most services, CQC usually limits Well-led to Requires improvement
	 * without one, and a gap in leadership tends to come before a decline in care.
	 */
	public static final int REGISTERED_MANAGER_ABSENT = 8;

	/**
	 * Contract default notices in force: points for 1, and 2 or more. Judgement: a
	 * default notice is the council's formal finding that the contract is not being met,
	 * a trigger for the provider concerns stage of the escalation procedure.
	 */
	public static final List<Integer> DEFAULT_NOTICE_POINTS = List.of(15, 25);

	/**
	 * Months after which the last CQC rating is reported as old evidence (a caveat, no
	 * points). Before 2021 CQC re-inspected almost all Good community services within
	 * three years; older evidence says less about the service today.
	 */
	public static final int OLD_CQC_RATING_MONTHS = 36;

	/**
	 * How many of the 16 scored signals must be unknown for the score to carry a caveat
	 * (half of them): a low score built mostly on unknowns is not reassurance.
	 */
	public static final int UNKNOWN_SIGNALS_FOR_CAVEAT = 8;

	static final String CAP = "risk.cap";

	/** Scores a service's signals. */
	public RiskAssessment score(RiskSignals signals) {
		Tally tally = new Tally();
		tally.add("risk.cqc.overall", signals.cqcOverall(), RiskModel::cqcOverallPoints);
		for (KeyQuestion question : KeyQuestion.values()) {
			CqcRating rating = (signals.cqcKeyQuestions() != null) ? signals.cqcKeyQuestions().get(question) : null;
			tally.add("risk.cqc.keyQuestion." + camelCase(question.name()), rating,
					(known) -> keyQuestionPoints(question, known));
		}
		tally.add("risk.cqc.earlierBelowGood", signals.earlierCqcRatings(), RiskModel::earlierBelowGood,
				(earlier) -> (earlierBelowGood(earlier) > 0) ? CQC_EARLIER_BELOW_GOOD : 0);
		tally.add("risk.qa.rating", signals.qaRating(), RiskModel::qaPoints);
		tally.add("risk.qa.previousBelowGood", signals.previousQaRating(),
				(previous) -> previous.isBelowGood() ? QA_PREVIOUS_BELOW_GOOD : 0);
		addConcernRate(tally, signals.concernsPerCapacity(), signals.peerMedianConcernsPerCapacity());
		tally.add("risk.concerns.serious", signals.seriousConcerns(), (count) -> steps(count, SERIOUS_CONCERN_POINTS));
		tally.add("risk.safeguarding.open", signals.openSafeguardingReferrals(),
				(count) -> steps(count, SAFEGUARDING_REFERRAL_POINTS));
		tally.add("risk.kpi.breached", signals.kpiReturnsBreached(), (count) -> steps(count, KPI_BREACHED_POINTS));
		tally.add("risk.kpi.late", signals.kpiReturnsLate(), (count) -> steps(count, KPI_LATE_POINTS));
		tally.add("risk.manager.absent", signals.registeredManagerAbsent(),
				(absent) -> absent ? REGISTERED_MANAGER_ABSENT : 0);
		tally.add("risk.contract.defaultNotices", signals.contractDefaultNotices(),
				(count) -> steps(count, DEFAULT_NOTICE_POINTS));

		List<String> caveats = new ArrayList<>();
		if (signals.cqcInspections() != null && signals.cqcInspections() == 0) {
			caveats.add("risk.caveat.notYetInspected");
		}
		if (signals.monthsSinceLastInspection() != null
				&& signals.monthsSinceLastInspection() >= OLD_CQC_RATING_MONTHS) {
			caveats.add("risk.caveat.oldCqcRating");
		}
		if (tally.unknown.size() >= UNKNOWN_SIGNALS_FOR_CAVEAT) {
			caveats.add("risk.caveat.mostSignalsUnknown");
		}
		return tally.assess(caveats);
	}

	private static int cqcOverallPoints(CqcRating rating) {
		return switch (rating) {
			case INADEQUATE -> CQC_INADEQUATE;
			case REQUIRES_IMPROVEMENT -> CQC_REQUIRES_IMPROVEMENT;
			case GOOD, OUTSTANDING -> 0;
		};
	}

	private static int keyQuestionPoints(KeyQuestion question, CqcRating rating) {
		return switch (rating) {
			case INADEQUATE -> CQC_KEY_QUESTION_INADEQUATE.get(question.ordinal());
			case REQUIRES_IMPROVEMENT -> CQC_KEY_QUESTION_REQUIRES_IMPROVEMENT.get(question.ordinal());
			case GOOD, OUTSTANDING -> 0;
		};
	}

	private static int qaPoints(QaRating rating) {
		return switch (rating) {
			case POOR -> QA_POOR;
			case REQUIRES_IMPROVEMENT -> QA_REQUIRES_IMPROVEMENT;
			case GOOD, EXCELLENT -> 0;
		};
	}

	private static long earlierBelowGood(List<DatedRating> earlier) {
		return earlier.stream().filter((rating) -> rating.rating().isBelowGood()).count();
	}

	private static void addConcernRate(Tally tally, Double rate, Double peerMedian) {
		String code = "risk.concerns.rate";
		if (rate == null || peerMedian == null) {
			tally.unknown.add(code);
			return;
		}
		// decimals as written, so that 0.3 against a median of 0.2 is exactly 1.5 times
		BigDecimal exactRate = BigDecimal.valueOf(rate);
		BigDecimal exactMedian = BigDecimal.valueOf(peerMedian);
		int points = 0;
		for (int i = 0; i < CONCERN_RATE_MULTIPLES.size(); i++) {
			boolean above = (exactMedian.signum() == 0) ? exactRate.signum() > 0
					: exactRate.compareTo(exactMedian.multiply(BigDecimal.valueOf(CONCERN_RATE_MULTIPLES.get(i)))) >= 0;
			if (above) {
				points = CONCERN_RATE_POINTS.get(i);
			}
		}
		tally.contributions.add(new Contribution(code,
				String.format(Locale.ROOT, "%.2f (peer median %.2f)", rate, peerMedian), points));
	}

	/**
	 * Points for a count: none for 0, then the step for 1, 2, ... and the last beyond.
	 */
	private static int steps(int count, List<Integer> points) {
		return (count == 0) ? 0 : points.get(Math.min(count, points.size()) - 1);
	}

	private static String camelCase(String constant) {
		String[] words = constant.toLowerCase(Locale.ROOT).split("_");
		StringBuilder name = new StringBuilder(words[0]);
		for (int i = 1; i < words.length; i++) {
			name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
		}
		return name.toString();
	}

	/** Points as they are added, then capped at 100. */
	private static final class Tally {

		private final List<Contribution> contributions = new ArrayList<>();

		private final List<String> unknown = new ArrayList<>();

		<T> void add(String code, T value, ToIntFunction<T> points) {
			add(code, value, (known) -> known, points);
		}

		<T> void add(String code, T value, Function<T, Object> shown, ToIntFunction<T> points) {
			if (value == null) {
				this.unknown.add(code);
			}
			else {
				this.contributions
					.add(new Contribution(code, String.valueOf(shown.apply(value)), points.applyAsInt(value)));
			}
		}

		RiskAssessment assess(List<String> caveats) {
			int total = this.contributions.stream().mapToInt(Contribution::points).sum();
			if (total > MAXIMUM_SCORE) {
				this.contributions.add(new Contribution(CAP, String.valueOf(total), MAXIMUM_SCORE - total));
			}
			int score = Math.min(total, MAXIMUM_SCORE);
			return new RiskAssessment(score, RiskBand.forScore(score), this.contributions, this.unknown, caveats);
		}

	}

}
