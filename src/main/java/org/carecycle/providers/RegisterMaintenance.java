package org.carecycle.providers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.carecycle.geography.Places;
import org.carecycle.geography.PostcodeDistrict;
import org.carecycle.identity.AuditAction;
import org.carecycle.identity.AuditLog;
import org.carecycle.identity.CurrentUser;
import org.carecycle.shared.RecordNotFoundException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to the register: providers, their contacts, services and their status,
 * vacancies and contracts. Every change names the version the person started from; if
 * someone else saved in between, it is refused with {@link ChangedByOthersException}
 * instead of overwriting them. Provider users can change only their own organisation's
 * contacts and vacancies.
 */
@Service
public class RegisterMaintenance {

	private final Providers providers;

	private final CareServices services;

	private final Contracts contracts;

	private final Places places;

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final AuditLog auditLog;

	private final Clock clock;

	RegisterMaintenance(Providers providers, CareServices services, Contracts contracts, Places places, JdbcClient jdbc,
			CurrentUser currentUser, AuditLog auditLog, Clock clock) {
		this.providers = providers;
		this.services = services;
		this.contracts = contracts;
		this.places = places;
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/**
	 * Adds a provider. @throws DuplicateCqcIdException when another provider has its CQC
	 * id
	 */
	@Transactional
	public UUID addProvider(ProviderDetails details) {
		if (details.cqcProviderId() != null && this.providers.existsByCqcProviderId(details.cqcProviderId().value())) {
			throw new DuplicateCqcIdException();
		}
		return this.providers.save(Provider.create(details, groupFor(details.groupName()), this.clock.instant())).id();
	}

	@Transactional
	public void changeProvider(UUID id, int version, ProviderDetails details) {
		Provider provider = current(this.providers.findById(id), version);
		if (details.cqcProviderId() != null && !details.cqcProviderId().value().equals(providerCqcId(id))
				&& this.providers.existsByCqcProviderId(details.cqcProviderId().value())) {
			throw new DuplicateCqcIdException();
		}
		save(() -> this.providers
			.save(provider.withDetails(details, groupFor(details.groupName()), this.clock.instant())));
	}

	/**
	 * Replaces a provider's contacts; a provider user may do this for their own
	 * organisation only.
	 */
	@Transactional
	public void changeContacts(UUID providerId, int version, List<ProviderContact> contacts) {
		Provider provider = current(this.providers.findById(providerId), version);
		this.currentUser.scope().check(provider.providerId());
		save(() -> this.providers.save(provider.withContacts(contacts, this.clock.instant())));
	}

	/**
	 * Adds a service to a provider. @throws DuplicateCqcIdException when the location id
	 * is taken
	 */
	@Transactional
	public UUID addService(UUID providerId, ServiceDetails details) {
		this.providers.findById(providerId).orElseThrow(() -> new RecordNotFoundException("No such provider"));
		if (details.cqcLocationId() != null && this.services.existsByCqcLocationId(details.cqcLocationId().value())) {
			throw new DuplicateCqcIdException();
		}
		return this.services.save(CareService.create(providerId, details, placement(details), this.clock.instant()))
			.id();
	}

	@Transactional
	public void changeService(UUID id, int version, ServiceDetails details) {
		CareService service = current(this.services.findById(id), version);
		String location = (details.cqcLocationId() != null) ? details.cqcLocationId().value() : null;
		if (location != null && !location.equals(serviceCqcId(id)) && this.services.existsByCqcLocationId(location)) {
			throw new DuplicateCqcIdException();
		}
		save(() -> this.services.save(service.withDetails(details, placement(details), this.clock.instant())));
	}

	/** Closes, makes dormant or reactivates a service. */
	@Transactional
	public void changeStatus(UUID id, int version, ServiceStatus status, LocalDate on) {
		CareService service = current(this.services.findById(id), version);
		var now = this.clock.instant();
		CareService changed = switch (status) {
			case CLOSED -> service.closed(Objects.requireNonNull(on), now);
			case DORMANT -> service.dormant(Objects.requireNonNull(on), now);
			case ACTIVE -> service.reactivated(now);
		};
		save(() -> this.services.save(changed));
	}

	/** A provider's report of how many vacancies a service has today. */
	@Transactional
	public void reportVacancies(UUID serviceId, int vacancies) {
		CareService service = this.services.findById(serviceId)
			.orElseThrow(() -> new RecordNotFoundException("No such service"));
		this.currentUser.scope().check(new org.carecycle.shared.ProviderId(service.providerId()));
		save(() -> this.services.save(service.withVacancies(vacancies, this.clock.instant())));
	}

	/** One service's vacancies in a report of many. */
	public record VacancyLine(UUID serviceId, int vacancies) {
	}

	/**
	 * A provider's report of many services' vacancies at once (an upload, the API): all
	 * saved or, if any is refused, none.
	 */
	@Transactional
	public void reportVacancies(List<VacancyLine> lines) {
		for (VacancyLine line : lines) {
			reportVacancies(line.serviceId(), line.vacancies());
		}
	}

	/**
	 * Replaces the specialisms a service offers; a provider user may do this for their
	 * own organisation's services only.
	 */
	@Transactional
	public void changeSpecialisms(UUID serviceId, java.util.Set<Specialism> specialisms) {
		CareService service = this.services.findById(serviceId)
			.orElseThrow(() -> new RecordNotFoundException("No such service"));
		this.currentUser.scope().check(new org.carecycle.shared.ProviderId(service.providerId()));
		String[] names = specialisms.stream().map(Specialism::name).sorted().toArray(String[]::new);
		this.jdbc
			.sql("update care_service set specialisms = cast(:names as text[]), specialisms_changed_at = :now"
					+ " where id = :id")
			.param("names", "{" + String.join(",", names) + "}")
			.param("now", java.sql.Timestamp.from(this.clock.instant()))
			.param("id", serviceId)
			.update();
		this.auditLog.record(AuditAction.CHANGED, "CareService", serviceId,
				"Specialisms: " + (names.length == 0 ? "none" : String.join(", ", names)));
	}

	/**
	 * Adds a contract. @throws DuplicateReferenceException when the reference is taken
	 */
	@Transactional
	public UUID addContract(UUID serviceId, ContractTerms terms) {
		this.services.findById(serviceId).orElseThrow(() -> new RecordNotFoundException("No such service"));
		if (this.contracts.findByReference(terms.reference()).isPresent()) {
			throw new DuplicateReferenceException();
		}
		return this.contracts.save(Contract.create(serviceId, terms, this.clock.instant())).id();
	}

	@Transactional
	public void changeContract(UUID id, int version, ContractTerms terms) {
		Contract contract = current(this.contracts.findById(id), version);
		Optional<Contract> sameReference = this.contracts.findByReference(terms.reference());
		if (sameReference.isPresent() && !sameReference.get().id().equals(id)) {
			throw new DuplicateReferenceException();
		}
		save(() -> this.contracts.save(contract.withTerms(terms, this.clock.instant())));
	}

	/** Records that a list of the register was downloaded. */
	@Transactional
	public void recordExport(String what, long rows) {
		this.auditLog.record(AuditAction.EXPORTED, "ProviderRegister", null,
				"Downloaded " + what + ": " + rows + " rows");
	}

	private CareService.Placement placement(ServiceDetails details) {
		Optional<PostcodeDistrict> district = this.places.district(details.postcode().district());
		return district
			.map(d -> new CareService.Placement(d.outcode(), d.localityId(), d.centroid().latitude(),
					d.centroid().longitude()))
			.orElseGet(() -> new CareService.Placement(null, null, null, null));
	}

	private UUID groupFor(String groupName) {
		if (groupName == null || groupName.isBlank()) {
			return null;
		}
		String name = groupName.strip();
		Optional<UUID> existing = this.jdbc.sql("select id from provider_group where lower(name) = :name")
			.param("name", name.toLowerCase(Locale.ROOT))
			.query(UUID.class)
			.optional();
		if (existing.isPresent()) {
			return existing.get();
		}
		UUID id = UUID.randomUUID();
		this.jdbc.sql("insert into provider_group (id, name) values (:id, :name)")
			.param("id", id)
			.param("name", name)
			.update();
		this.auditLog.record(AuditAction.CREATED, "ProviderGroup", id, "Added the group " + name);
		return id;
	}

	private String providerCqcId(UUID id) {
		return this.jdbc.sql("select cqc_provider_id from provider where id = :id")
			.param("id", id)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private String serviceCqcId(UUID id) {
		return this.jdbc.sql("select cqc_location_id from care_service where id = :id")
			.param("id", id)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private static <T> T current(Optional<T> found, int version) {
		T aggregate = found.orElseThrow(() -> new RecordNotFoundException("No such record"));
		Integer stored;
		if (aggregate instanceof Provider provider) {
			stored = provider.version();
		}
		else if (aggregate instanceof CareService service) {
			stored = service.version();
		}
		else if (aggregate instanceof Contract contract) {
			stored = contract.version();
		}
		else {
			throw new IllegalArgumentException("Not a register aggregate");
		}
		if (stored == null || stored != version) {
			throw new ChangedByOthersException();
		}
		return aggregate;
	}

	private static void save(Runnable save) {
		try {
			save.run();
		}
		catch (OptimisticLockingFailureException ex) {
			throw new ChangedByOthersException();
		}
		catch (DuplicateKeyException ex) {
			throw ex.getMessage() != null && ex.getMessage().contains("contract_reference")
					? new DuplicateReferenceException() : new DuplicateCqcIdException();
		}
	}

	/** Another provider or service already has this CQC id. */
	public static class DuplicateCqcIdException extends RuntimeException {

		DuplicateCqcIdException() {
			super("Another record already has this CQC ID");
		}

	}

	/** Another contract already has this reference. */
	public static class DuplicateReferenceException extends RuntimeException {

		DuplicateReferenceException() {
			super("Another contract already has this reference");
		}

	}

}
