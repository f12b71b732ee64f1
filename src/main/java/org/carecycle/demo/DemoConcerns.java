package org.carecycle.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.carecycle.concerns.ConcernAction;
import org.carecycle.concerns.ConcernKind;
import org.carecycle.concerns.ConcernLoader.PastConcern;
import org.carecycle.concerns.ReporterRole;
import org.carecycle.concerns.RiskRating;
import org.carecycle.concerns.Theme;
import org.carecycle.providers.CqcRating;
import org.carecycle.providers.KeyQuestion;
import org.carecycle.providers.RegisterLoader.NewRating;
import org.carecycle.providers.RegisterLoader.NewService;
import org.carecycle.providers.ServiceStatus;
import org.carecycle.shared.UkTime;

/**
 * Two years of concerns and compliments for the demo county: more concerns about services
 * that CQC rates worse, the older ones assessed and closed, the last few weeks' still in
 * the queue, a few flagged as possible safeguarding.
 */
final class DemoConcerns {

	private static final Map<Theme, String[]> TEXTS = new HashMap<>();

	static {
		TEXTS.put(Theme.MEDICATION,
				new String[] { "My mother's evening tablets were given two hours late again.",
						"Staff could not tell me which medicines my father had been given today.",
						"The medication chart had gaps for three days last week." });
		TEXTS.put(Theme.STAFFING_LEVELS,
				new String[] { "There were only two staff on the floor for twenty residents.",
						"Agency staff did not know the residents' names or needs.",
						"Call bells rang for a long time because there was nobody to answer them." });
		TEXTS.put(Theme.DIGNITY_AND_RESPECT,
				new String[] { "My aunt was left in her nightclothes in the lounge at lunchtime.",
						"Staff talked over residents as if they were not there.",
						"The door was left open while my father was helped to wash." });
		TEXTS.put(Theme.NUTRITION_AND_HYDRATION,
				new String[] { "Drinks were left out of reach all afternoon.",
						"Meals arrive cold and nobody helps my mother to eat.",
						"My uncle has lost a lot of weight since he moved in." });
		TEXTS.put(Theme.FALLS, new String[] { "My father had two falls this month and we were not told.",
				"The sensor mat was switched off at night." });
		TEXTS.put(Theme.PRESSURE_CARE, new String[] { "My mother was not turned during the night.",
				"Her pressure cushion was missing for a week." });
		TEXTS.put(Theme.INFECTION_CONTROL, new String[] { "Bathrooms were dirty and there was no soap.",
				"Staff did not wear gloves when giving personal care." });
		TEXTS.put(Theme.RECORDS, new String[] { "The care plan has not been updated since he came home from hospital.",
				"The daily notes say visits happened that did not." });
		TEXTS.put(Theme.PREMISES_AND_EQUIPMENT,
				new String[] { "The lift has been broken for two weeks.", "The heating in the lounge does not work." });
		TEXTS.put(Theme.MANAGEMENT_AND_LEADERSHIP,
				new String[] { "The manager has left and nobody knows who is in charge.",
						"Complaints to the office are never answered." });
		TEXTS.put(Theme.MISSED_OR_LATE_VISITS,
				new String[] { "The carers did not come this morning and my father was not got up.",
						"Visits are often an hour late and cut short." });
		TEXTS.put(Theme.FINANCE, new String[] { "We were charged for visits that did not happen.",
				"Receipts for my mother's spending money are missing." });
		TEXTS.put(Theme.COMMUNICATION, new String[] { "Nobody told us my mother had been taken to hospital.",
				"The service does not return our calls." });
	}

	private static final String[] COMPLIMENTS = {
			"The staff have been wonderful with my father; he is happier than he has been for years.",
			"Thank you to the night team, who stayed with my mother when she was poorly.",
			"The activities coordinator arranged a trip to the sea that everyone loved.",
			"The carers are always on time, kind and cheerful.",
			"The manager listened to us and changed my aunt's care plan the same week." };

	private static final String[] FLAGGED = { "My father has bruising on his arms that nobody can explain.",
			"A resident told me a carer shouted at her and pushed her.",
			"My mother was left alone in wet bedding all night.", "Money is missing from my uncle's purse again." };

	private final Map<String, CqcRating> overall = new HashMap<>();

	private final Random random;

	private final Instant end;

	private final int days;

	private final double rate;

	/**
	 * @param ratings the county's CQC ratings (worse-rated services get more concerns)
	 * @param today the last day of the history
	 * @param seed the seed of the generator
	 * @param years how many years of history
	 * @param rate a multiplier of every service's concern rate
	 */
	DemoConcerns(List<NewRating> ratings, LocalDate today, long seed, int years, double rate) {
		Map<String, CqcRating> overall = this.overall;
		Map<String, LocalDate> overallOn = new HashMap<>();
		for (NewRating rating : ratings) {
			if (rating.question() == KeyQuestion.OVERALL) {
				LocalDate on = overallOn.get(rating.cqcLocationId());
				if (on == null || rating.publishedOn().isAfter(on)) {
					overall.put(rating.cqcLocationId(), rating.rating());
					overallOn.put(rating.cqcLocationId(), rating.publishedOn());
				}
			}
		}
		this.random = new Random(seed);
		this.end = today.atTime(9, 0).atZone(UkTime.ZONE).toInstant();
		this.days = years * 365;
		this.rate = rate;
	}

