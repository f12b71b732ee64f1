package org.carecycle.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.carecycle.shared.SqlText;
import org.carecycle.web.Paged;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

/** Reading the audit log: searching it, and the history of one record. */
@Service
public class AuditTrail {

	private final JdbcClient jdbc;

	private final ZoneId zone;

	AuditTrail(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.zone = clock.getZone();
	}

	/**
	 * What to look for in the log; every part is optional.
	 *
	 * @param who part of the actor's name or email address
	 * @param action one kind of event
	 * @param recordType one kind of record
	 * @param recordId one record
	 * @param from events on or after this day
	 * @param to events on or before this day
	 */
	public record Search(String who, AuditAction action, String recordType, String recordId, LocalDate from,
			LocalDate to) {
	}

	public Paged<AuditEvent> search(Search search, int page, int pageSize) {
		Map<String, Object> params = new LinkedHashMap<>();
		StringBuilder where = new StringBuilder("where true");
		if (StringUtils.hasText(search.who())) {
			where.append(" and lower(actor_name) like :who");
			params.put("who", SqlText.containing(search.who()));
		}
		if (search.action() != null) {
			where.append(" and action = :action");
			params.put("action", search.action().name());
		}
		if (StringUtils.hasText(search.recordType())) {
			where.append(" and record_type = :recordType");
			params.put("recordType", search.recordType());
		}
		if (StringUtils.hasText(search.recordId())) {
			where.append(" and record_id = :recordId");
			params.put("recordId", search.recordId().strip());
		}
		if (search.from() != null) {
			where.append(" and occurred_at >= :from");
			params.put("from", Timestamp.from(search.from().atStartOfDay(this.zone).toInstant()));
		}
		if (search.to() != null) {
			where.append(" and occurred_at < :to");
			params.put("to", Timestamp.from(search.to().plusDays(1).atStartOfDay(this.zone).toInstant()));
		}
		long total = this.jdbc.sql("select count(*) from audit_event " + where)
			.params(params)
			.query(Long.class)
			.single();
		List<AuditEvent> events = this.jdbc
			.sql("select * from audit_event " + where
					+ " order by occurred_at desc, id desc limit :limit offset :offset")
			.params(params)
			.param("limit", pageSize)
			.param("offset", Paged.offset(page, pageSize))
			.query(AuditTrail::map)
			.list();
		return new Paged<>(events, page, pageSize, total);
	}

	/** The history of one record, newest first. */
	public List<AuditEvent> forRecord(String recordType, String recordId) {
		return this.jdbc.sql("""
				select * from audit_event where record_type = :type and record_id = :id
				order by occurred_at desc, id desc limit 200""")
			.param("type", recordType)
			.param("id", recordId)
			.query(AuditTrail::map)
			.list();
	}

	public List<AuditEvent> latest(int count) {
		return this.jdbc.sql("select * from audit_event order by occurred_at desc, id desc limit :count")
			.param("count", count)
			.query(AuditTrail::map)
			.list();
	}

	/** The kinds of record the log has entries for, for a filter. */
	public List<String> recordTypes() {
		return this.jdbc.sql("select distinct record_type from audit_event where record_type is not null order by 1")
			.query(String.class)
			.list();
	}

	private static AuditEvent map(ResultSet rs, int row) throws SQLException {
		return new AuditEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
				rs.getObject("actor_id", UUID.class), rs.getString("actor_name"), rs.getString("actor_role"),
				AuditAction.valueOf(rs.getString("action")), rs.getString("record_type"), rs.getString("record_id"),
				rs.getString("summary"), rs.getString("changes"), rs.getString("client_address"));
	}

}
