package org.carecycle.demo;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.carecycle.quality.Framework;
import org.carecycle.quality.QaRating;
import org.carecycle.quality.RatingRule;

/**
 * The ratings of the demo's reviews: drawn standard by standard around a service's
 * quality, and scored by the framework's {@link RatingRule} as the quality module would
 * score them (with the rule's results remembered, as the same patterns come again and
 * again). Never draws on its own: the caller hands it the generator's {@link Random}.
 */

final class DemoReviewRatings {

	private final Framework framework;

	private final List<Framework.Standard> standards;

	private final double[] bias;

	DemoReviewRatings(Framework framework) {
		this.framework = framework;
		this.standards = framework.standards();
		this.bias = new double[this.standards.size()];
		for (int i = 0; i < this.bias.length; i++) {
			this.bias[i] = bias(this.standards.get(i).key());
		}
	}

	/**
	 * Rates every standard around a quality score, with each standard's own tendency
	 * (medicines and records are where services most often fall short).
	 * @param target the overall rating wanted, or null for whatever comes
	 * @param noAction no standard below Good
	 * @param someBelowGood at least one standard below Good
	 */
	QaRating[] draw(double z, QaRating target, boolean noAction, boolean someBelowGood, Random r) {
		double centre = (target == null) ? z : switch (target) {
			case EXCELLENT -> 2.0;
			case GOOD -> someBelowGood ? -0.1 : 0.7;
			case REQUIRES_IMPROVEMENT -> -0.7;
			case POOR -> -1.6;
		};
		QaRating[] ratings = new QaRating[this.standards.size()];
		for (int attempt = 0; attempt < 60; attempt++) {
			for (int i = 0; i < ratings.length; i++) {
				// a standard varies a little around the service's quality, and is now and
				// then where the service shines
				ratings[i] = rating(
						centre + this.bias[i] + r.nextGaussian() * 0.15 + ((r.nextInt(100) < 15) ? 0.9 : 0));
				if (noAction && ratings[i].isBelowGood()) {
					ratings[i] = QaRating.GOOD;
				}
			}
			boolean below = needsAction(ratings);
			if ((target == null || overall(ratings) == target) && (!someBelowGood || below)) {
				return ratings;
			}
		}
		java.util.Arrays.fill(ratings, (target != null) ? target : QaRating.GOOD);
		if (someBelowGood) {
			ratings[ratings.length - 1] = QaRating.REQUIRES_IMPROVEMENT;
		}
		return ratings;
	}

	private static QaRating rating(double score) {
		if (score >= 1.6) {
			return QaRating.EXCELLENT;
		}
		if (score >= -0.3) {
			return QaRating.GOOD;
		}
		if (score >= -1.4) {
			return QaRating.REQUIRES_IMPROVEMENT;
		}
		return QaRating.POOR;
	}

	private static double bias(String standardKey) {
		return switch (standardKey) {
			case "RESPECTING_AND_INVOLVING" -> 0.1;
			case "NUTRITION", "COOPERATING_WITH_PROVIDERS", "COMPLAINTS" -> 0.03;
			case "MEDICINES", "RECORDS" -> -0.1;
			case "MONITORING_QUALITY", "STAFFING" -> -0.06;
			case "SUPPORTING_STAFF", "CONSENT" -> -0.03;
			default -> 0;
		};
	}

	/** What the rule gives a set of ratings: the overall rating and its percentage. */
	record Score(QaRating overall, BigDecimal percent) {
	}

	/**
	 * The rule's results by pattern of ratings (two bits a standard): the same patterns
	 * come again and again, and at national scale the rule would otherwise run millions
	 * of times.
	 */
	private final Map<Long, Score> scores = new HashMap<>();

	Score score(QaRating[] ratings) {
		if (ratings.length > 31) {
			return calculated(ratings);
		}
		long key = 0;
		for (QaRating rating : ratings) {
			key = (key << 2) | (rating.points() - 1);
		}
		return this.scores.computeIfAbsent(key, k -> calculated(ratings));
	}

	private Score calculated(QaRating[] ratings) {
		Map<String, QaRating> map = new LinkedHashMap<>();
		for (int i = 0; i < ratings.length; i++) {
			map.put(this.standards.get(i).key(), ratings[i]);
		}
		RatingRule.Calculation calculation = RatingRule.calculate(this.framework, map);
		return new Score(calculation.overall(), calculation.roundedOverallPercent());
	}

	QaRating overall(QaRating[] ratings) {
		return score(ratings).overall();
	}

	boolean needsAction(QaRating[] ratings) {
		for (QaRating rating : ratings) {
			if (rating.isBelowGood()) {
				return true;
			}
		}
		return overall(ratings).isBelowGood();
	}

	int indexOf(String standardKey) {
		for (int i = 0; i < this.standards.size(); i++) {
			if (this.standards.get(i).key().equals(standardKey)) {
				return i;
			}
		}
		throw new IllegalArgumentException(standardKey);
	}

	static QaRating lower(QaRating rating) {
		return switch (rating) {
			case EXCELLENT -> QaRating.GOOD;
			case GOOD -> QaRating.REQUIRES_IMPROVEMENT;
			default -> QaRating.POOR;
		};
	}

	static QaRating higher(QaRating rating) {
		return switch (rating) {
			case POOR -> QaRating.REQUIRES_IMPROVEMENT;
			case REQUIRES_IMPROVEMENT -> QaRating.GOOD;
			default -> QaRating.EXCELLENT;
		};
	}

}
