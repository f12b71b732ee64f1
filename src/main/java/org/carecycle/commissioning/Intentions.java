package org.carecycle.commissioning;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.carecycle.identity.AuditLog;
import org.carecycle.shared.RecordNotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commissioning intentions: what the council means to buy, grown from a priority of a
 * strategy, with the type of service, the area, the timescale, the route to market it
 * expects and where it stands.
 */
@Service
public class Intentions {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Strategies strategies;

	Intentions(JdbcClient jdbc, AuditLog audit, Strategies strategies) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.strategies = strategies;
	}

	public record Intention(UUID id, int version, UUID strategyId, String strategyReference, String strategyTitle,
			CareGroup careGroup, UUID priorityId, String priorityTitle, String title, String description,
			IntentionService serviceType, UUID localityId, String localityName, String timescale, LocalDate startsBy,
			IntentionRoute route, IntentionStatus status) {
	}

	public record Details(UUID priorityId, String title, String description, IntentionService serviceType,
			UUID localityId, String timescale, LocalDate startsBy, IntentionRoute route, IntentionStatus status) {
	}

	private static final String SELECT = """
			select i.id, i.version, i.strategy_id, s.reference as strategy_reference, s.title as strategy_title,
			       s.care_group, i.priority_id, p.title as priority_title, i.title, i.description, i.service_type,
			       i.locality_id, l.name as locality_name, i.timescale, i.starts_by, i.route, i.status
			from commissioning_intention i
			join commissioning_strategy s on s.id = i.strategy_id
			join commissioning_strategy_priority p on p.id = i.priority_id
			left join geography_locality l on l.id = i.locality_id
			""";

	public List<Intention> ofStrategy(UUID strategyId) {
		return this.jdbc.sql(SELECT + " where i.strategy_id = :id order by p.position, i.title")
			.param("id", strategyId)
			.query(Intention.class)
			.list();
	}

	public List<Intention> ofCareGroup(CareGroup group) {
		return this.jdbc.sql(SELECT + " where s.care_group = :grp order by i.starts_by nulls last, i.title")
			.param("grp", group.name())
			.query(Intention.class)
			.list();
	}

	/** Every intention of a strategy in force, for the Market Position Statement. */
	public List<Intention> published() {
		return this.jdbc.sql(SELECT + """
				where s.status in ('APPROVED', 'IN_REVIEW') and i.status <> 'WITHDRAWN'
				order by s.care_group, i.starts_by nulls last, i.title""").query(Intention.class).list();
	}

	/** An area an intention may name: a community area of the council. */
	public record Area(UUID id, String name) {
	}

	public List<Area> areas() {
		return this.jdbc.sql("select id, name from geography_locality where kind = 'COMMUNITY_AREA' order by name")
			.query(Area.class)
			.list();
	}

	public Optional<Intention> find(UUID id) {
		return this.jdbc.sql(SELECT + " where i.id = :id").param("id", id).query(Intention.class).optional();
	}

	public Intention require(UUID id) {
		return find(id).orElseThrow(() -> new RecordNotFoundException("No commissioning intention " + id));
	}

	@Transactional
	public UUID add(UUID strategyId, Details details) {
		Strategy strategy = this.strategies.require(strategyId);
		checkPriority(strategyId, details.priorityId());
		if (!strategy.isEditable()) {
			throw new Strategy.RefusedException("strategy.edit.expired", "An expired strategy cannot be changed");
		}
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into commissioning_intention (id, version, strategy_id, priority_id, title, description,
				  service_type, locality_id, timescale, starts_by, route, status, created_at, updated_at)
				values (:id, 0, :strategy, :priority, :title, :description, :type, :locality, :timescale, :startsBy,
				  :route, :status, now(), now())""")
			.param("id", id)
			.param("strategy", strategyId)
			.params(params(details))
			.update();
		this.audit.created("commissioning intention", id,
				Map.of("strategy", strategy.reference(), "title", details.title(), "route", details.route().name()));
		return id;
	}

	@Transactional
	public void update(UUID id, int version, Details details) {
		Intention before = require(id);
		checkPriority(before.strategyId(), details.priorityId());
		int updated = this.jdbc.sql("""
				update commissioning_intention set priority_id = :priority, title = :title,
				  description = :description, service_type = :type, locality_id = :locality, timescale = :timescale,
				  starts_by = :startsBy, route = :route, status = :status, version = version + 1, updated_at = now()
				where id = :id and version = :version""")
			.param("id", id)
			.param("version", version)
			.params(params(details))
			.update();
		if (updated == 0) {
			throw new Strategies.ChangedException();
		}
		this.audit.changed("commissioning intention", id,
				Map.of("title", before.title(), "status", before.status().name(), "route", before.route().name()),
				Map.of("title", details.title(), "status", details.status().name(), "route", details.route().name()));
	}

	private void checkPriority(UUID strategyId, UUID priorityId) {
		if (this.strategies.priorities(strategyId).stream().noneMatch(p -> p.id().equals(priorityId))) {
			throw new IllegalArgumentException("An intention grows from a priority of its strategy");
		}
	}

	private static Map<String, Object> params(Details details) {
		java.util.HashMap<String, Object> params = new java.util.HashMap<>();
		params.put("priority", details.priorityId());
		params.put("title", details.title());
		params.put("description", details.description());
		params.put("type", details.serviceType().name());
		params.put("locality", details.localityId());
		params.put("timescale", details.timescale());
		params.put("startsBy", details.startsBy());
		params.put("route", details.route().name());
		params.put("status", details.status().name());
		return params;
	}

}
