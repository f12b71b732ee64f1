package org.carecycle.providers.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.carecycle.providers.ContractTerms;
import org.carecycle.providers.PriceUnit;
import org.carecycle.providers.RegisterViews.ContractRow;
import org.carecycle.web.DateInput;

import org.springframework.util.StringUtils;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.validation.Errors;

/**
 * The add-a-contract and change-a-contract form (the specification file comes
 * separately).
 *
 * @param version the version the person started from (0 for a new contract)
 * @param reference the contract reference
 * @param lot the lot
 * @param framework the framework or purchasing system
 * @param startsDay start date, day
 * @param startsMonth start date, month
 * @param startsYear start date, year
 * @param endsDay end date, day
 * @param endsMonth end date, month
 * @param endsYear end date, year
 * @param totalValue total value in pounds
 * @param unitPrice unit price in pounds
 * @param priceUnit a {@link PriceUnit} name
 * @param commissionedCapacity commissioned beds, hours or places
 * @param contractManagerId the contract manager's account id
 * @param specification the specification document chosen, if any
 */
record ContractForm(Integer version, String reference, String lot, String framework, String startsDay,
		String startsMonth, String startsYear, String endsDay, String endsMonth, String endsYear, String totalValue,
		String unitPrice, String priceUnit, String commissionedCapacity, String contractManagerId,
		MultipartFile specification) {

	static ContractForm empty(UUID manager) {
		return new ContractForm(0, "", "", "", "", "", "", "", "", "", "", "", null, "",
				(manager != null) ? manager.toString() : null, null);
	}

	boolean hasSpecification() {
		return this.specification != null && !this.specification.isEmpty();
	}

	static ContractForm of(ContractRow contract) {
		DateInput starts = DateInput.of(contract.startsOn());
		DateInput ends = DateInput.of(contract.endsOn());
		return new ContractForm(contract.version(), contract.reference(), contract.lot(), contract.framework(),
				starts.day(), starts.month(), starts.year(), ends.day(), ends.month(), ends.year(),
				plain(contract.totalValue()), plain(contract.unitPrice()),
				(contract.priceUnit() != null) ? contract.priceUnit().name() : null,
				(contract.commissionedCapacity() != null) ? contract.commissionedCapacity().toString() : "",
				(contract.contractManagerId() != null) ? contract.contractManagerId().toString() : null, null);
	}

	private static String plain(BigDecimal value) {
		return (value != null) ? value.toPlainString() : "";
	}

	/** The terms, or null with the problems in {@code errors}. */
	ContractTerms toTerms(Errors errors, UUID specificationDocumentId) {
		Checks checks = new Checks(errors);
		String checkedReference = checks.required("reference", this.reference, "contract.error.reference.blank", 60,
				"contract.error.reference.long");
		String checkedLot = checks.optional("lot", this.lot, 120, "contract.error.lot.long");
		String checkedFramework = checks.optional("framework", this.framework, 200, "contract.error.framework.long");
		LocalDate starts = checks.date("starts", new DateInput(this.startsDay, this.startsMonth, this.startsYear), true,
				"contract.startsOn");
		LocalDate ends = checks.date("ends", new DateInput(this.endsDay, this.endsMonth, this.endsYear), true,
				"contract.endsOn");
		if (starts != null && ends != null && ends.isBefore(starts)) {
			errors.rejectValue("endsDay", "contract.error.endsBeforeStart");
		}
		BigDecimal value = checks.pounds("totalValue", this.totalValue, "contract.totalValue");
		BigDecimal price = checks.pounds("unitPrice", this.unitPrice, "contract.unitPrice");
		PriceUnit unit = null;
		if (StringUtils.hasText(this.priceUnit) || price != null) {
			unit = checks.choice("priceUnit", this.priceUnit, PriceUnit.class, "contract.error.priceUnit");
			if (price == null && unit != null && !errors.hasFieldErrors("unitPrice")) {
				errors.rejectValue("unitPrice", "contract.error.unitPrice.blank");
			}
		}
		Integer capacity = checks.count("commissionedCapacity", this.commissionedCapacity, false,
				"contract.commissionedCapacity");
		UUID manager = null;
		if (StringUtils.hasText(this.contractManagerId)) {
			try {
				manager = UUID.fromString(this.contractManagerId.strip());
			}
			catch (IllegalArgumentException ex) {
				errors.rejectValue("contractManagerId", "contract.error.manager");
			}
		}
		if (errors.hasErrors()) {
			return null;
		}
		return new ContractTerms(checkedReference, checkedLot, checkedFramework, starts, ends, value, price, unit,
				capacity, manager, specificationDocumentId);
	}

}
