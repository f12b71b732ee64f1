package org.carecycle.commissioning;

import java.sql.Date;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.carecycle.providers.CqcRating;
import org.carecycle.providers.ServiceType;
import org.carecycle.quality.QaRating;
import org.carecycle.shared.Role;
import org.carecycle.shared.UkTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Supply and its quality in a locality: active services by type with their beds, places
 * or weekly hours, how much of it the council commissions (a contract in force today),
 * CQC's current overall ratings and the council's latest published review ratings. One
 * indexed query reads the locality's services (by {@code care_service.locality_id}), each
 * with its contracts and latest published review by their own indexes; the sums are made
 * here.
 */
@Component
class AreaProfileSupply implements AreaProfileSection {

	private final JdbcClient jdbc;

	private final Clock clock;

	AreaProfileSupply(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public int order() {
		return 20;
	}

	@Override
	public boolean isShownTo(Role role) {
		return AreaProfiles.READERS.contains(role);
	}

	@Override
	public String fragment() {
		return "commissioning/area-sections :: supply";
	}

	/** One type of service in the locality. */
	record TypeRow(ServiceType type, long services, long capacity, long commissioned, long commissionedCapacity,
			long cqcRated, long cqcGoodOrBetter, long reviewed, long reviewGoodOrBetter) {

		TypeRow add(long capacity, boolean commissioned, CqcRating cqc, QaRating review) {
			boolean rated = cqc != null && cqc != CqcRating.NOT_RATED;
			boolean good = cqc == CqcRating.GOOD || cqc == CqcRating.OUTSTANDING;
			return new TypeRow(this.type, this.services + 1, this.capacity + capacity,
					this.commissioned + (commissioned ? 1 : 0),
					this.commissionedCapacity + (commissioned ? capacity : 0), this.cqcRated + (rated ? 1 : 0),
					this.cqcGoodOrBetter + (good ? 1 : 0), this.reviewed + ((review != null) ? 1 : 0),
					this.reviewGoodOrBetter + ((review != null && !review.isBelowGood()) ? 1 : 0));
		}

		public Long cqcGoodPercent() {
			return percent(this.cqcGoodOrBetter, this.cqcRated);
		}

		public Long reviewGoodPercent() {
			return percent(this.reviewGoodOrBetter, this.reviewed);
		}

	}

	static Long percent(long part, long whole) {
		return (whole == 0) ? null : Math.round(100.0 * part / whole);
	}

	@Override
	public Map<String, Object> model(UUID localityId) {
		Map<ServiceType, TypeRow> byType = new EnumMap<>(ServiceType.class);
		Map<CqcRating, Long> cqc = new EnumMap<>(CqcRating.class);
		for (CqcRating rating : CqcRating.values()) {
			cqc.put(rating, 0L);
		}
		Map<QaRating, Long> reviews = new EnumMap<>(QaRating.class);
		for (QaRating rating : QaRating.values()) {
			reviews.put(rating, 0L);
		}
		long[] notReviewed = { 0 };
		this.jdbc.sql("""
				select s.service_type, s.beds, s.places, s.weekly_hours, s.cqc_overall,
				       exists (select 1 from providers_contract c where c.care_service_id = s.id
				               and c.starts_on <= :today and c.ends_on >= :today) as commissioned,
				       (select r.overall_rating from quality_review r where r.care_service_id = s.id
				        and r.published_at is not null and r.overall_rating is not null
				        order by r.published_at desc limit 1) as review
				from providers_service s
				where s.locality_id = :locality and s.status = 'ACTIVE'""")
			.param("locality", localityId)
			.param("today", Date.valueOf(UkTime.today(this.clock)))
			.query((rs, n) -> {
				ServiceType type = ServiceType.valueOf(rs.getString("service_type"));
				long capacity = switch (type.capacity()) {
					case BEDS -> rs.getLong("beds");
					case PLACES -> rs.getLong("places");
					case WEEKLY_HOURS -> rs.getLong("weekly_hours");
				};
				CqcRating rating = (rs.getString("cqc_overall") != null)
						? CqcRating.valueOf(rs.getString("cqc_overall")) : null;
				QaRating review = QaRating.parse(rs.getString("review"));
				boolean commissioned = rs.getBoolean("commissioned");
				byType.merge(type,
						new TypeRow(type, 0, 0, 0, 0, 0, 0, 0, 0).add(capacity, commissioned, rating, review),
						(a, b) -> a.add(capacity, commissioned, rating, review));
				if (type.isCqcRegistered()) {
					cqc.merge((rating != null) ? rating : CqcRating.NOT_RATED, 1L, Long::sum);
				}
				if (review != null) {
					reviews.merge(review, 1L, Long::sum);
				}
				else if (commissioned) {
					notReviewed[0]++;
				}
				return type;
			})
			.list();
		List<TypeRow> rows = new ArrayList<>(byType.values());
		TypeRow total = new TypeRow(null, 0, 0, 0, 0, 0, 0, 0, 0);
		for (TypeRow row : rows) {
			total = new TypeRow(null, total.services() + row.services(), 0, total.commissioned() + row.commissioned(),
					0, total.cqcRated() + row.cqcRated(), total.cqcGoodOrBetter() + row.cqcGoodOrBetter(),
					total.reviewed() + row.reviewed(), total.reviewGoodOrBetter() + row.reviewGoodOrBetter());
		}
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("rows", rows);
		model.put("total", total);
		model.put("cqc", cqc);
		model.put("reviews", reviews);
		model.put("notReviewed", notReviewed[0]);
		model.put("localityId", localityId);
		return model;
	}

}
