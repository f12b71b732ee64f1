package org.carecycle.demo;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo county's frameworks, dynamic markets and partnerships (ADR 0038): a home care
 * framework with a lot for each of four areas and the home care providers of each area
 * admitted at award with hourly prices; a care-home dynamic market open to applications,
 * with admitted homes (the demo provider among them) and their weekly prices, one
 * application waiting for a decision and one refused; and one preferred-provider
 * partnership.
 */
@Component
class DemoFrameworks {

	/** Lots of the home care framework, one per area. */
	static final int HOME_CARE_AREAS = 4;

	private final JdbcClient jdbc;

	DemoFrameworks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What was loaded. */
	record Loaded(int arrangements, int lots, int admissions, int partnerships) {
	}

	Loaded load(LocalDate today, long seed, UUID demoProvider, String commissioner) {
		Random random = new Random(seed ^ 0x5EED_F4A3L);
		int lots = 0;
		int admissions = 0;
		// the home care framework, awarded eight months ago for four years
		LocalDate awarded = today.minusMonths(8).withDayOfMonth(1);
		UUID homeCare = framework("FW-", "FRAMEWORK", "Home care in Cornwall 2025 to 2029", """
				Care and support at home for adults assessed as eligible under the Care Act 2014, bought by the hour \
				in four geographical lots. Providers were admitted at award after an open procedure under the \
				light-touch regime; call-offs rank admitted providers 60% on quality and 40% on price.""", awarded,
				awarded.plusYears(4).minusDays(1), commissioner);
		List<Area> areas = this.jdbc.sql("""
				select g.id, g.name, count(*) as services from geography_locality g
				join providers_service s on s.locality_id = g.id
				where g.kind = 'COMMUNITY_AREA' and s.service_type = 'HOME_CARE' and s.status = 'ACTIVE'
				group by g.id, g.name order by count(*) desc, g.name limit :n""")
			.param("n", HOME_CARE_AREAS)
			.query((rs, n) -> new Area(rs.getObject("id", UUID.class), rs.getString("name")))
			.list();
		for (Area area : areas) {
			UUID lot = lot(homeCare, ++lots, "Home care in " + area.name(), "HOME_CARE", area.id(), "PER_HOUR", 60);
			List<UUID> providers = this.jdbc.sql("""
					select distinct s.provider_id from providers_service s
					where s.service_type = 'HOME_CARE' and s.status = 'ACTIVE' and s.locality_id = :area
					order by s.provider_id limit 6""").param("area", area.id()).query(UUID.class).list();
			for (UUID provider : providers) {
				BigDecimal price = BigDecimal.valueOf(2450 + random.nextInt(440), 2);
				admission(lot, provider, "ADMITTED", price, null, null, awarded.atStartOfDay(),
						"Awarded a place on the framework (award decision HC-2025-07).", commissioner);
				admissions++;
			}
		}
		// the care-home dynamic market, open since last winter with no end date
		LocalDate opened = today.minusMonths(10).withDayOfMonth(1);
		UUID careHomes = framework("DM-", "DYNAMIC_MARKET", "Care homes dynamic market", """
				Residential and nursing care home placements for older people and adults with disabilities. \
				Homes registered with CQC and not rated inadequate may apply at any time; each application is \
				assessed against the conditions of participation (registration, insurance, financial standing, \
				safeguarding and the council's quality standards) within 10 working days.""", opened, null,
				commissioner);
		int careHomeLots = 0;
		UUID residential = lot(careHomes, ++careHomeLots, "Residential care", "CARE_HOME", null, "PER_WEEK", 60);
		UUID nursing = lot(careHomes, ++careHomeLots, "Nursing care", "CARE_HOME_NURSING", null, "PER_WEEK", 60);
		lots += careHomeLots;
		List<UUID> pending = new ArrayList<>();
		for (UUID lot : List.of(residential, nursing)) {
			String type = lot.equals(residential) ? "CARE_HOME" : "CARE_HOME_NURSING";
			int base = lot.equals(residential) ? 78000 : 98000;
			List<UUID> providers = this.jdbc.sql("""
					select distinct s.provider_id from providers_service s
					where s.service_type = :type and s.status = 'ACTIVE' and s.provider_id <> :demo
					order by s.provider_id limit 10""")
				.param("type", type)
				.param("demo", demoProvider)
				.query(UUID.class)
				.list();
			for (int i = 0; i < providers.size(); i++) {
				UUID provider = providers.get(i);
				LocalDate applied = opened.plusDays(random.nextInt(200));
				BigDecimal price = BigDecimal.valueOf(base + random.nextInt(18000), 2);
				if (i == providers.size() - 1 && lot.equals(residential)) {
					pending.add(provider);
					admission(lot, provider, "APPLIED", price,
							"""
									We run a 32-bed residential home rated Good by CQC, with a registered manager in post for six \
									years. We can offer four beds to the council at the price shown and accept placements within \
									48 hours of referral.""",
							today.minusDays(3).atTime(10, 15), null, null, null);
				}
				else if (i == providers.size() - 2 && lot.equals(nursing)) {
					admission(lot, provider, "REFUSED", price, """
							Nursing home with 40 beds; we would like to join the nursing lot.""", applied.atTime(9, 30),
							applied.plusDays(9).atTime(14, 0),
							"""
									Refused: the home's latest CQC rating for Safe is Requires improvement and the employers' \
									liability insurance certificate had expired. You may apply again once both are resolved.""",
							commissioner);
				}
				else {
					admission(lot, provider, "ADMITTED", price, """
							Registered care home meeting the conditions of participation; beds available for council \
							placements at the price shown.""", applied.atTime(11, 0),
							applied.plusDays(8).atTime(15, 30),
							"Meets the conditions of participation; price within the council's usual cost of care.",
							commissioner);
				}
				admissions++;
			}
		}
		// the demo provider, admitted to the lot of the homes it runs (residential if
		// none)
		String demoType = this.jdbc
			.sql("""
					select coalesce((select s.service_type from providers_service s
					                 where s.provider_id = :demo and s.service_type in ('CARE_HOME', 'CARE_HOME_NURSING')
					                 group by s.service_type order by count(*) desc, s.service_type limit 1), 'CARE_HOME')""")
			.param("demo", demoProvider)
			.query(String.class)
			.single();
		LocalDate demoApplied = opened.plusDays(21);
		admission("CARE_HOME_NURSING".equals(demoType) ? nursing : residential, demoProvider, "ADMITTED",
				new BigDecimal("CARE_HOME_NURSING".equals(demoType) ? "1046.50" : "865.00"), """
						Our homes are registered with CQC, rated Good, and have beds available for council placements \
						across the county.""", demoApplied.atTime(10, 0), demoApplied.plusDays(7).atTime(16, 0),
				"Meets the conditions of participation; price agreed at the council's usual cost of care.",
				commissioner);
		admissions++;
		// a preferred-provider partnership for day opportunities
		UUID partner = this.jdbc.sql("""
				select s.provider_id from providers_service s
				where s.service_type in ('DAY_SERVICE', 'SUPPORTED_LIVING') and s.status = 'ACTIVE'
				  and s.provider_id <> :demo
				group by s.provider_id order by count(*) desc, s.provider_id limit 1""")
			.param("demo", demoProvider)
			.query(UUID.class)
			.optional()
			.orElse(null);
		int partnerships = 0;
		if (partner != null) {
			LocalDate started = today.minusMonths(7).withDayOfMonth(1);
			this.jdbc
				.sql("""
						insert into procurement_partnership (id, reference, provider_id, title, rationale, services, scope,
						                                     starts_on, review_on, created_at, created_by)
						values (:id, 'PP-' || lpad(nextval('procurement_partnership_number')::text, 4, '0'), :provider,
						        'Developing community day opportunities', :rationale,
						        array['DAY_SERVICE', 'SUPPORTED_LIVING']::varchar(40)[], :scope, :starts, :review, :at, :by)""")
				.param("id", UUID.randomUUID())
				.param("provider", partner)
				.param("rationale", """
						The market for community day opportunities for adults with learning disabilities is thin: \
						a tender in 2024 drew no compliant bids in three of the four areas. This provider already runs \
						well-rated supported living and day services, knows the people who use them, and agreed to \
						develop new community-based opportunities with the council and the people who use them, on \
						open-book costs. A partnership lets the service be designed with them rather than specified \
						in advance; it is reviewed each year against the outcomes agreed.""")
				.param("scope", "Adults with learning disabilities and autistic adults, countywide.")
				.param("starts", started)
				.param("review", today.plusMonths(5).withDayOfMonth(1))
				.param("at", Timestamp.from(started.atStartOfDay().toInstant(ZoneOffset.UTC)))
				.param("by", commissioner)
				.update();
			partnerships++;
		}
		return new Loaded(2, lots, admissions, partnerships);
	}

