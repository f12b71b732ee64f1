package org.carecycle.providers;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** What the council commissions from one service, on what terms, for how long. */
@Table("contract")
public final class Contract {

	@Id
	private final UUID id;

	@Version
	private final Integer version;

	private final String reference;

	private final UUID careServiceId;

	private final String lot;

	private final String framework;

	private final LocalDate startsOn;

	private final LocalDate endsOn;

	private final BigDecimal totalValue;

	private final BigDecimal unitPrice;

	private final PriceUnit priceUnit;

	private final Integer commissionedCapacity;

	private final UUID contractManagerId;

	private final UUID specificationDocumentId;

	private final Instant createdAt;

	private final Instant updatedAt;

	@PersistenceCreator
	Contract(UUID id, Integer version, String reference, UUID careServiceId, String lot, String framework,
			LocalDate startsOn, LocalDate endsOn, BigDecimal totalValue, BigDecimal unitPrice, PriceUnit priceUnit,
			Integer commissionedCapacity, UUID contractManagerId, UUID specificationDocumentId, Instant createdAt,
			Instant updatedAt) {
		this.id = Objects.requireNonNull(id);
		this.version = version;
		this.reference = Objects.requireNonNull(reference);
		this.careServiceId = Objects.requireNonNull(careServiceId);
		this.lot = lot;
		this.framework = framework;
		this.startsOn = Objects.requireNonNull(startsOn);
		this.endsOn = Objects.requireNonNull(endsOn);
		this.totalValue = totalValue;
		this.unitPrice = unitPrice;
		this.priceUnit = priceUnit;
		this.commissionedCapacity = commissionedCapacity;
		this.contractManagerId = contractManagerId;
		this.specificationDocumentId = specificationDocumentId;
		this.createdAt = Objects.requireNonNull(createdAt);
		this.updatedAt = Objects.requireNonNull(updatedAt);
	}

	static Contract create(UUID careServiceId, ContractTerms terms, Instant now) {
		return new Contract(UUID.randomUUID(), null, terms.reference(), careServiceId, terms.lot(), terms.framework(),
				terms.startsOn(), terms.endsOn(), terms.totalValue(), terms.unitPrice(), terms.priceUnit(),
				terms.commissionedCapacity(), terms.contractManagerId(), terms.specificationDocumentId(), now, now);
	}

	Contract withTerms(ContractTerms terms, Instant now) {
		UUID specification = (terms.specificationDocumentId() != null) ? terms.specificationDocumentId()
				: this.specificationDocumentId;
		return new Contract(this.id, this.version, terms.reference(), this.careServiceId, terms.lot(),
				terms.framework(), terms.startsOn(), terms.endsOn(), terms.totalValue(), terms.unitPrice(),
				terms.priceUnit(), terms.commissionedCapacity(), terms.contractManagerId(), specification,
				this.createdAt, now);
	}

	public UUID id() {
		return this.id;
	}

	public Integer version() {
		return this.version;
	}

	public UUID careServiceId() {
		return this.careServiceId;
	}

	public String reference() {
		return this.reference;
	}

	/** Whether the contract is in force on a day. */
	public boolean isLiveOn(LocalDate day) {
		return !day.isBefore(this.startsOn) && !day.isAfter(this.endsOn);
	}

}
