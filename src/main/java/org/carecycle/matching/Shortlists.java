package org.carecycle.matching;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.carecycle.identity.AuditAction;
import org.carecycle.identity.AuditLog;
import org.carecycle.identity.CurrentUser;
import org.carecycle.providers.Placements;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each case manager's (or commissioner's) shortlist of services found by the needs-based
 * search, with the score the search showed and, for a service at high risk, the reason
 * for choosing it all the same. A shortlist is its owner's alone. A shortlist entry is a
 * row with no life of its own (added, removed), so it is kept with plain SQL rather than
 * as an aggregate.
 */
@Service
public class Shortlists {

	/** The most a reason may hold. */
	public static final int REASON_LENGTH = 1000;

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final AuditLog auditLog;

	private final Placements placements;

	private final Clock clock;

	Shortlists(JdbcClient jdbc, CurrentUser currentUser, AuditLog auditLog, Placements placements, Clock clock) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.auditLog = auditLog;
		this.placements = placements;
		this.clock = clock;
	}

	/** A service on a shortlist. */
	public record Entry(UUID id, UUID serviceId, String serviceName, String providerName, String town, String postcode,
			int score, String explanation, boolean riskWarned, String reason, Instant addedAt) {
	}

	/** A service at high risk shortlisted with no reason. */
	public static class ReasonNeededException extends RuntimeException {

		ReasonNeededException() {
			super("Enter why you are shortlisting a service at high risk");
		}

	}

	/** An embargoed service may not be shortlisted. */
	public static class EmbargoedException extends RuntimeException {

		EmbargoedException() {
			super("The council is not placing anyone new with this service");
		}

	}

	/**
	 * Adds a service as the search showed it; shortlisting it again replaces the earlier
	 * entry. The risk is the search's, so the reason is asked for whenever the warning
	 * was shown.
	 */
	@Transactional
	public void add(Match match, String reason) {
		String why = (reason != null && !reason.isBlank()) ? reason.strip() : null;
		if (match.highRisk() && why == null) {
			throw new ReasonNeededException();
		}
		if (this.placements.isEmbargoed(match.serviceId())) {
			throw new EmbargoedException();
		}
		UUID owner = this.currentUser.require().id();
		this.jdbc.sql("""
				insert into matching_shortlist_entry
				    (id, owner_id, care_service_id, reason, score, explanation, risk_warned, added_at)
				values (:id, :owner, :service, :reason, :score, :explanation, :warned, :at)
				on conflict (owner_id, care_service_id) do update set reason = excluded.reason, score = excluded.score,
				    explanation = excluded.explanation, risk_warned = excluded.risk_warned, added_at = excluded.added_at
				""")
			.param("id", UUID.randomUUID())
			.param("owner", owner)
			.param("service", match.serviceId())
			.param("reason", why)
			.param("score", match.score())
			.param("explanation", match.explanation())
			.param("warned", match.highRisk())
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
		this.auditLog.record(AuditAction.CREATED, "ShortlistEntry", match.serviceId(), "Shortlisted " + match.name()
				+ " (score " + match.score() + ")" + (match.highRisk() ? "; at high risk, reason recorded" : ""));
	}

	/** The signed-in person's shortlist, first added first. */
	public List<Entry> mine() {
		return this.jdbc.sql("""
				select e.id, e.care_service_id, s.name, p.name as provider_name, s.town, s.postcode, e.score,
				       e.explanation, e.risk_warned, e.reason, e.added_at
				from matching_shortlist_entry e
				join providers_service s on s.id = e.care_service_id
				join providers_provider p on p.id = s.provider_id
				where e.owner_id = :owner
				order by e.added_at, e.id""")
			.param("owner", this.currentUser.require().id())
			.query((rs, n) -> new Entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8), rs.getBoolean(9),
					rs.getString(10), rs.getTimestamp(11).toInstant()))
			.list();
	}

	/** Takes an entry off the signed-in person's shortlist (another's is not found). */
	@Transactional
	public boolean remove(UUID entryId) {
		int removed = this.jdbc.sql("delete from matching_shortlist_entry where id = :id and owner_id = :owner")
			.param("id", entryId)
			.param("owner", this.currentUser.require().id())
			.update();
		if (removed > 0) {
			this.auditLog.record(AuditAction.DELETED, "ShortlistEntry", entryId, "Removed from a shortlist");
		}
		return removed > 0;
	}

}
