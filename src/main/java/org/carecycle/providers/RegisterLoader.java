package org.carecycle.providers;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.carecycle.identity.AuditAction;
import org.carecycle.identity.AuditLog;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads many providers, services and ratings at once in batched statements: for the demo
 * county and benchmark datasets now, and for imports later. One audit entry records each
 * load, rather than one per row.
 */
@Service
public class RegisterLoader {

	private static final int BATCH = 1000;

	private final JdbcTemplate jdbc;

	private final AuditLog auditLog;

	private final Clock clock;

	RegisterLoader(JdbcTemplate jdbc, AuditLog auditLog, Clock clock) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** A corporate group that owns several providers. */
	public record NewGroup(UUID id, String name) {
	}

	/** A provider organisation to load. */
	public record NewProvider(UUID id, String name, String cqcProviderId, Ownership ownership, UUID groupId,
			String phone, String email, String website, String addressLine1, String addressLine2, String town,
			String postcode) {
	}

	/** A service to load. */
	public record NewService(UUID id, UUID providerId, String cqcLocationId, String name, ServiceType type,
			Set<ClientGroup> clientGroups, String addressLine1, String addressLine2, String town, String postcode,
			String postcodeDistrict, UUID localityId, Double latitude, Double longitude, Integer beds,
			Integer weeklyHours, Integer places, String registeredManager, ServiceStatus status, LocalDate registeredOn,
			LocalDate closedOn) {
	}

	/** A published CQC rating to load, for a CQC location. */
	public record NewRating(String cqcLocationId, KeyQuestion question, CqcRating rating, LocalDate publishedOn) {
	}

	/** A contact at a provider to load. */
	public record NewContact(UUID providerId, int position, String name, String jobTitle, String email, String phone) {
	}

	/** A contract to load. */
	public record NewContract(UUID id, String reference, UUID serviceId, String lot, String framework,
			LocalDate startsOn, LocalDate endsOn, BigDecimal totalValue, BigDecimal unitPrice, PriceUnit priceUnit,
			Integer commissionedCapacity, UUID contractManagerId) {
	}

	/** Everything to load at once. */
	public record Batch(List<NewGroup> groups, List<NewProvider> providers, List<NewContact> contacts,
			List<NewService> services, List<NewRating> ratings, List<NewContract> contracts) {
	}

