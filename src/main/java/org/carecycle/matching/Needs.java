package org.carecycle.matching;

import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;

import org.carecycle.geography.PostcodeDistrict;
import org.carecycle.providers.ClientGroup;
import org.carecycle.providers.ServiceType;
import org.carecycle.providers.Specialism;

/**
 * What a person needs, as a case manager (or a family) describes it to the needs-based
 * search: never who the person is, only the district they live in.
 *
 * @param type the type of service (care home, home care...), required
 * @param clientGroup the group the service must be registered for, or null
 * @param specialisms what the service must offer (all of them)
 * @param near the person's postcode district
 * @param withinMiles the greatest travel distance, between district centres
 * @param vacancyNow only services whose recent report says they have a vacancy
 * @param minimumQuality the lowest rating, by the council's review and by CQC, to accept
 * @param maximumPrice the highest price per unit to accept, or null for any (services
 * with no known price are then left out)
 * @param lotId the framework or dynamic market lot the service's provider must be on, or
 * null
 */
public record Needs(ServiceType type, ClientGroup clientGroup, Set<Specialism> specialisms, PostcodeDistrict near,
		int withinMiles, boolean vacancyNow, MinimumQuality minimumQuality, BigDecimal maximumPrice, UUID lotId) {

	/** The distances a search offers, in miles. */
	public static final java.util.List<Integer> DISTANCES = java.util.List.of(5, 10, 20, 30, 50);

	public Needs {
		specialisms = Set.copyOf(specialisms);
		if (minimumQuality == null) {
			minimumQuality = MinimumQuality.ANY;
		}
	}

}
