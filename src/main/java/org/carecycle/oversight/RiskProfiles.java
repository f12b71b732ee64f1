package org.carecycle.oversight;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.carecycle.providers.ServiceType;
import org.carecycle.shared.UkTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes every active service's risk profile with the {@link RiskModel}, from what the
 * other modules hold: CQC's ratings and their history, the council's published review
 * ratings, concerns in the last twelve months against similar services (per bed, place or
 * 100 weekly hours, compared with the median of the same type of service), serious
 * concerns, open safeguarding referrals, the last two monthly KPI returns (out of
 * tolerance, late or missing), contract action on the escalation ladder and a missing
 * registered manager. One SQL query gathers the signals of every service
 * ({@link RiskSignalGathering}); the scores are written back in one statement, and read
 * by the register ({@link RiskRegister}). One service can be recomputed alone (after a
 * new concern or a published review), using the peer medians of the last full run.
 */
@Service
public class RiskProfiles {

	private final JdbcClient jdbc;

	private final RiskSignalGathering gathering;

	private final RiskRegister register;

	private final RiskModel model = new RiskModel();

	private final Clock clock;

	/**
	 * The median concerns per unit of capacity of each type of service, from the last
	 * full run.
	 */
	private final Map<ServiceType, Double> peerMedians = new ConcurrentHashMap<>();

	/** The last full run, for the register page and the bench. */
	private volatile Recomputed lastFull;

	/** How long the latest single-service recomputes took, in microseconds (a ring). */
	private final long[] singleMicros = new long[1000];

	private int singles;

