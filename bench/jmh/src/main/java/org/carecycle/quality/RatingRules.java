package org.carecycle.quality;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The QA rating rule ({@link RatingRule#calculate}): a review's 16 standard ratings to
 * domain scores, the overall score and its limits, as every review page, report, draft
 * and publication works it out. {@value #REVIEWS} completed reviews against the seeded
 * framework (5 domains, 16 equally weighted standards, Safeguarding and safety capping
 * the overall), rated in the demo's proportions; figures are per review. The floor adds
 * up each review's points times weights over the same rating maps.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RatingRules {

	static final int REVIEWS = 2_000;

	/** The seeded framework version 1 (V13__quality_reviews.sql), keys as names. */
	private static final Map<String, List<String>> DOMAINS = new LinkedHashMap<>();

	static {
		DOMAINS.put("INVOLVEMENT", List.of("RESPECTING_AND_INVOLVING", "CONSENT"));
		DOMAINS.put("PERSONALISED_CARE", List.of("CARE_AND_WELFARE", "NUTRITION", "COOPERATING_WITH_PROVIDERS"));
		DOMAINS.put("SAFETY", List.of("SAFEGUARDING", "INFECTION_CONTROL", "MEDICINES", "PREMISES", "EQUIPMENT"));
		DOMAINS.put("STAFFING", List.of("REQUIREMENTS_FOR_WORKERS", "STAFFING", "SUPPORTING_STAFF"));
		DOMAINS.put("MANAGEMENT", List.of("MONITORING_QUALITY", "COMPLAINTS", "RECORDS"));
	}

	private Framework framework;

	private Framework.Standard[] standards;

	private List<Map<String, QaRating>> reviews;

	@Setup
	public void generate() {
		List<Framework.Domain> domains = new ArrayList<>();
		DOMAINS.forEach((domain,
				keys) -> domains.add(new Framework.Domain(domain, domain, 1, domain.equals("SAFETY"),
						keys.stream()
							.map(key -> new Framework.Standard(key, domain, key, "Prompts", "Evidence", List.of("SAFE"),
									"Statements", 1))
							.toList())));
		this.framework = new Framework(UUID.randomUUID(), 1, Framework.Status.PUBLISHED, null, Instant.now(), domains);
		this.standards = this.framework.standards().toArray(Framework.Standard[]::new);
		Random random = new Random(2026_07L);
		QaRating[] ratings = QaRating.values();
		this.reviews = new ArrayList<>(REVIEWS);
		for (int i = 0; i < REVIEWS; i++) {
			// a service's level, then each standard at that level or a step either side
			int level = pick(random, new double[] { 0.08, 0.62, 0.24, 0.06 });
			Map<String, QaRating> review = new HashMap<>();
			for (Framework.Standard standard : this.standards) {
				double r = random.nextDouble();
				int rating = (r < 0.7) ? level : (r < 0.85) ? level - 1 : level + 1;
				review.put(standard.key(), ratings[Math.max(0, Math.min(ratings.length - 1, rating))]);
			}
			this.reviews.add(review);
		}
	}

	@Benchmark
	@OperationsPerInvocation(REVIEWS)
	public void calculate(Blackhole blackhole) {
		for (Map<String, QaRating> review : this.reviews) {
			blackhole.consume(RatingRule.calculate(this.framework, review));
		}
	}

	@Benchmark
	@OperationsPerInvocation(REVIEWS)
	public long floor() {
		long sum = 0;
		for (Map<String, QaRating> review : this.reviews) {
			for (Framework.Standard standard : this.standards) {
				sum += review.get(standard.key()).points() * standard.weight();
			}
		}
		return sum;
	}

	private static int pick(Random random, double[] shares) {
		double r = random.nextDouble();
		for (int i = 0; i < shares.length - 1; i++) {
			r -= shares[i];
			if (r < 0) {
				return i;
			}
		}
		return shares.length - 1;
	}

}
