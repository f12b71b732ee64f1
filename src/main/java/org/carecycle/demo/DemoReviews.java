package org.carecycle.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.carecycle.concerns.ConcernKind;
import org.carecycle.concerns.ConcernLoader.PastConcern;
import org.carecycle.demo.DemoReviewRows.Batch;
import org.carecycle.providers.CqcRating;
import org.carecycle.providers.KeyQuestion;
import org.carecycle.providers.RegisterLoader.NewContact;
import org.carecycle.providers.RegisterLoader.NewContract;
import org.carecycle.providers.RegisterLoader.NewRating;
import org.carecycle.providers.RegisterLoader.NewService;
import org.carecycle.quality.Framework;

/**
 * The quality assurance review history of the demo county's commissioned services, as the
 * review process would have left it: a review about every ten to twelve months (sooner
 * for riskier services), each visited, rated standard by standard, checked by the
 * provider, sometimes challenged, published with the rating the {@link RatingRule} gives;
 * a rating below Good (or any standard below Good) brings an action plan and a follow-up
 * review six months on. Worse CQC ratings and more concerns make lower ratings likelier,
 * and a few services deteriorate over their last reviews.
 * <p>
 * Each service's history is first laid out as a schedule with every step's date, as if
 * the future happened too; today then cuts it: what happened before today is recorded,
 * the review under way is left where today finds it. A few services are set up for a
 * walkthrough: one draft waiting to be sent, the demo provider's draft open for comments
 * and its report waiting for an action plan, and a handful of services overdue for their
 * review. Deterministic: the same county, seed and date give the same reviews.
 * <p>
 * This class holds what every service's history shares (the county's contracts, CQC
 * ratings and contacts, who takes part, the one {@link Random});
 * {@link DemoServiceHistory} lays out one service's schedule, {@link DemoReviewRecorder}
 * writes it as today finds it, into the {@link DemoReviewRows}; {@link DemoReviewRatings}
 * draws and scores the ratings.
 */
final class DemoReviews {

	/** About this share of the commissioned services is overdue for its review today. */
	static final double OVERDUE_SHARE = 0.011;

	/** Someone who takes part in reviews. */
	record Person(UUID id, String name) {
	}

	/**
	 * Who carries out, decides and answers the reviews.
	 *
	 * @param officers the quality assurance officers, the demo's own first
	 * @param senior the senior officer who decides providers' challenges
	 * @param providerUser the demo provider's user, who answers for its services
	 * @param demoProviderId the demo provider
	 */
	record Cast(List<Person> officers, Person senior, Person providerUser, UUID demoProviderId) {

		Person lead() {
			return this.officers.get(0);
		}

	}

	/** The words of the timeline, from messages where they exist. */
	interface Notes {

		String text(String key, String fallback, Object... args);

	}

	/** How today finds a service that is set up for the walkthrough. */
	enum Present {

		/** However its history leaves it. */
		NATURAL,
		/** A draft written yesterday and not yet sent. */
		DRAFT,
		/** A draft sent to the provider a few days ago, open for comments. */
		OPEN_FOR_COMMENTS,
		/**
		 * Published a few days ago, rated Requires improvement: the action plan is due.
		 */
		ACTION_PLAN_DUE,
		/**
		 * Last visited over a year ago; its late review is planned for the coming weeks.
		 */
		OVERDUE_PLANNED,
		/** Last visited over a year ago, and not planned yet. */
		OVERDUE_UNPLANNED

	}

	// The generator
	// --------------------

	final Framework framework;

	final List<Framework.Standard> standards;

	final DemoReviewRatings rater;

	final LocalDate today;

	final LocalDate windowStart;

	final Random random;

	final Cast cast;

	final Notes notes;

	private final double concernYears;

	private final double concernRate;

	final Map<UUID, LocalDate> firstContract = new HashMap<>();

	final Map<String, CqcRating> cqc = new HashMap<>();

	final Set<String> cqcFell = new HashSet<>();

	final Map<UUID, String> providerContact = new HashMap<>();

	private final Map<UUID, Present> present = new HashMap<>();

	final Set<UUID> fresh = new HashSet<>();

