package org.carecycle.oversight;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the risk model may know about one care service at one moment. Every signal
 * is optional: {@code null} means "not known", which the model reports as unknown rather
 * than treating as good news. Modules fill what they know through {@link #builder()}; an
 * empty list or map means "known to be none", unlike {@code null}.
 * <p>
 * The rating enums here mirror the register's and the quality module's by constant name,
 * so a caller converts with {@code valueOf(other.name())}; "not rated" is {@code null}.
 *
 * @param cqcOverall the current CQC overall rating
 * @param cqcKeyQuestions the current CQC rating of each key question that has one
 * @param earlierCqcRatings the CQC overall ratings before the current one, most recent
 * first, with the dates they were published
 * @param monthsSinceLastInspection whole months since CQC last published a rating
 * @param cqcInspections how many rated CQC inspections the service has had so far
 * @param qaRating the council's latest published quality assurance rating
 * @param previousQaRating the quality assurance rating before that
 * @param concernsPerCapacity concerns about the service in the last 12 months per unit of
 * capacity (per bed, place or 100 weekly hours: the caller chooses, the same unit as the
 * peer median)
 * @param peerMedianConcernsPerCapacity the median of the same figure for similar services
 * (same service type), which must be known for the rate to count
 * @param seriousConcerns concerns in the last 12 months assessed as serious (an action of
 * a quality visit or stronger)
 * @param openSafeguardingReferrals safeguarding referrals (s42 concerns or enquiries)
 * about the service that are still open
 * @param kpiReturnsBreached how many of the last two KPI returns were out of tolerance
 * @param kpiReturnsLate how many of the last two KPI returns were late or missing
 * @param registeredManagerAbsent whether the service has no registered manager in post
 * @param contractDefaultNotices contract default notices in force
 */
public record RiskSignals(CqcRating cqcOverall, Map<KeyQuestion, CqcRating> cqcKeyQuestions,
		List<DatedRating> earlierCqcRatings, Integer monthsSinceLastInspection, Integer cqcInspections,
		QaRating qaRating, QaRating previousQaRating, Double concernsPerCapacity, Double peerMedianConcernsPerCapacity,
		Integer seriousConcerns, Integer openSafeguardingReferrals, Integer kpiReturnsBreached, Integer kpiReturnsLate,
		Boolean registeredManagerAbsent, Integer contractDefaultNotices) {

	/** CQC's four-point rating, best first. */
	public enum CqcRating {

		OUTSTANDING, GOOD, REQUIRES_IMPROVEMENT, INADEQUATE;

		public boolean isBelowGood() {
			return this == REQUIRES_IMPROVEMENT || this == INADEQUATE;
		}

	}

	/** CQC's five key questions. */
	public enum KeyQuestion {

		SAFE, EFFECTIVE, CARING, RESPONSIVE, WELL_LED

	}

	/** The council's four-point quality assurance rating, best first. */
	public enum QaRating {

		EXCELLENT, GOOD, REQUIRES_IMPROVEMENT, POOR;

		public boolean isBelowGood() {
			return this == REQUIRES_IMPROVEMENT || this == POOR;
		}

	}

	/** A CQC overall rating and the date it was published. */
	public record DatedRating(CqcRating rating, LocalDate published) {

		public DatedRating {
			Objects.requireNonNull(rating, "rating");
			Objects.requireNonNull(published, "published");
		}

	}

	public RiskSignals {
		cqcKeyQuestions = (cqcKeyQuestions != null) ? Map.copyOf(cqcKeyQuestions) : null;
		earlierCqcRatings = (earlierCqcRatings != null) ? List.copyOf(earlierCqcRatings) : null;
		notNegative("months since the last inspection", monthsSinceLastInspection);
		notNegative("CQC inspections", cqcInspections);
		notNegative("concerns per unit of capacity", concernsPerCapacity);
		notNegative("the peer median of concerns per unit of capacity", peerMedianConcernsPerCapacity);
		notNegative("serious concerns", seriousConcerns);
		notNegative("open safeguarding referrals", openSafeguardingReferrals);
		notNegative("KPI returns out of tolerance", kpiReturnsBreached);
		notNegative("late KPI returns", kpiReturnsLate);
		notNegative("contract default notices", contractDefaultNotices);
	}

	/** Signals that know nothing at all about the service. */
	public static RiskSignals unknown() {
		return builder().build();
	}

	public static Builder builder() {
		return new Builder();
	}

	/** A builder holding these signals, to change some of them. */
	public Builder toBuilder() {
		Builder builder = new Builder();
		builder.cqcOverall = this.cqcOverall;
		builder.cqcKeyQuestions = (this.cqcKeyQuestions != null) ? new EnumMap<>(KeyQuestion.class) : null;
		if (this.cqcKeyQuestions != null) {
			builder.cqcKeyQuestions.putAll(this.cqcKeyQuestions);
		}
		builder.earlierCqcRatings = this.earlierCqcRatings;
		builder.monthsSinceLastInspection = this.monthsSinceLastInspection;
		builder.cqcInspections = this.cqcInspections;
		builder.qaRating = this.qaRating;
		builder.previousQaRating = this.previousQaRating;
		builder.concernsPerCapacity = this.concernsPerCapacity;
		builder.peerMedianConcernsPerCapacity = this.peerMedianConcernsPerCapacity;
		builder.seriousConcerns = this.seriousConcerns;
		builder.openSafeguardingReferrals = this.openSafeguardingReferrals;
		builder.kpiReturnsBreached = this.kpiReturnsBreached;
		builder.kpiReturnsLate = this.kpiReturnsLate;
		builder.registeredManagerAbsent = this.registeredManagerAbsent;
		builder.contractDefaultNotices = this.contractDefaultNotices;
		return builder;
	}

	private static void notNegative(String what, Number value) {
		if (value != null && !(value.doubleValue() >= 0 && Double.isFinite(value.doubleValue()))) {
			throw new IllegalArgumentException("The number of " + what + " must be 0 or more, not " + value);
		}
	}

	/** Collects what a module knows; everything not set stays unknown. */
	public static final class Builder {

		private CqcRating cqcOverall;

		private Map<KeyQuestion, CqcRating> cqcKeyQuestions;

		private List<DatedRating> earlierCqcRatings;

		private Integer monthsSinceLastInspection;

		private Integer cqcInspections;

		private QaRating qaRating;

		private QaRating previousQaRating;

		private Double concernsPerCapacity;

		private Double peerMedianConcernsPerCapacity;

		private Integer seriousConcerns;

		private Integer openSafeguardingReferrals;

		private Integer kpiReturnsBreached;

		private Integer kpiReturnsLate;

		private Boolean registeredManagerAbsent;

		private Integer contractDefaultNotices;

		private Builder() {
		}

		public Builder cqcOverall(CqcRating rating) {
			this.cqcOverall = rating;
			return this;
		}

		/** The current rating of one key question; {@code null} leaves it unknown. */
		public Builder cqcKeyQuestion(KeyQuestion question, CqcRating rating) {
			if (this.cqcKeyQuestions == null) {
				this.cqcKeyQuestions = new EnumMap<>(KeyQuestion.class);
			}
			if (rating != null) {
				this.cqcKeyQuestions.put(question, rating);
			}
			else {
				this.cqcKeyQuestions.remove(question);
			}
			return this;
		}

		public Builder cqcKeyQuestions(Map<KeyQuestion, CqcRating> ratings) {
			this.cqcKeyQuestions = (ratings != null) ? new EnumMap<>(KeyQuestion.class) : null;
			if (ratings != null) {
				this.cqcKeyQuestions.putAll(ratings);
			}
			return this;
		}

		/** Earlier CQC overall ratings, most recent first. */
		public Builder earlierCqcRatings(List<DatedRating> ratings) {
			this.earlierCqcRatings = ratings;
			return this;
		}

		public Builder monthsSinceLastInspection(Integer months) {
			this.monthsSinceLastInspection = months;
			return this;
		}

		public Builder cqcInspections(Integer inspections) {
			this.cqcInspections = inspections;
			return this;
		}

		public Builder qaRating(QaRating rating) {
			this.qaRating = rating;
			return this;
		}

		public Builder previousQaRating(QaRating rating) {
			this.previousQaRating = rating;
			return this;
		}

		public Builder concernsPerCapacity(Double rate, Double peerMedian) {
			this.concernsPerCapacity = rate;
			this.peerMedianConcernsPerCapacity = peerMedian;
			return this;
		}

		public Builder seriousConcerns(Integer count) {
			this.seriousConcerns = count;
			return this;
		}

		public Builder openSafeguardingReferrals(Integer count) {
			this.openSafeguardingReferrals = count;
			return this;
		}

		public Builder kpiReturns(Integer breached, Integer late) {
			this.kpiReturnsBreached = breached;
			this.kpiReturnsLate = late;
			return this;
		}

		public Builder registeredManagerAbsent(Boolean absent) {
			this.registeredManagerAbsent = absent;
			return this;
		}

		public Builder contractDefaultNotices(Integer count) {
			this.contractDefaultNotices = count;
			return this;
		}

		public RiskSignals build() {
			return new RiskSignals(this.cqcOverall, this.cqcKeyQuestions, this.earlierCqcRatings,
					this.monthsSinceLastInspection, this.cqcInspections, this.qaRating, this.previousQaRating,
					this.concernsPerCapacity, this.peerMedianConcernsPerCapacity, this.seriousConcerns,
					this.openSafeguardingReferrals, this.kpiReturnsBreached, this.kpiReturnsLate,
					this.registeredManagerAbsent, this.contractDefaultNotices);
		}

	}

}