	/** The history of these services, continuing the same random sequence. */
	List<PastConcern> generate(List<NewService> services) {
		Random random = this.random;
		Instant end = this.end;
		Map<String, CqcRating> overall = this.overall;
		List<PastConcern> concerns = new ArrayList<>();
		Theme[] themes = Theme.values();
		ReporterRole[] roles = ReporterRole.values();
		for (NewService service : services) {
			if (service.status() != ServiceStatus.ACTIVE) {
				continue;
			}
			CqcRating rating = (service.cqcLocationId() != null) ? overall.get(service.cqcLocationId()) : null;
			double concernsPerYear = (rating == null) ? 1.2 : switch (rating) {
				case INADEQUATE -> 6.0;
				case REQUIRES_IMPROVEMENT -> 3.0;
				case OUTSTANDING -> 0.5;
				default -> 1.0;
			};
			double years = this.days / 365.0;
			int count = poisson(random, concernsPerYear * years * this.rate);
			int compliments = poisson(random, 0.6 * years * this.rate);
			for (int i = 0; i < count + compliments; i++) {
				boolean compliment = i >= count;
				Instant received = end.minus(Duration.ofMinutes((long) (random.nextDouble() * this.days * 24 * 60)));
				long ageDays = Duration.between(received, end).toDays();
				ReporterRole role = roles[random.nextInt(roles.length)];
				boolean anonymous = random.nextInt(5) == 0;
				String name = anonymous ? null : "Demo reporter " + (1 + random.nextInt(900));
				if (compliment) {
					Instant closed = (ageDays > 10) ? received.plus(Duration.ofDays(2)) : null;
					concerns.add(new PastConcern(ConcernKind.COMPLIMENT, service.id(), service.providerId(),
							COMPLIMENTS[random.nextInt(COMPLIMENTS.length)], role, anonymous, name, received,
							(ageDays > 3) ? received.plus(Duration.ofHours(20)) : null, null, closed, null, null, null,
							null, (closed != null) ? "Shared with the service and its staff." : null, null));
					continue;
				}
				boolean flagged = random.nextInt(25) == 0;
				Set<Theme> about = EnumSet.of(themes[random.nextInt(themes.length)]);
				if (random.nextInt(3) == 0) {
					about.add(themes[random.nextInt(themes.length)]);
				}
				Theme main = about.iterator().next();
				String text = flagged ? FLAGGED[random.nextInt(FLAGGED.length)]
						: TEXTS.get(main)[random.nextInt(TEXTS.get(main).length)];
				int likelihood = 1 + random.nextInt(flagged ? 2 : 4) + (flagged ? 3 : 0);
				int impact = 1 + random.nextInt(flagged ? 2 : 4) + (flagged ? 3 : 0);
				RiskRating risk = new RiskRating(Math.min(likelihood, 5), Math.min(impact, 5));
				ConcernAction action = flagged ? ConcernAction.REFER_SAFEGUARDING : actionFor(risk, random);
				boolean acknowledged = ageDays > 1 || random.nextBoolean();
				boolean assessed = ageDays > 7 || (ageDays > 2 && random.nextBoolean());
				boolean closed = ageDays > 45 || (ageDays > 20 && random.nextBoolean());
				concerns.add(new PastConcern(ConcernKind.CONCERN, service.id(), service.providerId(), text, role,
						anonymous, name, received, acknowledged ? received.plus(Duration.ofHours(6)) : null,
						assessed ? received.plus(Duration.ofDays(3)) : null,
						(assessed && closed) ? received.plus(Duration.ofDays(20 + random.nextInt(20))) : null,
						assessed ? about : null, assessed ? risk : null, assessed ? action : null,
						assessed ? "Proportionate to the risk and the service's recent history." : null,
						(assessed && closed) ? "The provider put things right; checked at the next contact." : null,
						flagged ? "Demo: a phrase suggesting abuse or neglect" : null));
			}
		}
		return concerns;
	}

	private static ConcernAction actionFor(RiskRating risk, Random random) {
		return switch (risk.band()) {
			case LOW -> ConcernAction.INTELLIGENCE_ONLY;
			case MODERATE -> random.nextBoolean() ? ConcernAction.ASK_PROVIDER : ConcernAction.INTELLIGENCE_ONLY;
			case HIGH -> random.nextBoolean() ? ConcernAction.QA_VISIT_UNANNOUNCED : ConcernAction.IMPROVEMENT_PLAN;
			case EXTREME -> ConcernAction.RECOMMEND_ESCALATION;
		};
	}

	private static int poisson(Random random, double mean) {
		if (mean > 50) {
			// the normal approximation: exact enough for a demo, and the product below
			// would underflow
			return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
		}
		double limit = Math.exp(-mean);
		double product = random.nextDouble();
		int count = 0;
		while (product > limit) {
			product *= random.nextDouble();
			count++;
		}
		return count;
	}

}
