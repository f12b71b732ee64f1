package org.carecycle.oversight;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
import org.carecycle.shared.ReadCache;
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
 * registered manager. One SQL query gathers the signals of every service; the scores are
 * written back in one statement. One service can be recomputed alone (after a new concern
 * or a published review), using the peer medians of the last full run.
 */
@Service
public class RiskProfiles {

	/** Actions that make a concern serious: a quality visit or stronger. */
	static final List<String> SERIOUS_ACTIONS = List.of("QA_VISIT_ANNOUNCED", "QA_VISIT_UNANNOUNCED",
			"IMPROVEMENT_PLAN", "REFER_SAFEGUARDING", "SHARE_WITH_CQC", "RECOMMEND_ESCALATION");

	private static final String SIGNALS = """
			with cqc as (
			    select cqc_location_id, safe, effective, caring, responsive, well_led,
			           nullif(overall, '{}') as overall, overall_on
			    from providers_cqc_location_rating %s
			), qa as (
			    select care_service_id, array_agg(overall_rating order by published_at desc) as ratings
			    from quality_review where published_at is not null %s
			    group by care_service_id
			), recent as (
			    select care_service_id, count(*) as concerns,
			           count(*) filter (where action in (:serious) or safeguarding_flag) as serious
			    from concerns_signal
			    where kind = 'CONCERN' and received_at >= :yearAgo and care_service_id is not null and duplicate_of is null %s
			    group by care_service_id
			), referrals as (
			    select r.care_service_id, count(*) as open_referrals
			    from concerns_safeguarding_referral r
			    where r.status <> 'CLOSED' and r.care_service_id is not null %s
			    group by r.care_service_id
			), kpis as (
			    select care_service_id, count(*) as sent, count(*) filter (where cardinality(breaches) > 0) as breached,
			           count(*) filter (where late) as late
			    from kpi_return
			    where frequency = 'MONTHLY' and period_start in (:kpiFirst, :kpiSecond) %s
			    group by care_service_id
			), contracted as (
			    select care_service_id,
			           bool_or(starts_on <= :kpiFirstEnd and ends_on >= :kpiFirstEnd) as first,
			           bool_or(starts_on <= :kpiSecondEnd and ends_on >= :kpiSecondEnd) as second,
			           bool_or(starts_on <= :today and ends_on >= :today) as now
			    from providers_contract where ends_on >= :kpiSecondEnd %s
			    group by care_service_id
			), monthly_kpis as (
			    select type, min(applies_from) as applies_from
			    from kpi, unnest(service_types) as type
			    where active and frequency = 'MONTHLY'
			    group by type
			), notices as (
			    select care_service_id, provider_id, subject_kind from escalation where stage = 'CONTRACT_ACTION'
			)
			select s.id, s.service_type, s.beds, s.places, s.weekly_hours, s.registered_manager, s.cqc_location_id,
			       cqc.safe, cqc.effective, cqc.caring, cqc.responsive, cqc.well_led, cqc.overall, cqc.overall_on,
			       qa.ratings as qa_ratings, coalesce(recent.concerns, 0) as concerns, coalesce(recent.serious, 0) as serious,
			       coalesce(referrals.open_referrals, 0) as open_referrals,
			       coalesce(kpis.sent, 0) as kpi_sent, coalesce(kpis.breached, 0) as kpi_breached,
			       coalesce(kpis.late, 0) as kpi_late,
			       (coalesce(contracted.first, false) and monthly_kpis.applies_from <= :kpiFirstEnd)::int
			           + (coalesce(contracted.second, false) and monthly_kpis.applies_from <= :kpiSecondEnd)::int
			           as kpi_expected,
			       coalesce(contracted.now, false) as commissioned,
			       (select count(*) from notices n where n.care_service_id = s.id
			        or (n.subject_kind = 'PROVIDER' and n.provider_id = s.provider_id)) as default_notices
			from providers_service s
			left join cqc on cqc.cqc_location_id = s.cqc_location_id
			left join qa on qa.care_service_id = s.id
			left join recent on recent.care_service_id = s.id
			left join referrals on referrals.care_service_id = s.id
			left join kpis on kpis.care_service_id = s.id
			left join contracted on contracted.care_service_id = s.id
			left join monthly_kpis on monthly_kpis.type = s.service_type
			where s.status = 'ACTIVE' %s""";

	private final JdbcClient jdbc;

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

	/**
	 * The band counts and first pages of the register, kept until a profile is written
	 * (or a minute, for closures and renames of services): the dashboard reads them on
	 * every visit, and nationally each costs tens of milliseconds of database time.
	 */
	private final ReadCache<String, Map<RiskBand, Long>> bandCounts;

	private final ReadCache<List<Object>, List<Ranked>> rankings;

	static final java.time.Duration READS_KEPT = java.time.Duration.ofMinutes(1);

