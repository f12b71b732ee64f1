package org.carecycle.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.carecycle.web.Paged;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reading the outbox for the administrators' page. */
@Component
class OutboxEntries {

	private final JdbcClient jdbc;

	OutboxEntries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A page of the outbox, newest first. */
	Paged<OutboxEntry> newestFirst(int page, int pageSize) {
		List<OutboxEntry> entries = this.jdbc.sql("""
				select id, created_at, recipient, subject, attempts, next_attempt_at, sent_at, last_error
				from mail_outbox
				order by created_at desc, id desc
				limit :limit offset :offset""")
			.param("limit", pageSize)
			.param("offset", Paged.offset(page, pageSize))
			.query(OutboxEntries::map)
			.list();
		long count = this.jdbc.sql("select count(*) from (select 1 from mail_outbox limit :limit) counted")
			.param("limit", Paged.countLimit(page, pageSize))
			.query(Long.class)
			.single();
		return Paged.counted(entries, page, pageSize, count);
	}

	private static OutboxEntry map(ResultSet rs, int row) throws SQLException {
		return new OutboxEntry(rs.getObject("id", UUID.class), instant(rs.getTimestamp("created_at")),
				rs.getString("recipient"), rs.getString("subject"), rs.getInt("attempts"),
				instant(rs.getTimestamp("next_attempt_at")), instant(rs.getTimestamp("sent_at")),
				rs.getString("last_error"));
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
