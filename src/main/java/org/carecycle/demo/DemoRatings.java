package org.carecycle.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.carecycle.providers.CqcRating;
import org.carecycle.providers.KeyQuestion;
import org.carecycle.providers.RegisterLoader.NewRating;
import org.carecycle.providers.RegisterLoader.NewService;
import org.carecycle.providers.ServiceType;

/**
 * CQC rating histories for the demo county. A service's quality today is a latent score;
 * its inspections walk back from it, its key questions scatter around it, and its overall
 * rating follows CQC's aggregation rules.
 */
final class DemoRatings {

	private final Random random;

	private final LocalDate asOf;

	DemoRatings(Random random, LocalDate asOf) {
		this.random = random;
		this.asOf = asOf;
	}

	/**
	 * A service's inspections, from its registration to today. Today's quality is the
	 * latent score; earlier inspections walk back from it, and about one service in
	 * thirty was better before (it has deteriorated).
	 */
	List<NewRating> history(NewService service, double quality) {
		List<LocalDate> inspections = new ArrayList<>();
		LocalDate next = service.registeredOn().plusDays(180 + this.random.nextInt(240));
		LocalDate end = (service.closedOn() != null) ? service.closedOn() : this.asOf.minusDays(14);
		while (!next.isAfter(end)) {
			inspections.add(next);
			next = next.plusDays(300 + this.random.nextInt(800));
		}
		List<NewRating> ratings = new ArrayList<>();
		if (inspections.isEmpty()) {
			return ratings;
		}
		if (service.type() == ServiceType.HOME_CARE && this.random.nextDouble() < 0.015) {
			ratings.add(new NewRating(service.cqcLocationId(), KeyQuestion.OVERALL, CqcRating.NOT_RATED,
					inspections.get(inspections.size() - 1)));
			return ratings;
		}
		boolean deteriorated = this.random.nextDouble() < 0.035;
		double z = quality;
		for (int i = inspections.size() - 1; i >= 0; i--) {
			ratings.addAll(inspection(service.cqcLocationId(), inspections.get(i), z));
			z += this.random.nextGaussian() * 0.45 + ((deteriorated && i == inspections.size() - 1) ? 1.6 : 0);
		}
		return ratings;
	}

	private List<NewRating> inspection(String cqcLocationId, LocalDate publishedOn, double quality) {
		Map<KeyQuestion, CqcRating> byQuestion = new EnumMap<>(KeyQuestion.class);
		for (KeyQuestion question : KeyQuestion.values()) {
			if (question == KeyQuestion.OVERALL) {
				continue;
			}
			double bias = switch (question) {
				case CARING -> 0.5;
				case SAFE -> -0.25;
				case WELL_LED -> -0.15;
				default -> 0.1;
			};
			byQuestion.put(question, ratingFor(quality + bias + this.random.nextGaussian() * 0.45));
		}
		byQuestion.put(KeyQuestion.OVERALL, overall(byQuestion));
		List<NewRating> ratings = new ArrayList<>();
		byQuestion
			.forEach((question, rating) -> ratings.add(new NewRating(cqcLocationId, question, rating, publishedOn)));
		return ratings;
	}

	private static CqcRating ratingFor(double z) {
		if (z > 2.0) {
			return CqcRating.OUTSTANDING;
		}
		if (z > -1.25) {
			return CqcRating.GOOD;
		}
		if (z > -2.3) {
			return CqcRating.REQUIRES_IMPROVEMENT;
		}
		return CqcRating.INADEQUATE;
	}

	/** CQC's aggregation rules, applied to the five key questions. */
	static CqcRating overall(Map<KeyQuestion, CqcRating> ratings) {
		long inadequate = ratings.values().stream().filter(r -> r == CqcRating.INADEQUATE).count();
		long requiresImprovement = ratings.values().stream().filter(r -> r == CqcRating.REQUIRES_IMPROVEMENT).count();
		long outstanding = ratings.values().stream().filter(r -> r == CqcRating.OUTSTANDING).count();
		if (inadequate >= 2) {
			return CqcRating.INADEQUATE;
		}
		if (inadequate == 1 || requiresImprovement >= 2) {
			return CqcRating.REQUIRES_IMPROVEMENT;
		}
		if (outstanding >= 2 && requiresImprovement == 0) {
			return CqcRating.OUTSTANDING;
		}
		return CqcRating.GOOD;
	}

}