	RiskProfiles(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.bandCounts = new ReadCache<>(clock, READS_KEPT, 4);
		this.rankings = new ReadCache<>(clock, READS_KEPT, 64);
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
	 * Recomputes one service's profile, with the peer medians of the last full run, in a
	 * transaction of its own (it runs after the change that caused it has committed).
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
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
		String one = (only != null) ? " and %s = :only" : "";
		String sql = SIGNALS.formatted((only != null)
				? "where cqc_location_id = (select cqc_location_id from providers_service where id = :only)" : "",
				one.formatted("care_service_id"), one.formatted("care_service_id"), one.formatted("r.care_service_id"),
				one.formatted("care_service_id"), one.formatted("care_service_id"), one.formatted("s.id"));
		LocalDate today = UkTime.today(this.clock);
		KpiPeriod first = lastDueMonth(today);
		KpiPeriod second = first.previous();
		var statement = this.jdbc.sql(sql)
			.param("serious", SERIOUS_ACTIONS)
			.param("kpiFirst", Date.valueOf(first.start()))
			.param("kpiSecond", Date.valueOf(second.start()))
			.param("kpiFirstEnd", Date.valueOf(first.end()))
			.param("kpiSecondEnd", Date.valueOf(second.end()))
			.param("today", Date.valueOf(today))
			.param("yearAgo", Timestamp.from(yearAgo()));
		if (only != null) {
			statement = statement.param("only", only);
		}
		return statement.query((rs, n) -> gathered(rs, today)).list();
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

	private Gathered gathered(ResultSet rs, LocalDate today) throws SQLException {
		ServiceType type = ServiceType.valueOf(rs.getString("service_type"));
		RiskSignals.Builder signals = RiskSignals.builder();
		boolean registered = type.isCqcRegistered();
		String[] overall = strings(rs.getArray("overall"));
		Date[] overallOn = dates(rs.getArray("overall_on"));
		if (overall.length > 0) {
			signals.cqcOverall(cqc(overall[0]));
			List<RiskSignals.DatedRating> earlier = new ArrayList<>();
			for (int i = 1; i < overall.length; i++) {
				RiskSignals.CqcRating rating = cqc(overall[i]);
				if (rating != null) {
					earlier.add(new RiskSignals.DatedRating(rating, overallOn[i].toLocalDate()));
				}
			}
			signals.earlierCqcRatings(earlier);
			signals.monthsSinceLastInspection((int) ChronoUnit.MONTHS.between(overallOn[0].toLocalDate(), today));
			signals.cqcInspections(overall.length);
			Map<RiskSignals.KeyQuestion, RiskSignals.CqcRating> questions = new EnumMap<>(
					RiskSignals.KeyQuestion.class);
			put(questions, RiskSignals.KeyQuestion.SAFE, rs.getString("safe"));
			put(questions, RiskSignals.KeyQuestion.EFFECTIVE, rs.getString("effective"));
			put(questions, RiskSignals.KeyQuestion.CARING, rs.getString("caring"));
			put(questions, RiskSignals.KeyQuestion.RESPONSIVE, rs.getString("responsive"));
			put(questions, RiskSignals.KeyQuestion.WELL_LED, rs.getString("well_led"));
			signals.cqcKeyQuestions(questions);
		}
		else if (registered && rs.getString("cqc_location_id") != null) {
			signals.cqcInspections(0);
		}
		String[] qa = strings(rs.getArray("qa_ratings"));
		if (qa.length > 0) {
			signals.qaRating(RiskSignals.QaRating.valueOf(qa[0]));
			if (qa.length > 1) {
				signals.previousQaRating(RiskSignals.QaRating.valueOf(qa[1]));
			}
		}
		int concerns = rs.getInt("concerns");
		signals.seriousConcerns(rs.getInt("serious"));
		signals.openSafeguardingReferrals(rs.getInt("open_referrals"));
		int expected = rs.getInt("kpi_expected");
		if (expected > 0) {
			// of the last two monthly returns due: out of tolerance, and late or never
			// sent
			int missing = Math.max(0, expected - rs.getInt("kpi_sent"));
			signals.kpiReturns(Math.min(2, rs.getInt("kpi_breached")), Math.min(2, rs.getInt("kpi_late") + missing));
		}
		if (rs.getBoolean("commissioned")) {
			// the council's own formal finding that the contract is not met: contract
			// action on the escalation ladder, for the service or its whole provider
			signals.contractDefaultNotices(rs.getInt("default_notices"));
		}
		if (registered) {
			String manager = rs.getString("registered_manager");
			signals.registeredManagerAbsent(manager == null || manager.isBlank());
		}
		Double capacity = capacity(type, (Integer) rs.getObject("beds"), (Integer) rs.getObject("places"),
				(Integer) rs.getObject("weekly_hours"));
		return new Gathered(rs.getObject("id", UUID.class), type, capacity, signals, concerns);
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

	private static void put(Map<RiskSignals.KeyQuestion, RiskSignals.CqcRating> questions,
			RiskSignals.KeyQuestion question, String rating) {
		RiskSignals.CqcRating parsed = cqc(rating);
		if (parsed != null) {
			questions.put(question, parsed);
		}
	}

	private static RiskSignals.CqcRating cqc(String rating) {
		if (rating == null || rating.equals("NOT_RATED")) {
			return null;
		}
		return RiskSignals.CqcRating.valueOf(rating);
	}

	private static String[] strings(Array array) throws SQLException {
		return (array != null) ? (String[]) array.getArray() : new String[0];
	}

	private static Date[] dates(Array array) throws SQLException {
		return (array != null) ? (Date[]) array.getArray() : new Date[0];
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
		this.bandCounts.changed();
		this.rankings.changed();
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

	private Instant yearAgo() {
		return UkTime.today(this.clock).minusMonths(12).atStartOfDay(UkTime.ZONE).toInstant();
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
			int score, RiskBand band, String topSignals, Instant computedAt) {

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
		if (offset > 10 * limit) {
			return readRegister(atLeast, limit, offset);
		}
		return this.rankings.get(List.of(atLeast, limit, offset), () -> readRegister(atLeast, limit, offset));
	}

	private List<Ranked> readRegister(RiskBand atLeast, int limit, int offset) {
		List<Ranked> ranked = this.jdbc.sql("""
				select r.care_service_id as service_id, s.name as service_name, p.name as provider_name, s.service_type,
				       l.name as locality, r.score, r.band, array_to_string(r.contributions, '|') as top_signals,
				       r.computed_at
				from risk_profile r
				join providers_service s on s.id = r.care_service_id and s.status = 'ACTIVE'
				join providers_provider p on p.id = s.provider_id
				left join geography_locality l on l.id = s.locality_id
				where r.score >= :least
				order by r.score desc, s.name
				limit :limit offset :offset""")
			.param("least", atLeast.lowestScore())
			.param("limit", limit)
			.param("offset", offset)
			.query(Ranked.class)
			.list();
		return Collections.unmodifiableList(ranked);
	}

	public Map<RiskBand, Long> bands() {
		return this.bandCounts.get("active", this::readBands);
	}

	private Map<RiskBand, Long> readBands() {
		Map<RiskBand, Long> counts = new EnumMap<>(RiskBand.class);
		Arrays.stream(RiskBand.values()).forEach(band -> counts.put(band, 0L));
		this.jdbc.sql("""
				select r.band, count(*) from risk_profile r join providers_service s on s.id = r.care_service_id
				where s.status = 'ACTIVE' group by r.band""")
			.query((rs, n) -> counts.put(RiskBand.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		return Collections.unmodifiableMap(counts);
	}

	/** A service's profile as stored. */
	public record Profile(UUID serviceId, int score, RiskBand band, List<RiskAssessment.Contribution> contributions,
			List<String> unknown, List<String> caveats, Instant computedAt) {
	}

	public Optional<Profile> profile(UUID serviceId) {
		return this.jdbc.sql("""
				select care_service_id, score, band, contributions, unknown, caveats, computed_at from risk_profile
				where care_service_id = :id""").param("id", serviceId).query((rs, n) -> {
			List<RiskAssessment.Contribution> contributions = new ArrayList<>();
			for (String line : strings(rs.getArray("contributions"))) {
				String[] parts = line.split("\t", 3);
				if (parts.length == 3) {
					contributions.add(new RiskAssessment.Contribution(parts[0], parts[1], Integer.parseInt(parts[2])));
				}
			}
			return new Profile(serviceId, rs.getInt("score"), RiskBand.valueOf(rs.getString("band")), contributions,
					Arrays.asList(strings(rs.getArray("unknown"))), Arrays.asList(strings(rs.getArray("caveats"))),
					rs.getTimestamp("computed_at").toInstant());
		}).optional();
	}

	/** A point of a service's risk over time. */
	public record Point(LocalDate onDate, int score, RiskBand band) {
	}

	public List<Point> history(UUID serviceId, int days) {
		return this.jdbc.sql("""
				select on_date, score, band from risk_history where care_service_id = :id and on_date >= :from
				order by on_date""")
			.param("id", serviceId)
			.param("from", Date.valueOf(UkTime.today(this.clock).minusDays(days)))
			.query(Point.class)
			.list();
	}

	Map<UUID, Integer> scoresOn(LocalDate date) {
		Map<UUID, Integer> scores = new HashMap<>();
		this.jdbc.sql("select care_service_id, score from risk_history where on_date = :on")
			.param("on", Date.valueOf(date))
			.query((rs, n) -> scores.put(rs.getObject(1, UUID.class), rs.getInt(2)))
			.list();
		return scores;
	}

}
