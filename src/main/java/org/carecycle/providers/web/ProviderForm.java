package org.carecycle.providers.web;

import org.carecycle.providers.Ownership;
import org.carecycle.providers.ProviderDetails;
import org.carecycle.providers.RegisterViews.ProviderProfile;

import org.springframework.validation.Errors;

/**
 * The add-a-provider and change-a-provider form.
 *
 * @param version the version the person started from (0 for a new provider)
 * @param name the organisation's name
 * @param cqcProviderId its CQC provider id
 * @param ownership an {@link Ownership} name
 * @param groupName the group it belongs to
 * @param phone its telephone number
 * @param email its email address
 * @param website its website
 * @param addressLine1 address line 1
 * @param addressLine2 address line 2
 * @param town town or city
 * @param postcode postcode
 */
record ProviderForm(Integer version, String name, String cqcProviderId, String ownership, String groupName,
		String phone, String email, String website, String addressLine1, String addressLine2, String town,
		String postcode) {

	static ProviderForm empty() {
		return new ProviderForm(0, "", "", null, "", "", "", "", "", "", "", "");
	}

	static ProviderForm of(ProviderProfile provider) {
		return new ProviderForm(provider.version(), provider.name(), provider.cqcProviderId(),
				provider.ownership().name(), provider.groupName(), provider.phone(), provider.email(),
				provider.website(), provider.addressLine1(), provider.addressLine2(), provider.town(),
				provider.postcode());
	}

	/** The details, or null with the problems in {@code errors}. */
	ProviderDetails toDetails(Errors errors) {
		Checks checks = new Checks(errors);
		var details = new ProviderDetails(
				checks.required("name", this.name, "provider.error.name.blank", 200, "provider.error.name.long"),
				checks.cqcId("cqcProviderId", this.cqcProviderId, "1-101634329"),
				checks.choice("ownership", this.ownership, Ownership.class, "provider.error.ownership"),
				checks.optional("groupName", this.groupName, 200, "provider.error.group.long"),
				checks.phone("phone", this.phone), checks.email("email", this.email),
				checks.website("website", this.website),
				checks.optional("addressLine1", this.addressLine1, 200, "form.error.address.long"),
				checks.optional("addressLine2", this.addressLine2, 200, "form.error.address.long"),
				checks.optional("town", this.town, 100, "form.error.town.long"),
				checks.postcode("postcode", this.postcode, false));
		return errors.hasErrors() ? null : details;
	}

}