	@Transactional
	public void load(Batch batch, String description) {
		List<NewGroup> groups = batch.groups();
		List<NewProvider> providers = batch.providers();
		List<NewService> services = batch.services();
		List<NewRating> ratings = batch.ratings();
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.batchUpdate("insert into provider_group (id, name) values (?, ?)", groups, BATCH, (ps, group) -> {
			ps.setObject(1, group.id());
			ps.setString(2, group.name());
		});
		this.jdbc.batchUpdate("""
				insert into provider (id, version, name, cqc_provider_id, ownership, group_id, phone, email, website,
				                      address_line1, address_line2, town, postcode, created_at, updated_at)
				values (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", providers, BATCH, (ps, p) -> {
			ps.setObject(1, p.id());
			ps.setString(2, p.name());
			ps.setString(3, p.cqcProviderId());
			ps.setString(4, p.ownership().name());
			ps.setObject(5, p.groupId());
			ps.setString(6, p.phone());
			ps.setString(7, p.email());
			ps.setString(8, p.website());
			ps.setString(9, p.addressLine1());
			ps.setString(10, p.addressLine2());
			ps.setString(11, p.town());
			ps.setString(12, p.postcode());
			ps.setTimestamp(13, now);
			ps.setTimestamp(14, now);
		});
		this.jdbc.batchUpdate("""
				insert into care_service (id, version, provider_id, cqc_location_id, name, service_type, client_groups,
				                          address_line1, address_line2, town, postcode, postcode_district, locality_id,
				                          latitude, longitude, beds, weekly_hours, places, registered_manager, status,
				                          registered_on, closed_on, created_at, updated_at)
				values (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", services, BATCH,
				(ps, s) -> {
					ps.setObject(1, s.id());
					ps.setObject(2, s.providerId());
					ps.setString(3, s.cqcLocationId());
					ps.setString(4, s.name());
					ps.setString(5, s.type().name());
					ps.setArray(6, clientGroups(ps, s.clientGroups()));
					ps.setString(7, s.addressLine1());
					ps.setString(8, s.addressLine2());
					ps.setString(9, s.town());
					ps.setString(10, s.postcode());
					ps.setString(11, s.postcodeDistrict());
					ps.setObject(12, s.localityId());
					setDouble(ps, 13, s.latitude());
					setDouble(ps, 14, s.longitude());
					setInteger(ps, 15, s.beds());
					setInteger(ps, 16, s.weeklyHours());
					setInteger(ps, 17, s.places());
					ps.setString(18, s.registeredManager());
					ps.setString(19, s.status().name());
					ps.setDate(20, (s.registeredOn() != null) ? Date.valueOf(s.registeredOn()) : null);
					ps.setDate(21, (s.closedOn() != null) ? Date.valueOf(s.closedOn()) : null);
					ps.setTimestamp(22, now);
					ps.setTimestamp(23, now);
				});
		this.jdbc.batchUpdate("""
				insert into provider_contact (provider_id, position, name, job_title, email, phone)
				values (?, ?, ?, ?, ?, ?)""", batch.contacts(), BATCH, (ps, c) -> {
			ps.setObject(1, c.providerId());
			ps.setInt(2, c.position());
			ps.setString(3, c.name());
			ps.setString(4, c.jobTitle());
			ps.setString(5, c.email());
			ps.setString(6, c.phone());
		});
		this.jdbc.batchUpdate("""
				insert into contract (id, version, reference, care_service_id, lot, framework, starts_on, ends_on,
				                      total_value, unit_price, price_unit, commissioned_capacity, contract_manager_id,
				                      created_at, updated_at)
				values (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", batch.contracts(), BATCH, (ps, c) -> {
			ps.setObject(1, c.id());
			ps.setString(2, c.reference());
			ps.setObject(3, c.serviceId());
			ps.setString(4, c.lot());
			ps.setString(5, c.framework());
			ps.setDate(6, Date.valueOf(c.startsOn()));
			ps.setDate(7, Date.valueOf(c.endsOn()));
			ps.setBigDecimal(8, c.totalValue());
			ps.setBigDecimal(9, c.unitPrice());
			ps.setString(10, (c.priceUnit() != null) ? c.priceUnit().name() : null);
			setInteger(ps, 11, c.commissionedCapacity());
			ps.setObject(12, c.contractManagerId());
			ps.setTimestamp(13, now);
			ps.setTimestamp(14, now);
		});
		this.jdbc.batchUpdate("""
				insert into cqc_rating (cqc_location_id, key_question, rating, published_on, source)
				values (?, ?, ?, ?, 'CQC')""", ratings, BATCH, (ps, r) -> {
			ps.setString(1, r.cqcLocationId());
			ps.setString(2, r.question().name());
			ps.setString(3, r.rating().name());
			ps.setDate(4, Date.valueOf(r.publishedOn()));
		});
		this.auditLog.record(AuditAction.IMPORTED, "ProviderRegister", null,
				description + ": " + groups.size() + " groups, " + providers.size() + " providers, " + services.size()
						+ " services, " + batch.contracts().size() + " contracts, " + ratings.size() + " CQC ratings");
	}

	private static Array clientGroups(PreparedStatement ps, Set<ClientGroup> groups) throws SQLException {
		return ps.getConnection().createArrayOf("varchar", groups.stream().map(Enum::name).sorted().toArray());
	}

	private static void setDouble(PreparedStatement ps, int index, Double value) throws SQLException {
		if (value == null) {
			ps.setNull(index, Types.NUMERIC);
		}
		else {
			ps.setDouble(index, value);
		}
	}

	private static void setInteger(PreparedStatement ps, int index, Integer value) throws SQLException {
		if (value == null) {
			ps.setNull(index, Types.INTEGER);
		}
		else {
			ps.setInt(index, value);
		}
	}

}
