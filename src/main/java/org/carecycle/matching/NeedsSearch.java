package org.carecycle.matching;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.carecycle.oversight.RiskBand;
import org.carecycle.oversight.RiskProfiles;
import org.carecycle.procurement.FrameworkMembership;
import org.carecycle.providers.Placements;
import org.carecycle.providers.Specialism;
import org.carecycle.shared.UkTime;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The needs-based search: which services can meet a person's needs, near where they live,
 * best first, with the score explained (ADR 0039). One SQL statement finds, filters and
 * scores the services (the postcode districts within reach first, then their services by
 * an index, so a national register costs what a county does); then one query each asks
 * which of the page are embargoed (left out: the council places no one there) and, for
 * staff, which are at high risk.
 */
@Service
public class NeedsSearch {

	/** The most results a search shows: a shortlist is made from the top of the list. */
	public static final int SHOWN = 25;

	/** Rows read before embargoed services are left out, so that a page stays full. */
	private static final int READ = 60;

	/** Miles per degree of latitude, for the box around the person's district. */
	private static final double MILES_PER_DEGREE = 69.05;

	private static final String CQC_RANK = """
			case s.cqc_overall when 'OUTSTANDING' then 4 when 'GOOD' then 3 when 'REQUIRES_IMPROVEMENT' then 2
			                   when 'INADEQUATE' then 1 end""";

	private static final String COUNCIL_RANK = """
			case q.overall_rating when 'EXCELLENT' then 4 when 'GOOD' then 3 when 'REQUIRES_IMPROVEMENT' then 2
			                      when 'POOR' then 1 end""";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Placements placements;

	private final ObjectProvider<RiskProfiles> risks;

	private final ObjectProvider<FrameworkMembership> frameworks;

	private final int staleAfterDays;

