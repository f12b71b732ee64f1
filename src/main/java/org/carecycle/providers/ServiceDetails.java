package org.carecycle.providers;

import java.time.LocalDate;
import java.util.Set;

import org.carecycle.shared.CqcId;
import org.carecycle.shared.Postcode;

/**
 * What the council records about a service, checked by the form that collects it.
 *
 * @param name the service's name
 * @param cqcLocationId its CQC location id, if it is registered
 * @param type what kind of service it is
 * @param clientGroups who it is for
 * @param addressLine1 the first line of its address
 * @param addressLine2 the second line
 * @param town its town
 * @param postcode its postcode
 * @param capacity beds, weekly hours or places, as its type counts them
 * @param registeredManager its registered manager
 * @param registeredOn when it was registered or opened
 */
public record ServiceDetails(String name, CqcId cqcLocationId, ServiceType type, Set<ClientGroup> clientGroups,
		String addressLine1, String addressLine2, String town, Postcode postcode, Integer capacity,
		String registeredManager, LocalDate registeredOn) {

	public ServiceDetails {
		clientGroups = Set.copyOf(clientGroups);
	}

}
