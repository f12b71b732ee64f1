package org.carecycle.quality;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The documented, deterministic rule that turns the ratings of a review's standards into
 * domain ratings and an overall rating, keeping every step so the report can show the
 * maths to the provider and the public.
 * <ol>
 * <li>Each standard earns points: Excellent 4, Good 3, Requires improvement 2, Poor
 * 1.</li>
 * <li>A domain's score is its standards' points times their weights, as a percentage of
 * the most they could earn (4 times the weights). 88% and over is Excellent, 63% to 87%
 * Good, 39% to 62% Requires improvement, below 39% Poor (CQC's bands).</li>
 * <li>The overall score is the mean of the domains' percentages, weighted by the domains'
 * weights, banded the same way.</li>
 * <li>Limits, in this order: two or more domains rated Poor make the overall Poor; a Poor
 * standard in a domain that caps the overall (Safeguarding and safety) limits it to
 * Requires improvement; so does any domain rated Poor; and Excellent overall needs every
 * standard rated Good or better, otherwise it is limited to Good.</li>
 * </ol>
 */
public final class RatingRule {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private RatingRule() {
	}

	/** A domain's part of the calculation. */
	public record DomainScore(Framework.Domain domain, int points, int maximum, BigDecimal percent, QaRating rating) {

		public BigDecimal roundedPercent() {
			return this.percent.setScale(1, RoundingMode.HALF_UP);
		}

	}

	/**
	 * A limit that applied to the overall rating.
	 *
	 * @param reasonKey message key of why, taking {@code subject} as its argument
	 * @param subject the domain or standard that caused it, if any
	 * @param limitedTo the rating the overall was limited to
	 */
	public record Limit(String reasonKey, String subject, QaRating limitedTo) {
	}

	/**
	 * The whole calculation.
	 *
	 * @param missing names of standards not rated yet; when any is missing there is no
	 * overall rating
	 */
	public record Calculation(List<DomainScore> domains, BigDecimal overallPercent, QaRating fromScore,
			List<Limit> limits, QaRating overall, List<String> missing) {

		public boolean isComplete() {
			return this.missing.isEmpty();
		}

		public BigDecimal roundedOverallPercent() {
			return (this.overallPercent != null) ? this.overallPercent.setScale(1, RoundingMode.HALF_UP) : null;
		}

	}

	public static Calculation calculate(Framework framework, Map<String, QaRating> ratings) {
		List<String> missing = new ArrayList<>();
		for (Framework.Standard standard : framework.standards()) {
			if (ratings.get(standard.key()) == null) {
				missing.add(standard.name());
			}
		}
		List<DomainScore> scores = new ArrayList<>();
		for (Framework.Domain domain : framework.domains()) {
			int points = 0;
			int maximum = 0;
			boolean rated = false;
			for (Framework.Standard standard : domain.standards()) {
				QaRating rating = ratings.get(standard.key());
				maximum += QaRating.EXCELLENT.points() * standard.weight();
				if (rating != null) {
					points += rating.points() * standard.weight();
					rated = true;
				}
			}
			if (!missing.isEmpty() || !rated || maximum == 0) {
				scores.add(new DomainScore(domain, points, maximum, null, null));
				continue;
			}
			BigDecimal percent = percent(points, maximum);
			scores.add(new DomainScore(domain, points, maximum, percent, QaRating.forPercent(percent)));
		}
		if (!missing.isEmpty()) {
			return new Calculation(scores, null, null, List.of(), null, List.copyOf(missing));
		}
		BigDecimal weighted = BigDecimal.ZERO;
		int weights = 0;
		for (DomainScore score : scores) {
			weighted = weighted.add(score.percent().multiply(BigDecimal.valueOf(score.domain().weight())));
			weights += score.domain().weight();
		}
		BigDecimal overallPercent = weighted.divide(BigDecimal.valueOf(weights), 6, RoundingMode.HALF_UP);
		QaRating fromScore = QaRating.forPercent(overallPercent);
		QaRating overall = fromScore;
		List<Limit> limits = new ArrayList<>();
		List<DomainScore> poorDomains = scores.stream().filter(score -> score.rating() == QaRating.POOR).toList();
		if (poorDomains.size() >= 2) {
			if (overall != QaRating.POOR) {
				overall = QaRating.POOR;
				limits.add(new Limit("qaRule.limit.twoPoorDomains", String.valueOf(poorDomains.size()), overall));
			}
		}
		else {
			for (Framework.Domain domain : framework.domains()) {
				if (!domain.capsOverall()) {
					continue;
				}
				for (Framework.Standard standard : domain.standards()) {
					if (ratings.get(standard.key()) == QaRating.POOR && overall.isAboveOrEqual(QaRating.GOOD)) {
						overall = overall.atMost(QaRating.REQUIRES_IMPROVEMENT);
						limits.add(new Limit("qaRule.limit.poorInCappingDomain", standard.name(), overall));
					}
				}
			}
			if (poorDomains.size() == 1 && overall.isAboveOrEqual(QaRating.GOOD)) {
				overall = overall.atMost(QaRating.REQUIRES_IMPROVEMENT);
				limits.add(new Limit("qaRule.limit.poorDomain", poorDomains.get(0).domain().name(), overall));
			}
		}
		if (overall == QaRating.EXCELLENT
				&& framework.standards().stream().anyMatch(standard -> ratings.get(standard.key()).isBelowGood())) {
			overall = QaRating.GOOD;
			limits.add(new Limit("qaRule.limit.excellentNeedsGood", null, overall));
		}
		return new Calculation(scores, overallPercent, fromScore, List.copyOf(limits), overall, List.of());
	}

	private static BigDecimal percent(int points, int maximum) {
		return BigDecimal.valueOf(points)
			.multiply(HUNDRED)
			.divide(BigDecimal.valueOf(maximum), 6, RoundingMode.HALF_UP);
	}

}
