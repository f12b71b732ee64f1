package org.carecycle.providers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What a contract says, checked by the form that collects it.
 *
 * @param reference the council's contract reference
 * @param lot the lot of a framework or tender, if any
 * @param framework the framework or dynamic purchasing system, if any
 * @param startsOn the first day of the contract
 * @param endsOn the last day of the contract
 * @param totalValue the contract's total value in pounds
 * @param unitPrice the price of one unit of care in pounds
 * @param priceUnit what the unit is
 * @param commissionedCapacity how many beds, hours or places the council buys
 * @param contractManagerId the council officer who manages it
 * @param specificationDocumentId the service specification, once uploaded
 */
public record ContractTerms(String reference, String lot, String framework, LocalDate startsOn, LocalDate endsOn,
		BigDecimal totalValue, BigDecimal unitPrice, PriceUnit priceUnit, Integer commissionedCapacity,
		UUID contractManagerId, UUID specificationDocumentId) {

	public ContractTerms {
		if (startsOn == null || endsOn == null) {
			throw new IllegalArgumentException("A contract has a start and an end date");
		}
		if (endsOn.isBefore(startsOn)) {
			throw new IllegalArgumentException("A contract cannot end before it starts");
		}
		if ((unitPrice == null) != (priceUnit == null)) {
			throw new IllegalArgumentException("A unit price needs its unit");
		}
	}

}
