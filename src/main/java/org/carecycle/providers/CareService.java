package org.carecycle.providers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A service a provider runs at a location. Its status changes only through
 * {@link #closed(LocalDate, Instant)}, {@link #dormant(LocalDate, Instant)} and
 * {@link #reactivated(Instant)}, which refuse what makes no sense.
 */
@Table("care_service")
public final class CareService {

	@Id
	private final UUID id;

	@Version
	private final Integer version;

	private final UUID providerId;

	private final String cqcLocationId;

	private final String name;

	private final ServiceType serviceType;

	private final Set<ClientGroup> clientGroups;

	private final String addressLine1;

	private final String addressLine2;

	private final String town;

	private final String postcode;

	private final String postcodeDistrict;

	private final UUID localityId;

	private final Double latitude;

	private final Double longitude;

	private final Integer beds;

	private final Integer weeklyHours;

	private final Integer places;

	private final String registeredManager;

	private final ServiceStatus status;

	private final LocalDate registeredOn;

	private final LocalDate closedOn;

	private final LocalDate dormantSince;

	private final Integer vacancies;

	private final Instant vacanciesReportedAt;

	private final Instant createdAt;

	private final Instant updatedAt;

	@PersistenceCreator
	CareService(UUID id, Integer version, UUID providerId, String cqcLocationId, String name, ServiceType serviceType,
			Set<ClientGroup> clientGroups, String addressLine1, String addressLine2, String town, String postcode,
			String postcodeDistrict, UUID localityId, Double latitude, Double longitude, Integer beds,
			Integer weeklyHours, Integer places, String registeredManager, ServiceStatus status, LocalDate registeredOn,
			LocalDate closedOn, LocalDate dormantSince, Integer vacancies, Instant vacanciesReportedAt,
			Instant createdAt, Instant updatedAt) {
		this.id = Objects.requireNonNull(id);
		this.version = version;
		this.providerId = Objects.requireNonNull(providerId);
		this.cqcLocationId = cqcLocationId;
		this.name = Objects.requireNonNull(name);
		this.serviceType = Objects.requireNonNull(serviceType);
		this.clientGroups = (clientGroups == null || clientGroups.isEmpty()) ? Set.of() : EnumSet.copyOf(clientGroups);
		this.addressLine1 = addressLine1;
		this.addressLine2 = addressLine2;
		this.town = town;
		this.postcode = Objects.requireNonNull(postcode);
		this.postcodeDistrict = postcodeDistrict;
		this.localityId = localityId;
		this.latitude = latitude;
		this.longitude = longitude;
		this.beds = beds;
		this.weeklyHours = weeklyHours;
		this.places = places;
		this.registeredManager = registeredManager;
		this.status = Objects.requireNonNull(status);
		this.registeredOn = registeredOn;
		this.closedOn = closedOn;
		this.dormantSince = dormantSince;
		this.vacancies = vacancies;
		this.vacanciesReportedAt = vacanciesReportedAt;
		this.createdAt = Objects.requireNonNull(createdAt);
		this.updatedAt = Objects.requireNonNull(updatedAt);
		if ((status == ServiceStatus.CLOSED) != (closedOn != null)) {
			throw new IllegalStateException("A closed service, and only a closed one, has a closing date");
		}
	}

	/** Where a service is, worked out from its postcode. */
	record Placement(String postcodeDistrict, UUID localityId, Double latitude, Double longitude) {
	}

	static CareService create(UUID providerId, ServiceDetails details, Placement placement, Instant now) {
		return new CareService(UUID.randomUUID(), null, providerId, text(details.cqcLocationId()), details.name(),
				details.type(), details.clientGroups(), details.addressLine1(), details.addressLine2(), details.town(),
				details.postcode().value(), placement.postcodeDistrict(), placement.localityId(), placement.latitude(),
				placement.longitude(), capacity(details, ServiceType.Capacity.BEDS),
				capacity(details, ServiceType.Capacity.WEEKLY_HOURS), capacity(details, ServiceType.Capacity.PLACES),
				details.registeredManager(), ServiceStatus.ACTIVE, details.registeredOn(), null, null, null, null, now,
				now);
	}

	CareService withDetails(ServiceDetails details, Placement placement, Instant now) {
		return new CareService(this.id, this.version, this.providerId, text(details.cqcLocationId()), details.name(),
				details.type(), details.clientGroups(), details.addressLine1(), details.addressLine2(), details.town(),
				details.postcode().value(), placement.postcodeDistrict(), placement.localityId(), placement.latitude(),
				placement.longitude(), capacity(details, ServiceType.Capacity.BEDS),
				capacity(details, ServiceType.Capacity.WEEKLY_HOURS), capacity(details, ServiceType.Capacity.PLACES),
				details.registeredManager(), this.status, details.registeredOn(), this.closedOn, this.dormantSince,
				this.vacancies, this.vacanciesReportedAt, this.createdAt, now);
	}

	CareService closed(LocalDate on, Instant now) {
		if (this.status == ServiceStatus.CLOSED) {
			throw new IllegalStateException("This service is already closed");
		}
		if (this.registeredOn != null && on.isBefore(this.registeredOn)) {
			throw new IllegalStateException("A service cannot close before it opened");
		}
		return withStatus(ServiceStatus.CLOSED, on, null, now);
	}

	CareService dormant(LocalDate since, Instant now) {
		if (this.status != ServiceStatus.ACTIVE) {
			throw new IllegalStateException("Only an active service can become dormant");
		}
		return withStatus(ServiceStatus.DORMANT, null, since, now);
	}

	CareService reactivated(Instant now) {
		if (this.status == ServiceStatus.ACTIVE) {
			throw new IllegalStateException("This service is already active");
		}
		return withStatus(ServiceStatus.ACTIVE, null, null, now);
	}

	CareService withVacancies(int count, Instant now) {
		if (count < 0) {
			throw new IllegalArgumentException("Vacancies cannot be negative");
		}
		return new CareService(this.id, this.version, this.providerId, this.cqcLocationId, this.name, this.serviceType,
				this.clientGroups, this.addressLine1, this.addressLine2, this.town, this.postcode,
				this.postcodeDistrict, this.localityId, this.latitude, this.longitude, this.beds, this.weeklyHours,
				this.places, this.registeredManager, this.status, this.registeredOn, this.closedOn, this.dormantSince,
				count, now, this.createdAt, now);
	}

	private CareService withStatus(ServiceStatus newStatus, LocalDate newClosedOn, LocalDate newDormantSince,
			Instant now) {
		return new CareService(this.id, this.version, this.providerId, this.cqcLocationId, this.name, this.serviceType,
				this.clientGroups, this.addressLine1, this.addressLine2, this.town, this.postcode,
				this.postcodeDistrict, this.localityId, this.latitude, this.longitude, this.beds, this.weeklyHours,
				this.places, this.registeredManager, newStatus, this.registeredOn, newClosedOn, newDormantSince,
				this.vacancies, this.vacanciesReportedAt, this.createdAt, now);
	}

	private static Integer capacity(ServiceDetails details, ServiceType.Capacity measure) {
		return (details.type().capacity() == measure) ? details.capacity() : null;
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : null;
	}

	public UUID id() {
		return this.id;
	}

	public Integer version() {
		return this.version;
	}

	public UUID providerId() {
		return this.providerId;
	}

	public ServiceStatus status() {
		return this.status;
	}

	public ServiceType serviceType() {
		return this.serviceType;
	}

	public Set<ClientGroup> clientGroups() {
		return this.clientGroups;
	}

	public LocalDate registeredOn() {
		return this.registeredOn;
	}

}
