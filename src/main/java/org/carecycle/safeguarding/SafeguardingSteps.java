package org.carecycle.safeguarding;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.carecycle.identity.AuditAction;
import org.carecycle.identity.AuditLog;
import org.carecycle.identity.CurrentUser;
import org.carecycle.identity.SignedInUser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The history of a safeguarding case or whole-service enquiry: every step, who took it
 * and when, shown on the case's page, and the same act written to the audit log (by type
 * and id, never what was said about the adult).
 */
@Component
public class SafeguardingSteps {

	/** One step in a case's history. */
	public record Step(Instant at, String actor, String kind, String detail, UUID enquiryId) {

		public String messageKey() {
			return "safeguarding.step." + this.kind;
		}

	}

	/** Who a step is about: a concern, an enquiry of it, or a whole-service enquiry. */
	public record About(UUID concernId, UUID enquiryId, UUID wholeServiceEnquiryId) {

		public static About concern(UUID concernId) {
			return new About(concernId, null, null);
		}

		public static About enquiry(UUID concernId, UUID enquiryId) {
			return new About(concernId, enquiryId, null);
		}

		public static About wholeService(UUID wholeServiceEnquiryId) {
			return new About(null, null, wholeServiceEnquiryId);
		}

	}

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final AuditLog audit;

	private final Clock clock;

	SafeguardingSteps(JdbcClient jdbc, CurrentUser currentUser, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Records a step taken by the signed-in user, or by CareCycle itself when nobody is
	 * signed in (a listener, a scheduled reminder). The kind is a short code such as
	 * {@code DECIDED} with its words at {@code safeguarding.step.DECIDED}; the detail is
	 * shown only to those who may read the case.
	 */
	@Transactional
	public void record(About about, String kind, String detail) {
		SignedInUser user = this.currentUser.get().orElse(null);
		String actor = (user != null) ? user.displayName() : "CareCycle";
		this.jdbc.sql("""
				insert into safeguarding_step (concern_id, enquiry_id, whole_service_enquiry_id, happened_at, actor_id,
				                               actor_name, kind, detail)
				values (:concern, :enquiry, :wse, :at, :actor, :name, :kind, :detail)""")
			.param("concern", about.concernId())
			.param("enquiry", about.enquiryId())
			.param("wse", about.wholeServiceEnquiryId())
			.param("at", Timestamp.from(this.clock.instant()))
			.param("actor", (user != null) ? user.id() : null)
			.param("name", actor)
			.param("kind", kind)
			.param("detail", detail)
			.update();
		String type = (about.wholeServiceEnquiryId() != null) ? "WholeServiceEnquiry"
				: (about.enquiryId() != null) ? "SafeguardingEnquiry" : "SafeguardingConcern";
		Object id = (about.wholeServiceEnquiryId() != null) ? about.wholeServiceEnquiryId()
				: (about.enquiryId() != null) ? about.enquiryId() : about.concernId();
		this.audit.record(AuditAction.CHANGED, type, id, kind);
	}

	/** A concern's history, oldest first, with its enquiry's steps. */
	public List<Step> ofConcern(UUID concernId) {
		return this.jdbc.sql("""
				select happened_at, actor_name, kind, detail, enquiry_id from safeguarding_step
				where concern_id = :id order by happened_at, id""")
			.param("id", concernId)
			.query((rs, row) -> new Step(rs.getTimestamp("happened_at").toInstant(), rs.getString("actor_name"),
					rs.getString("kind"), rs.getString("detail"), rs.getObject("enquiry_id", UUID.class)))
			.list();
	}

	/** A whole-service enquiry's history, oldest first. */
	public List<Step> ofWholeService(UUID wholeServiceEnquiryId) {
		return this.jdbc.sql("""
				select happened_at, actor_name, kind, detail, enquiry_id from safeguarding_step
				where whole_service_enquiry_id = :id order by happened_at, id""")
			.param("id", wholeServiceEnquiryId)
			.query((rs, row) -> new Step(rs.getTimestamp("happened_at").toInstant(), rs.getString("actor_name"),
					rs.getString("kind"), rs.getString("detail"), rs.getObject("enquiry_id", UUID.class)))
			.list();
	}

}
