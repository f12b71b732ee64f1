package org.carecycle.providers;

import org.carecycle.shared.CqcId;
import org.carecycle.shared.Postcode;

/**
 * What the council records about a provider organisation, checked by the form that
 * collects it.
 *
 * @param name the organisation's name
 * @param cqcProviderId its CQC provider id, if it is registered
 * @param ownership who owns it
 * @param groupName the corporate group it belongs to, if any
 * @param phone its main telephone number
 * @param email its main email address
 * @param website its website
 * @param addressLine1 the first line of its registered address
 * @param addressLine2 the second line
 * @param town its town
 * @param postcode its postcode
 */
public record ProviderDetails(String name, CqcId cqcProviderId, Ownership ownership, String groupName, String phone,
		String email, String website, String addressLine1, String addressLine2, String town, Postcode postcode) {

}
