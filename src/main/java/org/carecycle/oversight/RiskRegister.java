package org.carecycle.oversight;

import java.sql.Date;
import java.time.Clock;
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

import org.carecycle.oversight.RiskProfiles.Point;
import org.carecycle.oversight.RiskProfiles.Profile;
import org.carecycle.oversight.RiskProfiles.Ranked;
import org.carecycle.shared.ReadCache;
import org.carecycle.shared.UkTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import static org.carecycle.oversight.RiskSignalGathering.strings;

/**
 * The read side of the risk profiles: the register by band, the band counts, a service's
 * profile and its history. The dashboard reads the register on every visit, so this is
 * where its caches are kept; {@link RiskProfiles} tells it when a profile is written.
 */
@Service
class RiskRegister {

	/**
	 * The band counts and first pages of the register, kept until a profile is written
	 * (or a minute, for closures and renames of services): the dashboard reads them on
	 * every visit, and nationally each costs tens of milliseconds of database time.
	 */
	private final ReadCache<String, Map<RiskBand, Long>> bandCounts;

	private final ReadCache<List<Object>, List<Ranked>> rankings;

	static final java.time.Duration READS_KEPT = java.time.Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private final Clock clock;

	RiskRegister(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.bandCounts = new ReadCache<>(clock, READS_KEPT, 4);
		this.rankings = new ReadCache<>(clock, READS_KEPT, 64);
	}

	/** A profile was written: the register and its counts are read again. */
	void changed() {
		this.bandCounts.changed();
		this.rankings.changed();
	}

	List<Ranked> register(RiskBand atLeast, int limit, int offset) {
		if (offset > 10 * limit) {
			return readRegister(atLeast, limit, offset);
		}
		return this.rankings.get(List.of(atLeast, limit, offset), () -> readRegister(atLeast, limit, offset));
	}

	private List<Ranked> readRegister(RiskBand atLeast, int limit, int offset) {
		List<Ranked> ranked = this.jdbc.sql("""
				select r.care_service_id as service_id, s.name as service_name, p.name as provider_name, s.service_type,
				       l.name as locality, r.score, r.band, array_to_string(r.contributions, '|') as top_signals,
				       r.computed_at,
				       coalesce((select sum(split_part(c, chr(9), 3)::int) from unnest(r.contributions) c
				                 where split_part(c, chr(9), 1) <> 'risk.cap'), 0) as evidence
				from risk_profile r
				join providers_service s on s.id = r.care_service_id and s.status = 'ACTIVE'
				join providers_provider p on p.id = s.provider_id
				left join geography_locality l on l.id = s.locality_id
				where r.score >= :least
				order by r.score desc, evidence desc, s.name, s.id
				limit :limit offset :offset""")
			.param("least", atLeast.lowestScore())
			.param("limit", limit)
			.param("offset", offset)
			.query(Ranked.class)
			.list();
		return Collections.unmodifiableList(ranked);
	}

	Map<RiskBand, Long> bands() {
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

	Optional<Profile> profile(UUID serviceId) {
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

	List<Point> history(UUID serviceId, int days) {
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
