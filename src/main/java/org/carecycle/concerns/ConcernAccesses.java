package org.carecycle.concerns;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.carecycle.identity.AuditLog;
import org.carecycle.identity.CurrentUser;
import org.carecycle.identity.SignedInUser;
import org.carecycle.shared.Role;
import org.carecycle.web.Paged;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who has opened a concern: every page of a concern that shows who raised it or what they
 * said, and every download of its documents, whoever opens it (council staff of any role,
 * or a provider user answering the council's request), kept in an append-only table apart
 * from the audit log (ADR 0018). Safeguarding leads and administrators read it on the
 * concern's page.
 * <p>
 * The same person opening the same page of the same concern again within
 * {@link #REPEAT_WINDOW} is recorded once, so that working on a concern (every step
 * returns to its page) does not bury the one visit that matters; downloads are recorded
 * every time, since each is a copy that leaves CareCycle. A row names the member of staff
 * and the page, never the person who raised the concern, so the retention rule leaves it
 * whole.
 */
@Service
public class ConcernAccesses {

	/** How long a repeat visit to the same page counts as the same visit. */
	public static final Duration REPEAT_WINDOW = Duration.ofMinutes(15);

	/** What was opened. The names are stored; the database allows only these. */
	public enum Page {

		/** The concern's own page: the reporter, the account, the timeline. */
		CONCERN(true),
		/** The assessment page, which shows the account. */
		ASSESSMENT(true),
		/** A document the provider sent, downloaded by council staff. */
		RESPONSE_DOCUMENT(false),
		/** The provider's page of the council's request, in the provider portal. */
		PROVIDER_REQUEST(true),
		/** The provider's own document, downloaded again in the provider portal. */
		PROVIDER_DOCUMENT(false),
		/** A safeguarding example started from the concern's words. */
		SAFEGUARDING_EXAMPLE(true);

		private final boolean repeatsCollapse;

		Page(boolean repeatsCollapse) {
			this.repeatsCollapse = repeatsCollapse;
		}

		public String messageKey() {
			return "concernAccess.page." + name();
		}

	}

	/**
	 * One time someone opened a concern.
	 *
	 * @param openedAt when
	 * @param name their name at the time
	 * @param email their email address at the time
	 * @param role their role at the time
	 * @param page what they opened
	 * @param clientAddress the address they opened it from
	 */
	public record Access(Instant openedAt, String name, String email, Role role, Page page, String clientAddress) {

	}

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final Clock clock;

	ConcernAccesses(JdbcClient jdbc, CurrentUser currentUser, Clock clock) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	/**
	 * Records that the signed-in user opened a page of the concern. It runs before the
	 * page is drawn and in its own transaction: if it cannot be recorded, the page is not
	 * shown.
	 */
	@Transactional
	public void opened(UUID concernId, Page page) {
		SignedInUser user = this.currentUser.require();
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into concern_access (concern_id, opened_at, actor_id, actor_name, actor_email, actor_role, page,
				                            client_address)
				select :concern, :now, :actor, :name, :email, :role, :page, :address
				where not :collapse or not exists (
				    select 1 from concern_access
				    where concern_id = :concern and opened_at > :since and actor_id = :actor and page = :page)""")
			.param("concern", concernId)
			.param("now", Timestamp.from(now))
			.param("actor", user.id())
			.param("name", truncate(user.displayName(), 200))
			.param("email", truncate(user.email(), 254))
			.param("role", user.role().name())
			.param("page", page.name())
			.param("address", AuditLog.clientAddress())
			.param("collapse", page.repeatsCollapse)
			.param("since", Timestamp.from(now.minus(REPEAT_WINDOW)))
			.update();
	}

	/** Who has opened the concern, newest first. */
	public Paged<Access> of(UUID concernId, int page, int pageSize) {
		long total = this.jdbc.sql("select count(*) from concern_access where concern_id = :concern")
			.param("concern", concernId)
			.query(Long.class)
			.single();
		List<Access> accesses = this.jdbc.sql("""
				select opened_at, actor_name, actor_email, actor_role, page, client_address from concern_access
				where concern_id = :concern order by opened_at desc, id desc limit :limit offset :offset""")
			.param("concern", concernId)
			.param("limit", pageSize)
			.param("offset", Paged.offset(page, pageSize))
			.query(ConcernAccesses::map)
			.list();
		return new Paged<>(accesses, Math.max(page, 1), pageSize, total);
	}

	private static Access map(ResultSet rs, int row) throws SQLException {
		return new Access(rs.getTimestamp("opened_at").toInstant(), rs.getString("actor_name"),
				rs.getString("actor_email"), Role.valueOf(rs.getString("actor_role")),
				Page.valueOf(rs.getString("page")), rs.getString("client_address"));
	}

	private static String truncate(String value, int length) {
		return (value == null || value.length() <= length) ? value : value.substring(0, length);
	}

}