	RiskProfiles(JdbcClient jdbc, Clock clock, RiskSignalGathering gathering, RiskRegister register) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.gathering = gathering;
		this.register = register;
	}

	/** One service's signals as gathered, before scoring. */
	record Gathered(UUID serviceId, ServiceType type, Double capacity, RiskSignals.Builder signals, int concerns) {
	}

	/** What a full recompute did and how long each part took. */
	public record Recomputed(int services, long gatherMillis, long scoreMillis, long writeMillis) {

		public long totalMillis() {
			return this.gatherMillis + this.scoreMillis + this.writeMillis;
		}

	}

	/** Recomputes every active service's profile. */
	@Transactional
	public Recomputed recomputeAll() {
		long started = System.nanoTime();
		List<Gathered> gathered = gather(null);
		long gatheredAt = System.nanoTime();
		Map<ServiceType, List<Double>> rates = new EnumMap<>(ServiceType.class);
		for (Gathered g : gathered) {
			if (g.capacity() != null) {
				rates.computeIfAbsent(g.type(), t -> new ArrayList<>()).add(g.concerns() / g.capacity());
			}
		}
		rates.forEach((type, values) -> this.peerMedians.put(type, median(values)));
		List<UUID> ids = new ArrayList<>(gathered.size());
		List<RiskAssessment> assessments = new ArrayList<>(gathered.size());
		for (Gathered g : gathered) {
			ids.add(g.serviceId());
			assessments.add(score(g));
		}
		long scoredAt = System.nanoTime();
		writeChanged(ids, assessments);
		long written = System.nanoTime();
		this.lastFull = new Recomputed(ids.size(), (gatheredAt - started) / 1_000_000,
				(scoredAt - gatheredAt) / 1_000_000, (written - scoredAt) / 1_000_000);
		return this.lastFull;
	}

	/**
	 * Recomputes one service's profile, with the peer medians of the last full run. It
	 * joins the transaction of its caller: the risk listeners' own, which runs after the
	 * change that caused it has committed. (A transaction of its own inside the
	 * listener's would hold two connections per recompute, and a burst of them took the
	 * whole pool.)
	 */
	@Transactional
	public Optional<RiskAssessment> recompute(UUID serviceId) {
		if (this.peerMedians.isEmpty()) {
			loadPeerMedians();
		}
		long started = System.nanoTime();
		List<Gathered> gathered = gather(serviceId);
		if (gathered.isEmpty()) {
			return Optional.empty();
		}
		RiskAssessment assessment = score(gathered.get(0));
		write(List.of(serviceId), List.of(assessment));
		this.written.put(serviceId, assessment.hashCode());
		synchronized (this.singleMicros) {
			this.singleMicros[this.singles % this.singleMicros.length] = (System.nanoTime() - started) / 1_000;
			this.singles++;
		}
		return Optional.of(assessment);
	}

	private void loadPeerMedians() {
		Map<ServiceType, List<Double>> rates = new EnumMap<>(ServiceType.class);
		for (Gathered g : gather(null)) {
			if (g.capacity() != null) {
				rates.computeIfAbsent(g.type(), t -> new ArrayList<>()).add(g.concerns() / g.capacity());
			}
		}
		rates.forEach((type, values) -> this.peerMedians.put(type, median(values)));
	}

	private RiskAssessment score(Gathered g) {
		RiskSignals.Builder signals = g.signals();
		Double median = this.peerMedians.get(g.type());
		if (g.capacity() != null && median != null) {
			signals.concernsPerCapacity(g.concerns() / g.capacity(), median);
		}
		return this.model.score(signals.build());
	}

	private List<Gathered> gather(UUID only) {
		return this.gathering.gather(only);
	}

	/**
	 * A provider's active services, to recompute after a change to the whole provider.
	 */
	List<UUID> servicesOf(UUID providerId) {
		return this.jdbc.sql("select id from providers_service where provider_id = :p and status = 'ACTIVE'")
			.param("p", providerId)
			.query(UUID.class)
			.list();
	}

	/** The latest month whose KPI return is due by now. */
	static KpiPeriod lastDueMonth(LocalDate today) {
		KpiPeriod period = KpiPeriod.containing(KpiPeriod.Frequency.MONTHLY, today).previous();
		return period.dueOn().isBefore(today) ? period : period.previous();
	}

	/** Beds or places, or hundreds of weekly hours for services counted in hours. */
	public static Double capacity(ServiceType type, Integer beds, Integer places, Integer weeklyHours) {
		Integer units = switch (type.capacity()) {
			case BEDS -> beds;
			case PLACES -> places;
			case WEEKLY_HOURS -> weeklyHours;
		};
		if (units == null || units <= 0) {
			return null;
		}
		return (type.capacity() == ServiceType.Capacity.WEEKLY_HOURS) ? units / 100.0 : units.doubleValue();
	}

	/**
	 * What each service's profile was when last written, by a hash, and the day its
	 * history point was written: a full run sends only the profiles that changed (all of
	 * them on its first run and on the first run of a day, for the history).
	 */
	private final Map<UUID, Integer> written = new ConcurrentHashMap<>();

	private volatile LocalDate writtenOn;

	private void writeChanged(List<UUID> ids, List<RiskAssessment> assessments) {
		LocalDate today = UkTime.today(this.clock);
		boolean everything = !today.equals(this.writtenOn);
		List<UUID> changedIds = new ArrayList<>();
		List<RiskAssessment> changed = new ArrayList<>();
		Map<UUID, Integer> hashes = new HashMap<>();
		for (int i = 0; i < ids.size(); i++) {
			int hash = assessments.get(i).hashCode();
			hashes.put(ids.get(i), hash);
			if (everything || !Integer.valueOf(hash).equals(this.written.get(ids.get(i)))) {
				changedIds.add(ids.get(i));
				changed.add(assessments.get(i));
			}
		}
		if (!changedIds.isEmpty()) {
			write(changedIds, changed);
		}
		this.written.putAll(hashes);
		this.writtenOn = today;
	}

	/**
	 * Writes the profiles and today's point of their history. A profile that has not
	 * changed is left as it is (its computed_at says when it last changed), so a run that
	 * changes little writes little.
	 */
	private void write(List<UUID> ids, List<RiskAssessment> assessments) {
		this.register.changed();
		int n = ids.size();
		String[] idArray = new String[n];
		Integer[] scores = new Integer[n];
		String[] bands = new String[n];
		String[] contributions = new String[n];
		String[] unknown = new String[n];
		String[] caveats = new String[n];
		for (int i = 0; i < n; i++) {
			RiskAssessment a = assessments.get(i);
			idArray[i] = ids.get(i).toString();
			scores[i] = a.score();
			bands[i] = a.band().name();
			contributions[i] = String.join("\n", a.contributions()
				.stream()
				.map(c -> c.signal() + "\t" + c.value().replace('\t', ' ').replace('\n', ' ') + "\t" + c.points())
				.toList());
			unknown[i] = String.join("\n", a.unknown());
			caveats[i] = String.join("\n", a.caveats());
		}
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into risk_profile (care_service_id, score, band, contributions, unknown, caveats, computed_at)
				select id::uuid, score, band, string_to_array(contributions, E'\\n'), string_to_array(unknown, E'\\n'),
				       string_to_array(caveats, E'\\n'), :now
				from unnest(:ids::text[], :scores::int[], :bands::text[], :contributions::text[], :unknown::text[],
				            :caveats::text[]) as t(id, score, band, contributions, unknown, caveats)
				on conflict (care_service_id) do update set score = excluded.score, band = excluded.band,
				    contributions = excluded.contributions, unknown = excluded.unknown, caveats = excluded.caveats,
				    computed_at = excluded.computed_at
				where (risk_profile.score, risk_profile.band, risk_profile.contributions, risk_profile.unknown,
				       risk_profile.caveats) is distinct from
				      (excluded.score, excluded.band, excluded.contributions, excluded.unknown, excluded.caveats)""")
			.param("ids", idArray)
			.param("scores", scores)
			.param("bands", bands)
			.param("contributions", contributions)
			.param("unknown", unknown)
			.param("caveats", caveats)
			.param("now", Timestamp.from(now))
			.update();
		this.jdbc
			.sql("""
					insert into risk_history (care_service_id, on_date, score, band)
					select id::uuid, :today, score, band from unnest(:ids::text[], :scores::int[], :bands::text[]) as t(id, score, band)
					on conflict (care_service_id, on_date) do update set score = excluded.score, band = excluded.band
					where (risk_history.score, risk_history.band) is distinct from (excluded.score, excluded.band)""")
			.param("ids", idArray)
			.param("scores", scores)
			.param("bands", bands)
			.param("today", Date.valueOf(UkTime.today(this.clock)))
			.update();
	}

	static double median(List<Double> values) {
		if (values.isEmpty()) {
			return 0;
		}
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	/**
	 * How long recomputing took: the last full run, and the median and slowest of the
	 * latest single-service recomputes (in microseconds).
	 */
	public record Timings(Recomputed lastFull, int singles, long singleMedianMicros, long singleMaxMicros) {
	}

	public Timings timings() {
		long[] copy;
		int count;
		synchronized (this.singleMicros) {
			count = Math.min(this.singles, this.singleMicros.length);
			copy = Arrays.copyOf(this.singleMicros, count);
		}
		Arrays.sort(copy);
		return new Timings(this.lastFull, this.singles, (count > 0) ? copy[count / 2] : 0,
				(count > 0) ? copy[count - 1] : 0);
	}

	// Reading
	// --------------------

	/** A service in the risk register. */
	public record Ranked(UUID serviceId, String serviceName, String providerName, String serviceType, String locality,
			int score, RiskBand band, String topSignals, Instant computedAt, int evidence) {

		/**
		 * Whether the signals add up to more than the score shows: the register ranks
		 * services at the cap by what their signals add up to.
		 */
		public boolean isCapped() {
			return this.evidence > this.score;
		}

		/** The three signals that added most, largest first. */
		public List<RiskAssessment.Contribution> top() {
			List<RiskAssessment.Contribution> all = new ArrayList<>();
			if (this.topSignals != null) {
				for (String line : this.topSignals.split("\\|")) {
					String[] parts = line.split("\t", 3);
					if (parts.length == 3 && !parts[2].equals("0")) {
						all.add(new RiskAssessment.Contribution(parts[0], parts[1], Integer.parseInt(parts[2])));
					}
				}
			}
			all.sort((a, b) -> Integer.compare(b.points(), a.points()));
			return all.subList(0, Math.min(3, all.size()));
		}

	}

	public List<Ranked> register(RiskBand atLeast, int limit, int offset) {
		return this.register.register(atLeast, limit, offset);
	}

	public Map<RiskBand, Long> bands() {
		return this.register.bands();
	}

	/** A service's profile as stored. */
	public record Profile(UUID serviceId, int score, RiskBand band, List<RiskAssessment.Contribution> contributions,
			List<String> unknown, List<String> caveats, Instant computedAt) {
	}

	public Optional<Profile> profile(UUID serviceId) {
		return this.register.profile(serviceId);
	}

	/** A point of a service's risk over time. */
	public record Point(LocalDate onDate, int score, RiskBand band) {
	}

	public List<Point> history(UUID serviceId, int days) {
		return this.register.history(serviceId, days);
	}

	/**
	 * The current risk band of each of these services that has been scored, for a page of
	 * search results (one query, however many services).
	 */
	public Map<UUID, RiskBand> bands(java.util.Collection<UUID> serviceIds) {
		Map<UUID, RiskBand> bands = new HashMap<>();
		if (serviceIds.isEmpty()) {
			return bands;
		}
		this.jdbc.sql("select care_service_id, band from risk_profile where care_service_id in (:ids)")
			.param("ids", new java.util.ArrayList<>(new java.util.LinkedHashSet<>(serviceIds)))
			.query((rs, n) -> bands.put(rs.getObject(1, UUID.class), RiskBand.valueOf(rs.getString(2))))
			.list();
		return bands;
	}

	/** Every scored service's current score. */
	public Map<UUID, Integer> currentScores() {
		Map<UUID, Integer> scores = new HashMap<>();
		this.jdbc.sql("select care_service_id, score from risk_profile")
			.query((rs, n) -> scores.put(rs.getObject(1, UUID.class), rs.getInt(2)))
			.list();
		return scores;
	}

	/** A service's score on a past day, as an earlier record shows it. */
	public record PastScore(UUID serviceId, LocalDate onDate, int score) {
	}

	/**
	 * Records services' scores on past days, for loaders of earlier records (the demo
	 * county); a day already recorded is kept as it is.
	 */
	@Transactional
	public int recordPastScores(List<PastScore> scores) {
		LocalDate today = UkTime.today(this.clock);
		List<PastScore> past = scores.stream().filter(p -> p.onDate().isBefore(today)).toList();
		int n = past.size();
		String[] ids = new String[n];
		String[] dates = new String[n];
		Integer[] values = new Integer[n];
		String[] bands = new String[n];
		for (int i = 0; i < n; i++) {
			PastScore p = past.get(i);
			ids[i] = p.serviceId().toString();
			dates[i] = p.onDate().toString();
			values[i] = p.score();
			bands[i] = RiskBand.forScore(p.score()).name();
		}
		return this.jdbc.sql("""
				insert into risk_history (care_service_id, on_date, score, band)
				select id::uuid, on_date::date, score, band
				from unnest(:ids::text[], :dates::text[], :scores::int[], :bands::text[]) as t(id, on_date, score, band)
				on conflict (care_service_id, on_date) do nothing""")
			.param("ids", ids)
			.param("dates", dates)
			.param("scores", values)
			.param("bands", bands)
			.update();
	}

	Map<UUID, Integer> scoresOn(LocalDate date) {
		return this.register.scoresOn(date);
	}

}