	NeedsSearch(JdbcClient jdbc, Clock clock, Placements placements, ObjectProvider<RiskProfiles> risks,
			ObjectProvider<FrameworkMembership> frameworks,
			@Value("${carecycle.matching.vacancies-stale-after:7d}") Duration staleAfter) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.placements = placements;
		this.risks = risks;
		this.frameworks = frameworks;
		this.staleAfterDays = (int) staleAfter.toDays();
	}

	/** What a search found: the ranked services, and how many embargoed were left out. */
	public record Found(List<Match> matches, int embargoedLeftOut, boolean more) {
	}

	/** The lots a search may require, when procurement keeps them (else none). */
	public List<FrameworkMembership.Lot> lots() {
		FrameworkMembership membership = this.frameworks.getIfAvailable();
		return (membership != null) ? membership.openLots() : List.of();
	}

	public int staleAfterDays() {
		return this.staleAfterDays;
	}

	/** The search for council staff: prices, risk warnings and lots. */
	public Found forStaff(Needs needs) {
		Found found = search(needs, true);
		RiskProfiles risks = this.risks.getIfAvailable();
		if (risks == null || found.matches().isEmpty()) {
			return found;
		}
		Map<UUID, RiskBand> bands = risks.bands(found.matches().stream().map(Match::serviceId).toList());
		List<Match> warned = found.matches().stream().map(match -> {
			RiskBand band = bands.get(match.serviceId());
			return (band == null) ? match : match.withRisk(band.isAlert(), band.name());
		}).toList();
		return new Found(warned, found.embargoedLeftOut(), found.more());
	}

	/**
	 * The search for self-funders and families on the public directory: no prices (and
	 * price plays no part in the order), no lots, no risk detail.
	 */
	public Found forPublic(Needs needs) {
		return search(new Needs(needs.type(), needs.clientGroup(), needs.specialisms(), needs.near(),
				needs.withinMiles(), needs.vacancyNow(), needs.minimumQuality(), null, null), false);
	}

	private Found search(Needs needs, boolean withPrices) {
		Map<String, Object> params = new LinkedHashMap<>();
		double lat = needs.near().centroid().latitude();
		double lon = needs.near().centroid().longitude();
		double latSpan = needs.withinMiles() / MILES_PER_DEGREE;
		double lonSpan = latSpan / Math.max(0.2, Math.cos(Math.toRadians(lat)));
		params.put("lat", lat);
		params.put("lon", lon);
		params.put("latMin", lat - latSpan);
		params.put("latMax", lat + latSpan);
		params.put("lonMin", lon - lonSpan);
		params.put("lonMax", lon + lonSpan);
		params.put("miles", (double) needs.withinMiles());
		params.put("type", needs.type().name());
		LocalDate today = UkTime.today(this.clock);
		params.put("today", Date.valueOf(today));
		params.put("freshSince",
				Timestamp.from(today.minusDays(this.staleAfterDays).atStartOfDay(UkTime.ZONE).toInstant()));
		params.put("read", READ);
		StringBuilder where = new StringBuilder("s.status = 'ACTIVE' and s.service_type = :type");
		if (needs.clientGroup() != null) {
			where.append(" and :group = any(s.client_groups)");
			params.put("group", needs.clientGroup().name());
		}
		if (!needs.specialisms().isEmpty()) {
			where.append(" and s.specialisms @> cast(:specialisms as text[])");
			params.put("specialisms",
					"{" + String.join(",", needs.specialisms().stream().map(Specialism::name).sorted().toList()) + "}");
		}
		if (needs.vacancyNow()) {
			where.append(" and s.vacancies > 0 and s.vacancies_reported_at >= :freshSince");
		}
		String lotJoin = "";
		String price = "live.unit_price";
		String priceUnit = "live.price_unit";
		String contracted = "live.unit_price is not null or live.any_contract";
		if (withPrices && needs.lotId() != null) {
			Map<UUID, BigDecimal> admitted = admitted(needs.lotId());
			StringBuilder json = new StringBuilder("{");
			admitted.forEach((provider, each) -> json.append(json.length() > 1 ? "," : "")
				.append('"')
				.append(provider)
				.append("\":")
				.append((each != null) ? each.toPlainString() : "null"));
			params.put("lot", json.append('}').toString());
			lotJoin = " join jsonb_each_text(cast(:lot as jsonb)) lp on lp.key = cast(s.provider_id as text)";
			price = "coalesce(cast(lp.value as numeric), live.unit_price)";
			priceUnit = "case when lp.value is not null then :lotUnit else live.price_unit end";
			params.put("lotUnit",
					lots().stream()
						.filter(lot -> lot.id().equals(needs.lotId()))
						.map(FrameworkMembership.Lot::priceUnit)
						.findFirst()
						.orElse(null));
			contracted = "true";
		}
		if (!withPrices) {
			price = "cast(null as numeric)";
			priceUnit = "cast(null as varchar)";
		}
		String priceFilter = "";
		if (withPrices && needs.maximumPrice() != null) {
			priceFilter = " where price <= :maxPrice";
			params.put("maxPrice", needs.maximumPrice());
		}
		String qualityFilter = "";
		if (needs.minimumQuality().rank() > 0) {
			qualityFilter = " and (cqc_rank is not null or council_rank is not null)"
					+ " and coalesce(cqc_rank, 4) >= :minRank and coalesce(council_rank, 4) >= :minRank";
			params.put("minRank", needs.minimumQuality().rank());
		}
		String sql = """
				with near as (
				    select d.outcode,
				           7917.6 * asin(least(1, sqrt(power(sin(radians(d.latitude - :lat) / 2), 2)
				               + cos(radians(:lat)) * cos(radians(d.latitude))
				                 * power(sin(radians(d.longitude - :lon) / 2), 2)))) as miles
				    from geography_postcode_district d
				    where d.latitude between :latMin and :latMax and d.longitude between :lonMin and :lonMax
				),
				found as (
				    select s.id, s.name, s.provider_id, s.town, s.postcode, s.vacancies, s.vacancies_reported_at,
				           s.specialisms, s.cqc_overall, q.overall_rating as council_rating, n.miles,
				           %s as cqc_rank, %s as council_rank,
				           %s as price, %s as price_unit, (%s) as contracted
				    from near n
				    join providers_service s on s.postcode_district = n.outcode
				    %s
				    left join lateral (
				        select r.overall_rating from quality_review r
				        where r.care_service_id = s.id and r.published_at is not null and r.overall_rating is not null
				        order by r.published_at desc limit 1) q on true
				    left join lateral (
				        select min(c.unit_price) as unit_price, min(c.price_unit) as price_unit,
				               count(*) > 0 as any_contract
				        from providers_contract c
				        where c.care_service_id = s.id and c.starts_on <= :today and c.ends_on >= :today) live on true
				    where n.miles <= :miles and %s
				),
				kept as (
				    select * from found where true %s
				),
				priced as (
				    select k.*, min(price) over () as lowest, max(price) over () as highest from (select * from kept%s) k
				),
				scored as (
				    select p.*,
				           35 * coalesce((coalesce((cqc_rank - 1) / 3.0, 0) + coalesce((council_rank - 1) / 3.0, 0))
				                / nullif((cqc_rank is not null)::int + (council_rank is not null)::int, 0), 0.5)
				               as quality_points,
				           25 * greatest(0, 1 - miles / :miles) as distance_points,
				           case when price is null or highest is null then 10
				                when highest = lowest then 20
				                else 20 * (highest - price) / (highest - lowest) end as price_points,
				           case when vacancies > 0 and vacancies_reported_at >= :freshSince then 15
				                when vacancies > 0 then 5 else 0 end
				           + case when contracted then 5 else 0 end as fit_points
				    from priced p
				)
				select scored.*, pp.name as provider_name,
				       quality_points + distance_points + price_points + fit_points as score
				from scored join providers_provider pp on pp.id = scored.provider_id
				order by score desc, miles, lower(scored.name), scored.id
				limit :read
				"""
			.formatted(CQC_RANK, COUNCIL_RANK, price, priceUnit, contracted, lotJoin, where, qualityFilter,
					priceFilter);
		if (!withPrices) {
			// no price, so no price points either: every service gets the same 10
			sql = sql.replace("when price is null or highest is null then 10", "when true then 10");
		}
		List<Match> rows = this.jdbc.sql(sql).params(params).query((rs, n) -> match(rs, today)).list();
		Set<UUID> embargoed = this.placements.among(rows.stream().map(Match::serviceId).toList());
		List<Match> kept = new ArrayList<>();
		for (Match row : rows) {
			if (!embargoed.contains(row.serviceId())) {
				kept.add(row);
			}
		}
		boolean more = kept.size() > SHOWN || rows.size() == READ;
		return new Found(kept.subList(0, Math.min(SHOWN, kept.size())), embargoed.size(), more);
	}

	private Map<UUID, BigDecimal> admitted(UUID lotId) {
		FrameworkMembership membership = this.frameworks.getIfAvailable();
		return (membership != null) ? membership.admittedProviders(lotId) : Map.of();
	}

	private Match match(ResultSet rs, LocalDate today) throws SQLException {
		Timestamp at = rs.getTimestamp("vacancies_reported_at");
		Integer vacancies = (Integer) rs.getObject("vacancies");
		LocalDate on = (at != null) ? at.toInstant().atZone(UkTime.ZONE).toLocalDate() : null;
		long days = (on != null) ? Math.max(0, ChronoUnit.DAYS.between(on, today)) : 0;
		java.sql.Array specialisms = rs.getArray("specialisms");
		List<String> names = (specialisms != null) ? Arrays.asList((String[]) specialisms.getArray()) : List.of();
		return new Match(rs.getObject("id", UUID.class), rs.getString("name"), rs.getObject("provider_id", UUID.class),
				rs.getString("provider_name"), rs.getString("town"), rs.getString("postcode"), rs.getDouble("miles"),
				vacancies, on, days, on != null && days > this.staleAfterDays, rs.getString("cqc_overall"),
				rs.getString("council_rating"), rs.getBigDecimal("price"), rs.getString("price_unit"),
				rs.getBoolean("contracted"), names, rs.getDouble("quality_points"), rs.getDouble("distance_points"),
				rs.getDouble("price_points"), rs.getDouble("fit_points"), false, null);
	}

}
