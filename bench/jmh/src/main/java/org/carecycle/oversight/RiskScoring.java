package org.carecycle.oversight;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.carecycle.oversight.RiskSignals.CqcRating;
import org.carecycle.oversight.RiskSignals.DatedRating;
import org.carecycle.oversight.RiskSignals.KeyQuestion;
import org.carecycle.oversight.RiskSignals.QaRating;
import org.carecycle.providers.ServiceType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The scoring phase of the full risk recompute ({@link RiskProfiles#recomputeAll()}
 * between gathering the signals and writing the profiles): the peer medians of concerns
 * per unit of capacity by type of service, then each service's signals built and scored
 * by the {@link RiskModel}, for a national register of {@value #SERVICES} active
 * services. The signals are generated (seeded) in the proportions of the national demo.
 * The floor reads every signal of the same services once and adds them up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RiskScoring {

	/** Active services in the national demo dataset. */
	static final int SERVICES = 30_792;

	private static final ServiceType[] TYPES = ServiceType.values();

	/** How the national demo's services are spread over the types, in the same order. */
	private static final double[] TYPE_SHARES = { 0.16, 0.22, 0.30, 0.14, 0.06, 0.04, 0.08 };

	private final RiskModel model = new RiskModel();

	private List<RiskProfiles.Gathered> gathered;

	private RiskSignals[] built;

	@Setup
	public void generate() {
		Random random = new Random(2026_07L);
		LocalDate today = LocalDate.of(2026, 11, 1);
		this.gathered = new ArrayList<>(SERVICES);
		for (int i = 0; i < SERVICES; i++) {
			this.gathered.add(service(random, today));
		}
		Map<ServiceType, Double> medians = peerMedians(this.gathered);
		this.built = new RiskSignals[SERVICES];
		for (int i = 0; i < SERVICES; i++) {
			this.built[i] = signals(this.gathered.get(i), medians).build();
		}
	}

	/** What recomputeAll does between gathering and writing, for every service. */
	@Benchmark
	public List<RiskAssessment> score() {
		Map<ServiceType, Double> medians = peerMedians(this.gathered);
		List<UUID> ids = new ArrayList<>(this.gathered.size());
		List<RiskAssessment> assessments = new ArrayList<>(this.gathered.size());
		for (RiskProfiles.Gathered g : this.gathered) {
			ids.add(g.serviceId());
			assessments.add(this.model.score(signals(g, medians).build()));
		}
		return assessments;
	}

	/** Every signal of every service read once and added up. */
	@Benchmark
	public double floor() {
		double sum = 0;
		for (RiskSignals s : this.built) {
			sum += (s.cqcOverall() != null) ? s.cqcOverall().ordinal() : 0;
			if (s.cqcKeyQuestions() != null) {
				for (CqcRating rating : s.cqcKeyQuestions().values()) {
					sum += rating.ordinal();
				}
			}
			if (s.earlierCqcRatings() != null) {
				for (DatedRating earlier : s.earlierCqcRatings()) {
					sum += earlier.rating().ordinal();
				}
			}
			sum += value(s.monthsSinceLastInspection()) + value(s.cqcInspections());
			sum += (s.qaRating() != null) ? s.qaRating().ordinal() : 0;
			sum += (s.previousQaRating() != null) ? s.previousQaRating().ordinal() : 0;
			sum += value(s.concernsPerCapacity()) + value(s.peerMedianConcernsPerCapacity());
			sum += value(s.seriousConcerns()) + value(s.openSafeguardingReferrals()) + value(s.kpiReturnsBreached())
					+ value(s.kpiReturnsLate()) + value(s.contractDefaultNotices());
			sum += Boolean.TRUE.equals(s.registeredManagerAbsent()) ? 1 : 0;
		}
		return sum;
	}

	private static double value(Number number) {
		return (number != null) ? number.doubleValue() : 0;
	}

	/** As RiskProfiles.recomputeAll: the median rate of each type of service. */
	private static Map<ServiceType, Double> peerMedians(List<RiskProfiles.Gathered> gathered) {
		Map<ServiceType, List<Double>> rates = new EnumMap<>(ServiceType.class);
		for (RiskProfiles.Gathered g : gathered) {
			if (g.capacity() != null) {
				rates.computeIfAbsent(g.type(), t -> new ArrayList<>()).add(g.concerns() / g.capacity());
			}
		}
		Map<ServiceType, Double> medians = new EnumMap<>(ServiceType.class);
		rates.forEach((type, values) -> medians.put(type, RiskProfiles.median(values)));
		return medians;
	}

	/** As RiskProfiles.score: the service's signals with its concern rate. */
	private static RiskSignals.Builder signals(RiskProfiles.Gathered g, Map<ServiceType, Double> medians) {
		RiskSignals.Builder signals = g.signals();
		Double median = medians.get(g.type());
		if (g.capacity() != null && median != null) {
			signals.concernsPerCapacity(g.concerns() / g.capacity(), median);
		}
		return signals;
	}

	/** One service's signals as RiskProfiles.gathered would read them. */
	private static RiskProfiles.Gathered service(Random random, LocalDate today) {
		ServiceType type = TYPES[pick(random, TYPE_SHARES)];
		RiskSignals.Builder signals = RiskSignals.builder();
		boolean registered = type.isCqcRegistered();
		boolean commissioned = random.nextDouble() < 0.65;
		if (registered && random.nextDouble() < 0.93) {
			// rated: the current overall, earlier ones, the five key questions
			CqcRating overall = cqc(random);
			signals.cqcOverall(overall);
			List<DatedRating> earlier = new ArrayList<>();
			int inspections = 1 + random.nextInt(5);
			LocalDate published = today.minusMonths(1 + random.nextInt(48));
			signals.monthsSinceLastInspection((int) java.time.temporal.ChronoUnit.MONTHS.between(published, today));
			for (int i = 1; i < inspections; i++) {
				published = published.minusMonths(12 + random.nextInt(30));
				earlier.add(new DatedRating(cqc(random), published));
			}
			signals.earlierCqcRatings(earlier);
			signals.cqcInspections(inspections);
			Map<KeyQuestion, CqcRating> questions = new EnumMap<>(KeyQuestion.class);
			for (KeyQuestion question : KeyQuestion.values()) {
				questions.put(question, (random.nextDouble() < 0.8) ? overall : cqc(random));
			}
			signals.cqcKeyQuestions(questions);
		}
		else if (registered) {
			signals.cqcInspections(0);
		}
		if (commissioned && random.nextDouble() < 0.95) {
			signals.qaRating(qa(random));
			if (random.nextDouble() < 0.8) {
				signals.previousQaRating(qa(random));
			}
		}
		int concerns = poisson(random, 1.6);
		signals.seriousConcerns(Math.min(concerns, poisson(random, 0.15)));
		signals.openSafeguardingReferrals(poisson(random, 0.1));
		if (commissioned) {
			signals.kpiReturns(poisson(random, 0.2), poisson(random, 0.3));
			signals.contractDefaultNotices((random.nextDouble() < 0.01) ? 1 : 0);
		}
		if (registered) {
			signals.registeredManagerAbsent(random.nextDouble() < 0.07);
		}
		Integer beds = 10 + random.nextInt(80);
		Integer places = 2 + random.nextInt(40);
		Integer hours = (random.nextDouble() < 0.97) ? 100 + random.nextInt(3000) : null;
		Double capacity = RiskProfiles.capacity(type, beds, places, hours);
		return new RiskProfiles.Gathered(new UUID(random.nextLong(), random.nextLong()), type, capacity, signals,
				concerns);
	}

	/**
	 * CQC's published overall ratings, roughly: 4% Outstanding, 76% Good, 17% RI, 3%
	 * Inadequate.
	 */
	private static CqcRating cqc(Random random) {
		return CqcRating.values()[pick(random, new double[] { 0.04, 0.76, 0.17, 0.03 })];
	}

	private static QaRating qa(Random random) {
		return QaRating.values()[pick(random, new double[] { 0.10, 0.65, 0.20, 0.05 })];
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

	private static int poisson(Random random, double mean) {
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
