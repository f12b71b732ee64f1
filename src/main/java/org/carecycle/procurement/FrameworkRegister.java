package org.carecycle.procurement;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.carecycle.identity.AuditAction;
import org.carecycle.identity.AuditLog;
import org.carecycle.identity.CurrentUser;
import org.carecycle.identity.SignedInUser;
import org.carecycle.providers.PriceUnit;
import org.carecycle.providers.ServiceType;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.shared.UkTime;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * FrameworkRegister and dynamic markets: recording them and their lots, admitting
 * providers (at a framework's award, or on application to a dynamic market), and
 * suspending or removing them, every step with its reasons, kept in the admission's
 * history and the audit log. Lots and admissions are rows with stable ids, read by the
 * matching module through {@link FrameworkMembership} (ADR 0038).
 */
@Service
public class FrameworkRegister {

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final CurrentUser currentUser;

	private final Clock clock;

	FrameworkRegister(JdbcClient jdbc, AuditLog auditLog, CurrentUser currentUser, Clock clock) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	/** A framework or dynamic market to record. */
	public record NewFramework(FrameworkKind kind, String title, String description, LocalDate startsOn,
			LocalDate endsOn) {
	}

	/** A lot to add. */
	public record NewLot(String name, ServiceType serviceType, UUID localityId, PriceUnit priceUnit,
			int qualityWeight) {
	}

	/** A decision a commissioner takes on an admission. */
	public enum Decision {

		ADMIT, REFUSE, SUSPEND, REINSTATE, REMOVE, REPRICE;

		public String messageKey() {
			return "admissionDecision." + name();
		}

		/** The decisions open on an admission in the given state. */
		public static List<Decision> openOn(AdmissionStatus status) {
			return switch (status) {
				case APPLIED -> List.of(ADMIT, REFUSE);
				case ADMITTED -> List.of(SUSPEND, REPRICE, REMOVE);
				case SUSPENDED -> List.of(REINSTATE, REMOVE);
				default -> List.of();
			};
		}

	}

	/** A framework in a list, with its counts. */
	public record FrameworkSummary(Framework framework, int lots, int admitted, int waiting) {
	}

	/** One step in an admission's history. */
	public record Step(Instant happenedAt, AdmissionStatus status, String actorName, String reason) {
	}

	/** A provider's own place or application, with its lot and framework. */
	public record ProviderPlace(Admission admission, FrameworkLot lot, Framework framework) {
	}

	/** Someone else changed the admission since the page was opened. */
	public static class AdmissionChangedException extends RuntimeException {

		AdmissionChangedException() {
			super("Someone else changed this admission");
		}

	}

	private static final String FRAMEWORK_COLUMNS = "f.id, f.reference, f.kind, f.title, f.description, f.starts_on, "
			+ "f.ends_on, f.created_at, f.created_by";

	private static final String LOT_SELECT = """
			select l.id, l.framework_id, l.number, l.name, l.service_type, l.locality_id, g.name as locality_name,
			       l.price_unit, l.quality_weight
			from procurement_framework_lot l
			left join geography_locality g on g.id = l.locality_id
			""";

	private static final String ADMISSION_SELECT = """
			select a.id, a.version, a.lot_id, a.provider_id, p.name as provider_name, a.status, a.price, a.statement,
			       a.applied_at, a.decided_at, a.reason
			from procurement_admission a
			left join providers_provider p on p.id = a.provider_id
			""";

	// Reading
	// --------------------

	@Transactional(readOnly = true)
	public List<FrameworkSummary> list() {
		return this.jdbc.sql("select " + FRAMEWORK_COLUMNS + """
				,
				       (select count(*) from procurement_framework_lot l where l.framework_id = f.id) as lots,
				       (select count(*) from procurement_admission a join procurement_framework_lot l on l.id = a.lot_id
				        where l.framework_id = f.id and a.status = 'ADMITTED') as admitted,
				       (select count(*) from procurement_admission a join procurement_framework_lot l on l.id = a.lot_id
				        where l.framework_id = f.id and a.status = 'APPLIED') as waiting
				from procurement_framework f
				order by f.starts_on desc, f.reference""")
			.query((rs, n) -> new FrameworkSummary(framework(rs), rs.getInt("lots"), rs.getInt("admitted"),
					rs.getInt("waiting")))
			.list();
	}

	@Transactional(readOnly = true)
	public Framework get(UUID id) {
		return this.jdbc.sql("select " + FRAMEWORK_COLUMNS + " from procurement_framework f where f.id = :id")
			.param("id", id)
			.query((rs, n) -> framework(rs))
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("No such framework or dynamic market"));
	}

	@Transactional(readOnly = true)
	public List<FrameworkLot> lots(UUID frameworkId) {
		return this.jdbc.sql(LOT_SELECT + " where l.framework_id = :id order by l.number")
			.param("id", frameworkId)
			.query((rs, n) -> lot(rs))
			.list();
	}

	/** A lot of the given framework (a lot of another is not found). */
	@Transactional(readOnly = true)
	public FrameworkLot lot(UUID frameworkId, UUID lotId) {
		FrameworkLot lot = lot(lotId);
		if (!lot.frameworkId().equals(frameworkId)) {
			throw new RecordNotFoundException("No such lot");
		}
		return lot;
	}

	@Transactional(readOnly = true)
	public FrameworkLot lot(UUID lotId) {
		return this.jdbc.sql(LOT_SELECT + " where l.id = :id")
			.param("id", lotId)
			.query((rs, n) -> lot(rs))
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("No such lot"));
	}

	/**
	 * Every admission and application of a lot, history included: live ones first, then
	 * by provider name.
	 */
	@Transactional(readOnly = true)
	public List<Admission> admissions(UUID lotId) {
		return this.jdbc.sql(ADMISSION_SELECT + """
				where a.lot_id = :lot
				order by case a.status when 'APPLIED' then 0 when 'ADMITTED' then 1 when 'SUSPENDED' then 2 else 3 end,
				         lower(p.name), a.updated_at desc""")
			.param("lot", lotId)
			.query((rs, n) -> admission(rs))
			.list();
	}

	@Transactional(readOnly = true)
	public Admission admission(UUID id) {
		return this.jdbc.sql(ADMISSION_SELECT + " where a.id = :id")
			.param("id", id)
			.query((rs, n) -> admission(rs))
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("No such admission"));
	}

	@Transactional(readOnly = true)
	public List<Step> steps(UUID admissionId) {
		return this.jdbc.sql("""
				select happened_at, status, actor_name, reason from procurement_admission_step
				where admission_id = :id order by happened_at, id""")
			.param("id", admissionId)
			.query((rs, n) -> new Step(rs.getTimestamp("happened_at").toInstant(),
					AdmissionStatus.valueOf(rs.getString("status")), rs.getString("actor_name"),
					rs.getString("reason")))
			.list();
	}

	/** Applications waiting for a decision, oldest first. */
	@Transactional(readOnly = true)
	public List<ProviderPlace> waiting() {
		return this.jdbc.sql(ADMISSION_SELECT + " where a.status = 'APPLIED' order by a.applied_at")
			.query((rs, n) -> admission(rs))
			.list()
			.stream()
			.map(this::place)
			.toList();
	}

	/** The lots of dynamic markets that take applications today. */
	@Transactional(readOnly = true)
	public List<ProviderPlace> openLots() {
		LocalDate today = UkTime.today(this.clock);
		return this.jdbc.sql(LOT_SELECT + """
				join procurement_framework f on f.id = l.framework_id
				where f.kind = 'DYNAMIC_MARKET' and f.starts_on <= :today and (f.ends_on is null or f.ends_on >= :today)
				order by f.reference, l.number""")
			.param("today", today)
			.query((rs, n) -> lot(rs))
			.list()
			.stream()
			.map(lot -> new ProviderPlace(null, lot, get(lot.frameworkId())))
			.toList();
	}

	/** A provider's places and applications, on every framework and dynamic market. */
	@Transactional(readOnly = true)
	public List<ProviderPlace> placesOf(UUID providerId) {
		return this.jdbc.sql(ADMISSION_SELECT + " where a.provider_id = :provider order by a.updated_at desc")
			.param("provider", providerId)
			.query((rs, n) -> admission(rs))
			.list()
			.stream()
			.map(this::place)
			.toList();
	}

	/** The providers that run a service of the type (for admitting to a lot), by name. */
	@Transactional(readOnly = true)
	public List<ProviderName> providersOffering(ServiceType type) {
		return this.jdbc.sql("""
				select p.id, p.name from providers_provider p
				where exists (select 1 from providers_service s where s.provider_id = p.id
				              and s.service_type = :type and s.status = 'ACTIVE')
				order by lower(p.name), p.id""")
			.param("type", type.name())
			.query((rs, n) -> new ProviderName(rs.getObject("id", UUID.class), rs.getString("name")))
			.list();
	}

	/** A provider and its name. */
	public record ProviderName(UUID id, String name) {
	}

	/** The localities a lot may cover. */
	@Transactional(readOnly = true)
	public List<ProviderName> areas() {
		return this.jdbc.sql("select id, name from geography_locality where kind = 'COMMUNITY_AREA' order by name")
			.query((rs, n) -> new ProviderName(rs.getObject("id", UUID.class), rs.getString("name")))
			.list();
	}

	private ProviderPlace place(Admission admission) {
		FrameworkLot lot = lot(admission.lotId());
		return new ProviderPlace(admission, lot, get(lot.frameworkId()));
	}

	// Changing
	// --------------------

	@Transactional
	public Framework create(NewFramework framework) {
		if (framework.endsOn() != null && !framework.endsOn().isAfter(framework.startsOn())) {
			throw new IllegalArgumentException("The end date must be after the start date");
		}
		if (framework.kind() == FrameworkKind.FRAMEWORK) {
			if (framework.endsOn() == null) {
				throw new IllegalArgumentException("Enter the date the framework ends");
			}
			if (framework.endsOn().isAfter(framework.startsOn().plusYears(Framework.FRAMEWORK_MAX_YEARS))) {
				throw new IllegalArgumentException("A framework can last at most 4 years");
			}
		}
		UUID id = UUID.randomUUID();
		long number = this.jdbc.sql("select nextval('procurement_framework_number')").query(Long.class).single();
		String reference = ((framework.kind() == FrameworkKind.FRAMEWORK) ? "FW-" : "DM-")
				+ String.format("%04d", number);
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into procurement_framework (id, reference, kind, title, description, starts_on, ends_on,
				                                   created_at, created_by)
				values (:id, :reference, :kind, :title, :description, :startsOn, :endsOn, :now, :by)""")
			.param("id", id)
			.param("reference", reference)
			.param("kind", framework.kind().name())
			.param("title", framework.title())
			.param("description", framework.description())
			.param("startsOn", framework.startsOn())
			.param("endsOn", framework.endsOn())
			.param("now", Timestamp.from(now))
			.param("by", actorName())
			.update();
		this.auditLog.record(AuditAction.CREATED, "Framework", id, reference + " " + framework.title());
		return get(id);
	}

	@Transactional
	public FrameworkLot addLot(UUID frameworkId, NewLot lot) {
		Framework framework = get(frameworkId);
		if (lot.qualityWeight() < 0 || lot.qualityWeight() > 100) {
			throw new IllegalArgumentException("The quality weighting must be between 0 and 100");
		}
		if (framework.endsOn() != null && framework.endsOn().isBefore(UkTime.today(this.clock))) {
			throw new IllegalStateException("The term has ended: lots can no longer be added");
		}
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into procurement_framework_lot (id, framework_id, number, name, service_type, locality_id,
				                                       price_unit, quality_weight, created_at)
				values (:id, :framework, (select coalesce(max(number), 0) + 1 from procurement_framework_lot
				                          where framework_id = :framework),
				        :name, :type, :locality, :unit, :quality, :now)""")
			.param("id", id)
			.param("framework", frameworkId)
			.param("name", lot.name())
			.param("type", lot.serviceType().name())
			.param("locality", lot.localityId())
			.param("unit", lot.priceUnit().name())
			.param("quality", lot.qualityWeight())
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		this.auditLog.record(AuditAction.CREATED, "FrameworkLot", id, framework.reference() + " lot " + lot.name()
				+ " (quality " + lot.qualityWeight() + "%, price " + (100 - lot.qualityWeight()) + "%)");
		return lot(id);
	}

	/**
	 * Admits a provider to a framework's lot at its award, at the price agreed.
	 * @throws IllegalStateException for a dynamic market (providers apply) or a provider
	 * already on the lot
	 */
	@Transactional
	public Admission award(UUID frameworkId, UUID lotId, UUID providerId, BigDecimal price, String reasons) {
		Framework framework = get(frameworkId);
		FrameworkLot lot = lot(frameworkId, lotId);
		if (framework.isDynamicMarket()) {
			throw new IllegalStateException("Providers join a dynamic market by applying to it");
		}
		requireProvider(providerId);
		Admission admission = Admission.awarded(lot.id(), providerId, price, reasons, this.clock.instant());
		insert(admission);
		return admission(admission.id());
	}

	/**
	 * A provider's application to a dynamic market's lot that is open today.
	 */
	@Transactional
	public Admission apply(UUID lotId, UUID providerId, BigDecimal price, String statement) {
		FrameworkLot lot = lot(lotId);
		Framework framework = get(lot.frameworkId());
		if (!framework.openToApplications(UkTime.today(this.clock))) {
			throw new RecordNotFoundException("No such lot open to applications");
		}
		requireProvider(providerId);
		Admission admission = Admission.application(lot.id(), providerId, price, statement, this.clock.instant());
		insert(admission);
		return admission(admission.id());
	}

	/** A provider withdraws its own application before a decision. */
	@Transactional
	public Admission withdraw(UUID admissionId, UUID providerId) {
		Admission admission = admission(admissionId);
		if (!admission.providerId().equals(providerId)) {
			throw new RecordNotFoundException("No such application");
		}
		return save(admission, admission.withdraw(this.clock.instant()), null);
	}

	/**
	 * A commissioner's decision on an admission, with its reasons.
	 * @param version the version the decision was taken on
	 * @param price the agreed price, when admitting or repricing (null keeps the one
	 * offered)
	 */
	@Transactional
	public Admission decide(UUID admissionId, int version, Decision decision, BigDecimal price, String reasons) {
		Admission admission = admission(admissionId);
		if (admission.version() != version) {
			throw new AdmissionChangedException();
		}
		Instant now = this.clock.instant();
		Admission decided = switch (decision) {
			case ADMIT -> admission.admit(price, reasons, now);
			case REFUSE -> admission.refuse(reasons, now);
			case SUSPEND -> admission.suspend(reasons, now);
			case REINSTATE -> admission.reinstate(reasons, now);
			case REMOVE -> admission.remove(reasons, now);
			case REPRICE -> admission.reprice(price, reasons, now);
		};
		return save(admission, decided, reasons);
	}

	private void insert(Admission admission) {
		try {
			this.jdbc
				.sql("""
						insert into procurement_admission (id, version, lot_id, provider_id, status, price, statement,
						                                   applied_at, decided_at, reason, updated_at)
						values (:id, 0, :lot, :provider, :status, :price, :statement, :appliedAt, :decidedAt, :reason, :now)""")
				.param("id", admission.id())
				.param("lot", admission.lotId())
				.param("provider", admission.providerId())
				.param("status", admission.status().name())
				.param("price", admission.price())
				.param("statement", admission.statement())
				.param("appliedAt", timestamp(admission.appliedAt()))
				.param("decidedAt", timestamp(admission.decidedAt()))
				.param("reason", admission.reason())
				.param("now", Timestamp.from(this.clock.instant()))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new IllegalStateException("The provider is already on this lot or has applied to it");
		}
		step(admission.id(), admission.status(),
				(admission.status() == AdmissionStatus.APPLIED) ? null : admission.reason());
		this.auditLog.record(AuditAction.CREATED, "Admission", admission.id(),
				admission.status().name() + " provider " + admission.providerId() + " lot " + admission.lotId()
						+ ((admission.price() != null) ? " at " + admission.price() : ""));
	}

	private Admission save(Admission before, Admission after, String reasons) {
		int updated = this.jdbc.sql("""
				update procurement_admission
				set status = :status, price = :price, decided_at = :decidedAt, reason = :reason,
				    updated_at = :now, version = version + 1
				where id = :id and version = :version""")
			.param("id", after.id())
			.param("version", before.version())
			.param("status", after.status().name())
			.param("price", after.price())
			.param("decidedAt", timestamp(after.decidedAt()))
			.param("reason", after.reason())
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		if (updated != 1) {
			throw new AdmissionChangedException();
		}
		step(after.id(), after.status(), reasons);
		this.auditLog.changed("Admission", after.id(),
				java.util.Map.of("status", before.status().name(), "price", String.valueOf(before.price())),
				java.util.Map.of("status", after.status().name(), "price", String.valueOf(after.price())));
		return admission(after.id());
	}

	private void step(UUID admissionId, AdmissionStatus status, String reason) {
		this.jdbc.sql("""
				insert into procurement_admission_step (admission_id, happened_at, status, actor_name, reason)
				values (:id, :now, :status, :actor, :reason)""")
			.param("id", admissionId)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("status", status.name())
			.param("actor", actorName())
			.param("reason", reason)
			.update();
	}

	private void requireProvider(UUID providerId) {
		boolean known = this.jdbc.sql("select exists (select 1 from providers_provider where id = :id)")
			.param("id", providerId)
			.query(Boolean.class)
			.single();
		if (!known) {
			throw new IllegalArgumentException("Choose a provider from the register");
		}
	}

	private String actorName() {
		return this.currentUser.get().map(SignedInUser::displayName).orElse("CareCycle");
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	static Framework framework(ResultSet rs) throws SQLException {
		return new Framework(rs.getObject("id", UUID.class), rs.getString("reference"),
				FrameworkKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("description"),
				rs.getObject("starts_on", LocalDate.class),
				Optional.ofNullable(rs.getObject("ends_on", LocalDate.class)).orElse(null),
				rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
	}

	static FrameworkLot lot(ResultSet rs) throws SQLException {
		return new FrameworkLot(rs.getObject("id", UUID.class), rs.getObject("framework_id", UUID.class),
				rs.getInt("number"), rs.getString("name"), ServiceType.valueOf(rs.getString("service_type")),
				rs.getObject("locality_id", UUID.class), rs.getString("locality_name"),
				PriceUnit.valueOf(rs.getString("price_unit")), rs.getInt("quality_weight"));
	}

	private static Admission admission(ResultSet rs) throws SQLException {
		return new Admission(rs.getObject("id", UUID.class), rs.getInt("version"), rs.getObject("lot_id", UUID.class),
				rs.getObject("provider_id", UUID.class), rs.getString("provider_name"),
				AdmissionStatus.valueOf(rs.getString("status")), rs.getBigDecimal("price"), rs.getString("statement"),
				instant(rs, "applied_at"), instant(rs, "decided_at"), rs.getString("reason"));
	}

}
