package org.carecycle.procurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A provider's place on a lot, or its application for one, with its price. Its state
 * changes only through the guarded steps below; each returns the admission as it is after
 * the step, to be saved against the version it was loaded at.
 *
 * @param id its id
 * @param version the version it was loaded at
 * @param lotId the lot
 * @param providerId the provider
 * @param providerName the provider's name (for pages)
 * @param status where it stands
 * @param price the provider's price in the lot's unit, if agreed or offered
 * @param statement what the provider said in its application
 * @param appliedAt when it applied (null when admitted at a framework's award)
 * @param decidedAt when a commissioner last decided on it
 * @param reason the reasons given for the last decision
 */
public record Admission(UUID id, int version, UUID lotId, UUID providerId, String providerName, AdmissionStatus status,
		BigDecimal price, String statement, Instant appliedAt, Instant decidedAt, String reason) {

	/** The highest price accepted, in pounds, for any unit. */
	public static final BigDecimal MAX_PRICE = new BigDecimal("999999.99");

	public Admission {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(lotId, "lotId");
		Objects.requireNonNull(providerId, "providerId");
		Objects.requireNonNull(status, "status");
	}

	/** An application to a dynamic market's lot. */
	static Admission application(UUID lotId, UUID providerId, BigDecimal price, String statement, Instant now) {
		return new Admission(UUID.randomUUID(), 0, lotId, providerId, null, AdmissionStatus.APPLIED, price(price),
				required(statement, "Say why the organisation should be admitted"), now, null, null);
	}

	/** A provider admitted at a framework's award (or directly by a commissioner). */
	static Admission awarded(UUID lotId, UUID providerId, BigDecimal price, String reason, Instant now) {
		return new Admission(UUID.randomUUID(), 0, lotId, providerId, null, AdmissionStatus.ADMITTED, price(price),
				null, null, now, reason);
	}

	Admission admit(BigDecimal agreedPrice, String reasons, Instant now) {
		need(AdmissionStatus.APPLIED, "Only an application waiting for a decision can be admitted");
		return with(AdmissionStatus.ADMITTED, price((agreedPrice != null) ? agreedPrice : this.price), now,
				required(reasons, "Give the reasons for the decision"));
	}

	Admission refuse(String reasons, Instant now) {
		need(AdmissionStatus.APPLIED, "Only an application waiting for a decision can be refused");
		return with(AdmissionStatus.REFUSED, this.price, now, required(reasons, "Give the reasons for refusing"));
	}

	Admission suspend(String reasons, Instant now) {
		need(AdmissionStatus.ADMITTED, "Only an admitted provider can be suspended");
		return with(AdmissionStatus.SUSPENDED, this.price, now, required(reasons, "Give the reasons for suspending"));
	}

	Admission reinstate(String reasons, Instant now) {
		need(AdmissionStatus.SUSPENDED, "Only a suspended provider can be reinstated");
		return with(AdmissionStatus.ADMITTED, this.price, now, required(reasons, "Give the reasons for reinstating"));
	}

	Admission remove(String reasons, Instant now) {
		if (this.status != AdmissionStatus.ADMITTED && this.status != AdmissionStatus.SUSPENDED) {
			throw new IllegalStateException("Only an admitted or suspended provider can be removed");
		}
		return with(AdmissionStatus.REMOVED, this.price, now, required(reasons, "Give the reasons for removing"));
	}

	Admission withdraw(Instant now) {
		need(AdmissionStatus.APPLIED, "Only an application waiting for a decision can be withdrawn");
		return with(AdmissionStatus.WITHDRAWN, this.price, this.decidedAt, this.reason);
	}

	Admission reprice(BigDecimal newPrice, String reasons, Instant now) {
		need(AdmissionStatus.ADMITTED, "Only an admitted provider's price can be changed");
		return with(AdmissionStatus.ADMITTED, price(newPrice), now,
				required(reasons, "Give the reasons for the new price"));
	}

	private void need(AdmissionStatus expected, String refusal) {
		if (this.status != expected) {
			throw new IllegalStateException(refusal);
		}
	}

	private Admission with(AdmissionStatus to, BigDecimal newPrice, Instant decided, String reasons) {
		return new Admission(this.id, this.version, this.lotId, this.providerId, this.providerName, to, newPrice,
				this.statement, this.appliedAt, decided, reasons);
	}

	private static BigDecimal price(BigDecimal price) {
		if (price == null) {
			return null;
		}
		if (price.signum() <= 0 || price.compareTo(MAX_PRICE) > 0 || price.scale() > 2) {
			throw new IllegalArgumentException("A price is more than £0 and at most £999,999.99, in pounds and pence");
		}
		return price;
	}

	private static String required(String text, String refusal) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException(refusal);
		}
		return text;
	}

}
