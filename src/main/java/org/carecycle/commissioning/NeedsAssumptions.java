package org.carecycle.commissioning;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.carecycle.identity.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The prevalence and uptake assumptions that turn population into demand: each editable
 * by a commissioner with a reason, each change kept as a version with the value before,
 * who and when, and each shown with its source beside the figures it drives.
 */
@Service
public class NeedsAssumptions {

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final Clock clock;

	NeedsAssumptions(JdbcClient jdbc, AuditLog auditLog, Clock clock) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	public List<NeedsAssumption> all() {
		return this.jdbc.sql("""
				select * from commissioning_needs_assumption
				order by kind, need, service_type, coalesce(substring(age_band from '^[0-9]+')::int, 0)""")
			.query(NeedsAssumptions::assumption)
			.list();
	}

	public List<NeedsAssumption> prevalence() {
		return all().stream().filter(a -> a.kind() == NeedsAssumption.Kind.PREVALENCE).toList();
	}

	public List<NeedsAssumption> uptake() {
		return all().stream().filter(a -> a.kind() == NeedsAssumption.Kind.UPTAKE).toList();
	}

	public Optional<NeedsAssumption> find(String id) {
		if (id == null || id.length() > 80) {
			return Optional.empty();
		}
		return this.jdbc.sql("select * from commissioning_needs_assumption where id = :id")
			.param("id", id)
			.query(NeedsAssumptions::assumption)
			.optional();
	}

	/** Every version of an assumption, newest first. */
	public List<NeedsAssumption.Change> history(String id) {
		return this.jdbc.sql("""
				select version, previous_value, value, previous_units, units_per_person, previous_source, source,
				       changed_by_name, changed_at, reason
				from commissioning_needs_assumption_change where assumption_id = :id order by version desc""")
			.param("id", id)
			.query(NeedsAssumption.Change.class)
			.list();
	}

	/**
	 * Sets an assumption's value (and, for an uptake, the units each person uses),
	 * keeping the version before.
	 * @throws IllegalStateException if someone else changed it since it was read
	 */
	@Transactional
	public NeedsAssumption change(String id, int expectedVersion, BigDecimal value, BigDecimal unitsPerPerson,
			String source, String reason, UUID userId, String userName) {
		NeedsAssumption before = find(id).orElseThrow(() -> new IllegalArgumentException("No assumption " + id));
		if (before.version() != expectedVersion) {
			throw new IllegalStateException("Someone else changed this assumption while you were editing it");
		}
		BigDecimal units = (before.kind() == NeedsAssumption.Kind.UPTAKE) ? unitsPerPerson : null;
		Instant now = Instant.now(this.clock);
		this.jdbc.sql("""
				update commissioning_needs_assumption
				set value = :value, units_per_person = :units, source = :source, illustrative = false,
				    version = version + 1, changed_by = :by, changed_by_name = :name, changed_at = :at, reason = :reason
				where id = :id and version = :version""")
			.param("value", value)
			.param("units", units)
			.param("source", source)
			.param("by", userId)
			.param("name", userName)
			.param("at", Timestamp.from(now))
			.param("reason", reason)
			.param("id", id)
			.param("version", expectedVersion)
			.update();
		insertChange(id, expectedVersion + 1, before.value(), value, before.unitsPerPerson(), units, before.source(),
				source, userId, userName, now, reason);
		Map<String, Object> was = new LinkedHashMap<>();
		was.put("value", before.value());
		was.put("unitsPerPerson", before.unitsPerPerson());
		was.put("source", before.source());
		Map<String, Object> now2 = new LinkedHashMap<>();
		now2.put("value", value);
		now2.put("unitsPerPerson", units);
		now2.put("source", source);
		this.auditLog.changed("needs assumption", id, was, now2);
		return find(id).orElseThrow();
	}

	/**
	 * Adds an assumption if it is not held yet (the reference data loader uses it); the
	 * first version is recorded as a change with no value before.
	 */
	@Transactional
	public void define(String id, NeedsAssumption.Kind kind, PrevalenceNeed need, String ageBand, String serviceType,
			BigDecimal value, BigDecimal unitsPerPerson, String source, boolean illustrative, String reason) {
		if (find(id).isPresent()) {
			return;
		}
		Instant now = Instant.now(this.clock);
		this.jdbc.sql("""
				insert into commissioning_needs_assumption (id, kind, need, age_band, service_type, value,
				    units_per_person, source, illustrative, version, changed_by, changed_by_name, changed_at, reason)
				values (:id, :kind, :need, :band, :type, :value, :units, :source, :illustrative, 1, null, :name, :at,
				    :reason)""")
			.param("id", id)
			.param("kind", kind.name())
			.param("need", need.name())
			.param("band", ageBand)
			.param("type", serviceType)
			.param("value", value)
			.param("units", unitsPerPerson)
			.param("source", source)
			.param("illustrative", illustrative)
			.param("name", "CareCycle")
			.param("at", Timestamp.from(now))
			.param("reason", reason)
			.update();
		insertChange(id, 1, null, value, null, unitsPerPerson, null, source, null, "CareCycle", now, reason);
	}

	private void insertChange(String id, int version, BigDecimal previousValue, BigDecimal value,
			BigDecimal previousUnits, BigDecimal units, String previousSource, String source, UUID userId,
			String userName, Instant at, String reason) {
		this.jdbc.sql("""
				insert into commissioning_needs_assumption_change (assumption_id, version, previous_value, value,
				    previous_units, units_per_person, previous_source, source, changed_by, changed_by_name, changed_at,
				    reason)
				values (:id, :version, :previousValue, :value, :previousUnits, :units, :previousSource, :source, :by,
				    :name, :at, :reason)""")
			.param("id", id)
			.param("version", version)
			.param("previousValue", previousValue)
			.param("value", value)
			.param("previousUnits", previousUnits)
			.param("units", units)
			.param("previousSource", previousSource)
			.param("source", source)
			.param("by", userId)
			.param("name", userName)
			.param("at", Timestamp.from(at))
			.param("reason", reason)
			.update();
	}

	private static NeedsAssumption assumption(ResultSet rs, int row) throws SQLException {
		return new NeedsAssumption(rs.getString("id"), NeedsAssumption.Kind.valueOf(rs.getString("kind")),
				PrevalenceNeed.valueOf(rs.getString("need")), rs.getString("age_band"), rs.getString("service_type"),
				rs.getBigDecimal("value"), rs.getBigDecimal("units_per_person"), rs.getString("source"),
				rs.getBoolean("illustrative"), rs.getInt("version"), rs.getString("changed_by_name"),
				rs.getTimestamp("changed_at").toInstant(), rs.getString("reason"));
	}

}
