package org.carecycle.procurement;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.carecycle.identity.AuditAction;
import org.carecycle.identity.AuditLog;
import org.carecycle.identity.CurrentUser;
import org.carecycle.identity.SignedInUser;
import org.carecycle.providers.ServiceType;
import org.carecycle.shared.RecordNotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Preferred-provider partnerships, recorded with their rationale, the services they cover
 * and their review date, so that a decision not to tender is written down and revisited.
 */
@Service
public class Partnerships {

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final CurrentUser currentUser;

	private final Clock clock;

	Partnerships(JdbcClient jdbc, AuditLog auditLog, CurrentUser currentUser, Clock clock) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	/** A partnership to record. */
	public record NewPartnership(UUID providerId, String title, String rationale, List<ServiceType> services,
			String scope, LocalDate startsOn, LocalDate reviewOn) {
	}

	private static final String SELECT = """
			select x.id, x.reference, x.provider_id, p.name as provider_name, x.title, x.rationale, x.services,
			       x.scope, x.starts_on, x.review_on, x.created_at, x.created_by
			from procurement_partnership x
			left join providers_provider p on p.id = x.provider_id
			""";

	@Transactional(readOnly = true)
	public List<Partnership> list() {
		return this.jdbc.sql(SELECT + " order by x.review_on, x.reference").query((rs, n) -> partnership(rs)).list();
	}

	@Transactional(readOnly = true)
	public Partnership get(UUID id) {
		return this.jdbc.sql(SELECT + " where x.id = :id")
			.param("id", id)
			.query((rs, n) -> partnership(rs))
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("No such partnership"));
	}

	@Transactional
	public Partnership record(NewPartnership partnership) {
		if (!partnership.reviewOn().isAfter(partnership.startsOn())) {
			throw new IllegalArgumentException("The review date must be after the start date");
		}
		if (partnership.services().isEmpty()) {
			throw new IllegalArgumentException("Select the services the partnership covers");
		}
		boolean known = this.jdbc.sql("select exists (select 1 from providers_provider where id = :id)")
			.param("id", partnership.providerId())
			.query(Boolean.class)
			.single();
		if (!known) {
			throw new IllegalArgumentException("Choose a provider from the register");
		}
		UUID id = UUID.randomUUID();
		long number = this.jdbc.sql("select nextval('procurement_partnership_number')").query(Long.class).single();
		String reference = "PP-" + String.format("%04d", number);
		this.jdbc.sql("""
				insert into procurement_partnership (id, reference, provider_id, title, rationale, services, scope,
				                                     starts_on, review_on, created_at, created_by)
				values (:id, :reference, :provider, :title, :rationale, cast(:services as varchar(40)[]), :scope,
				        :startsOn, :reviewOn, :now, :by)""")
			.param("id", id)
			.param("reference", reference)
			.param("provider", partnership.providerId())
			.param("title", partnership.title())
			.param("rationale", partnership.rationale())
			.param("services", "{" + String.join(",", partnership.services().stream().map(Enum::name).toList()) + "}")
			.param("scope", partnership.scope())
			.param("startsOn", partnership.startsOn())
			.param("reviewOn", partnership.reviewOn())
			.param("now", Timestamp.from(this.clock.instant()))
			.param("by", this.currentUser.get().map(SignedInUser::displayName).orElse("CareCycle"))
			.update();
		this.auditLog.record(AuditAction.CREATED, "Partnership", id,
				reference + " " + partnership.title() + " with provider " + partnership.providerId());
		return get(id);
	}

	private static Partnership partnership(ResultSet rs) throws SQLException {
		Array services = rs.getArray("services");
		List<ServiceType> types = Arrays.stream((Object[]) services.getArray())
			.map(value -> ServiceType.valueOf(value.toString()))
			.toList();
		return new Partnership(rs.getObject("id", UUID.class), rs.getString("reference"),
				rs.getObject("provider_id", UUID.class), rs.getString("provider_name"), rs.getString("title"),
				rs.getString("rationale"), types, rs.getString("scope"), rs.getObject("starts_on", LocalDate.class),
				rs.getObject("review_on", LocalDate.class), rs.getTimestamp("created_at").toInstant(),
				rs.getString("created_by"));
	}

}