	/**
	 * @param county the county, for its contracts, CQC ratings and contacts
	 * @param framework the framework version the reviews are scored against
	 * @param today the day the history ends
	 * @param seed the seed of the generator
	 * @param years how many years of reviews
	 * @param concernYears the years of concerns generated with them (to read their rate)
	 * @param concernRate the multiplier the concerns were generated with
	 * @param cast who takes part
	 * @param notes the words of the timeline
	 */
	DemoReviews(DemoCounty county, Framework framework, LocalDate today, long seed, int years, int concernYears,
			double concernRate, Cast cast, Notes notes) {
		this.framework = framework;
		this.standards = framework.standards();
		this.rater = new DemoReviewRatings(framework);
		this.today = today;
		this.windowStart = today.minusYears(years);
		this.random = new Random(seed * 7919 + 13);
		this.cast = cast;
		this.notes = notes;
		this.concernYears = Math.max(1, concernYears);
		this.concernRate = (concernRate > 0) ? concernRate : 1;
		for (NewContract contract : county.contracts()) {
			this.firstContract.merge(contract.serviceId(), contract.startsOn(), (a, b) -> a.isBefore(b) ? a : b);
		}
		Set<UUID> inForce = new HashSet<>();
		for (NewContract contract : county.contracts()) {
			if (!contract.startsOn().isAfter(today) && !contract.endsOn().isBefore(today)) {
				inForce.add(contract.serviceId());
			}
		}
		this.firstContract.keySet().retainAll(inForce);
		Map<String, List<NewRating>> overall = new HashMap<>();
		for (NewRating rating : county.ratings()) {
			if (rating.question() == KeyQuestion.OVERALL) {
				overall.computeIfAbsent(rating.cqcLocationId(), k -> new ArrayList<>()).add(rating);
			}
		}
		overall.forEach((location, ratings) -> {
			ratings.sort(Comparator.comparing(NewRating::publishedOn));
			CqcRating latest = ratings.get(ratings.size() - 1).rating();
			this.cqc.put(location, latest);
			if (ratings.size() > 1 && rank(latest) < rank(ratings.get(ratings.size() - 2).rating())) {
				this.cqcFell.add(location);
			}
		});
		for (NewContact contact : county.contacts()) {
			if (contact.position() == 0) {
				this.providerContact.put(contact.providerId(), contact.name());
			}
		}
		choosePresent(county, seed);
	}

	/**
	 * Which services are new to the council, and which are set up for the walkthrough.
	 */
	private void choosePresent(DemoCounty county, long seed) {
		Random picks = new Random(seed * 31 + 7);
		List<NewService> commissioned = county.services()
			.stream()
			.filter(s -> this.firstContract.containsKey(s.id()))
			.toList();
		List<NewService> candidates = new ArrayList<>();
		List<NewService> demoProvider = new ArrayList<>();
		for (NewService service : commissioned) {
			boolean recent = this.firstContract.get(service.id()).isAfter(this.today.minusMonths(15));
			boolean registeredRecently = service.registeredOn().isAfter(this.today.minusMonths(18));
			if (registeredRecently) {
				// no history before it was registered: its reviews start with its
				// contract
				this.fresh.add(service.id());
			}
			else if (service.providerId().equals(this.cast.demoProviderId())) {
				demoProvider.add(service);
			}
			else if (recent && picks.nextDouble() < 0.3) {
				this.fresh.add(service.id());
			}
			else {
				candidates.add(service);
			}
		}
		if (!demoProvider.isEmpty()) {
			this.present.put(demoProvider.get(0).id(), Present.OPEN_FOR_COMMENTS);
		}
		if (demoProvider.size() > 1) {
			this.present.put(demoProvider.get(1).id(), Present.ACTION_PLAN_DUE);
		}
		if (candidates.isEmpty()) {
			return;
		}
		this.present.put(candidates.remove(picks.nextInt(candidates.size())).id(), Present.DRAFT);
		long overdue = Math.max(3, Math.round(OVERDUE_SHARE * commissioned.size()));
		for (int i = 0; i < overdue && !candidates.isEmpty(); i++) {
			this.present.put(candidates.remove(picks.nextInt(candidates.size())).id(),
					(i % 2 == 0) ? Present.OVERDUE_PLANNED : Present.OVERDUE_UNPLANNED);
		}
	}

	/** How today finds the service, for the walkthrough. */
	Present presentOf(UUID serviceId) {
		return this.present.getOrDefault(serviceId, Present.NATURAL);
	}

	/**
	 * The reviews of these services (those commissioned today), continuing the sequence.
	 */
	Batch generate(List<NewService> services, List<PastConcern> concerns) {
		Map<UUID, Integer> concernCounts = new HashMap<>();
		for (PastConcern concern : concerns) {
			if (concern.kind() == ConcernKind.CONCERN && concern.careServiceId() != null) {
				concernCounts.merge(concern.careServiceId(), 1, Integer::sum);
			}
		}
		Batch batch = new Batch();
		for (NewService service : services) {
			if (!this.firstContract.containsKey(service.id())) {
				continue;
			}
			double perYear = concernCounts.getOrDefault(service.id(), 0) / this.concernYears / this.concernRate;
			new DemoServiceHistory(this, service, perYear).write(batch);
		}
		return batch;
	}

	private static int rank(CqcRating rating) {
		return switch (rating) {
			case OUTSTANDING -> 4;
			case GOOD -> 3;
			case REQUIRES_IMPROVEMENT -> 2;
			case INADEQUATE -> 1;
			case NOT_RATED -> 0;
		};
	}

	static <T> T pick(Random random, List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	static UUID uuid(Random random) {
		long high = (random.nextLong() & ~0xF000L) | 0x4000L;
		long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
		return new UUID(high, low);
	}

}