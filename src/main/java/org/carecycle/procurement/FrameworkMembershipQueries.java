package org.carecycle.procurement;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.carecycle.shared.UkTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lots open for call-off today and the providers admitted to each, for the matching
 * module: frameworks and dynamic markets in force, and only providers whose place is live
 * and not suspended.
 */
@Component
class FrameworkMembershipQueries implements FrameworkMembership {

	private final JdbcClient jdbc;

	private final Clock clock;

	FrameworkMembershipQueries(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Lot> openLots() {
		return this.jdbc.sql("""
				select l.id, f.title, f.kind, l.name, l.service_type, l.price_unit, l.quality_weight
				from procurement_framework_lot l
				join procurement_framework f on f.id = l.framework_id
				where f.starts_on <= :today and (f.ends_on is null or f.ends_on >= :today)
				order by f.reference, l.number""")
			.param("today", UkTime.today(this.clock))
			.query((rs, n) -> new Lot(rs.getObject("id", UUID.class), rs.getString("title"),
					FrameworkKind.DYNAMIC_MARKET.name().equals(rs.getString("kind")), rs.getString("name"),
					rs.getString("service_type"), rs.getString("price_unit"), rs.getInt("quality_weight")))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public Map<UUID, BigDecimal> admittedProviders(UUID lotId) {
		Map<UUID, BigDecimal> admitted = new LinkedHashMap<>();
		this.jdbc.sql("""
				select provider_id, price from procurement_admission
				where lot_id = :lot and status = 'ADMITTED'
				order by price nulls last, provider_id""").param("lot", lotId).query(rs -> {
			admitted.put(rs.getObject("provider_id", UUID.class), rs.getBigDecimal("price"));
		});
		return admitted;
	}

}