	private record Area(UUID id, String name) {
	}

	private UUID framework(String prefix, String kind, String title, String description, LocalDate starts,
			LocalDate ends, String by) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into procurement_framework (id, reference, kind, title, description, starts_on, ends_on,
				                                   created_at, created_by)
				values (:id, :prefix || lpad(nextval('procurement_framework_number')::text, 4, '0'), :kind, :title,
				        :description, :starts, :ends, :at, :by)""")
			.param("id", id)
			.param("prefix", prefix)
			.param("kind", kind)
			.param("title", title)
			.param("description", description)
			.param("starts", starts)
			.param("ends", ends)
			.param("at", Timestamp.from(starts.minusDays(14).atStartOfDay().toInstant(ZoneOffset.UTC)))
			.param("by", by)
			.update();
		return id;
	}

	private UUID lot(UUID framework, int number, String name, String type, UUID locality, String unit, int quality) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into procurement_framework_lot (id, framework_id, number, name, service_type, locality_id,
				                                       price_unit, quality_weight, created_at)
				values (:id, :framework, :number, :name, :type, :locality, :unit, :quality, now())""")
			.param("id", id)
			.param("framework", framework)
			.param("number", number)
			.param("name", name)
			.param("type", type)
			.param("locality", locality)
			.param("unit", unit)
			.param("quality", quality)
			.update();
		return id;
	}

	private void admission(UUID lot, UUID provider, String status, BigDecimal price, String statement,
			java.time.LocalDateTime applied, java.time.LocalDateTime decided, String reason, String decider) {
		UUID id = UUID.randomUUID();
		Timestamp appliedAt = (applied != null) ? Timestamp.from(applied.toInstant(ZoneOffset.UTC)) : null;
		Timestamp decidedAt = (decided != null) ? Timestamp.from(decided.toInstant(ZoneOffset.UTC)) : null;
		int inserted = this.jdbc.sql("""
				insert into procurement_admission (id, version, lot_id, provider_id, status, price, statement,
				                                   applied_at, decided_at, reason, updated_at)
				values (:id, 0, :lot, :provider, :status, :price, :statement, :applied, :decided, :reason,
				        :updated)
				on conflict do nothing""")
			.param("id", id)
			.param("lot", lot)
			.param("provider", provider)
			.param("status", status)
			.param("price", price)
			.param("statement", statement)
			.param("applied", appliedAt)
			.param("decided", decidedAt)
			.param("reason", reason)
			.param("updated", (decidedAt != null) ? decidedAt : appliedAt)
			.update();
		if (inserted == 0) {
			return;
		}
		if (applied != null && statement != null) {
			step(id, appliedAt, "APPLIED",
					this.jdbc.sql("select name from providers_provider where id = :id")
						.param("id", provider)
						.query(String.class)
						.optional()
						.orElse("The provider"),
					null);
		}
		if (decided != null) {
			step(id, decidedAt, status, decider, reason);
		}
	}

	private void step(UUID admission, Timestamp at, String status, String actor, String reason) {
		this.jdbc.sql("""
				insert into procurement_admission_step (admission_id, happened_at, status, actor_name, reason)
				values (:id, :at, :status, :actor, :reason)""")
			.param("id", admission)
			.param("at", at)
			.param("status", status)
			.param("actor", actor)
			.param("reason", reason)
			.update();
	}

}
