package org.carecycle.safeguarding;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.carecycle.identity.AuditLog;
import org.carecycle.identity.CurrentUser;
import org.carecycle.identity.SignedInUser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who has opened a safeguarding case or whole-service enquiry, kept append-only in
 * {@code safeguarding_case_access} apart from the audit log, as concerns' read log is
 * (ADR 0018). Every page that shows an adult at risk or what happened records a row
 * before it is drawn; the same person reopening the same page within
 * {@link #REPEAT_WINDOW} counts once. Provider users answering an enquiry caused to them
 * are recorded too.
 */
@Service
public class CaseReadLog {

	/** How long a repeat visit to the same page counts as the same visit. */
	public static final Duration REPEAT_WINDOW = Duration.ofMinutes(15);

	/** What was opened; the names are stored. */
	public enum Page {

		/** A safeguarding concern's page: the adult, what happened, the decision. */
		CASE,
		/** An enquiry's page. */
		ENQUIRY,
		/** A provider's page of an enquiry caused to it, in the provider portal. */
		PROVIDER_ENQUIRY,
		/** A whole-service enquiry's page, with its meetings and the adults it counts. */
		WHOLE_SERVICE,
		/**
		 * A list of cases behind a count in the Safeguarding Adults Collection return.
		 */
		SAC_DRILL_DOWN;

		public String messageKey() {
			return "safeguarding.readLog.page." + name();
		}

	}

	/** One time someone opened a case. */
	public record Access(Instant openedAt, String name, String email, String role, Page page, String clientAddress) {
	}

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final Clock clock;

	CaseReadLog(JdbcClient jdbc, CurrentUser currentUser, Clock clock) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	/** Records that the signed-in user opened a page of a safeguarding concern. */
	@Transactional
	public void openedCase(UUID concernId, Page page) {
		opened(concernId, null, page);
	}

	/** Records that the signed-in user opened a whole-service enquiry. */
	@Transactional
	public void openedWholeService(UUID wholeServiceEnquiryId) {
		opened(null, wholeServiceEnquiryId, Page.WHOLE_SERVICE);
	}

	private void opened(UUID concernId, UUID wholeServiceId, Page page) {
		SignedInUser user = this.currentUser.require();
		Instant now = this.clock.instant();
		this.jdbc
			.sql("""
					insert into safeguarding_case_access (concern_id, whole_service_enquiry_id, opened_at, actor_id,
					                                      actor_name, actor_email, actor_role, page, client_address)
					select :concern, :wse, :now, :actor, :name, :email, :role, :page, :address
					where not exists (
					    select 1 from safeguarding_case_access
					    where concern_id is not distinct from :concern and whole_service_enquiry_id is not distinct from :wse
					      and opened_at > :since and actor_id = :actor and page = :page)""")
			.param("concern", concernId)
			.param("wse", wholeServiceId)
			.param("now", Timestamp.from(now))
			.param("actor", user.id())
			.param("name", truncate(user.displayName(), 200))
			.param("email", truncate(user.email(), 254))
			.param("role", user.role().name())
			.param("page", page.name())
			.param("address", AuditLog.clientAddress())
			.param("since", Timestamp.from(now.minus(REPEAT_WINDOW)))
			.update();
	}

	/** Who has opened the case, newest first. */
	public List<Access> ofCase(UUID concernId) {
		return this.jdbc.sql("""
				select opened_at, actor_name, actor_email, actor_role, page, client_address
				from safeguarding_case_access where concern_id = :concern order by opened_at desc, id desc limit 500""")
			.param("concern", concernId)
			.query((rs, row) -> new Access(rs.getTimestamp("opened_at").toInstant(), rs.getString("actor_name"),
					rs.getString("actor_email"), rs.getString("actor_role"), Page.valueOf(rs.getString("page")),
					rs.getString("client_address")))
			.list();
	}

	private static String truncate(String value, int length) {
		return (value == null || value.length() <= length) ? value : value.substring(0, length);
	}

}
