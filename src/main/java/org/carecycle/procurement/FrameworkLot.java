package org.carecycle.procurement;

import java.util.UUID;

import org.carecycle.providers.PriceUnit;
import org.carecycle.providers.ServiceType;

/**
 * A lot of a framework or dynamic market: one type of service in one area, priced in one
 * unit, with the quality/price weighting its call-offs rank offers by.
 *
 * @param id its id
 * @param frameworkId the framework or dynamic market
 * @param number its number within the framework (Lot 1, Lot 2 ...)
 * @param name its name
 * @param serviceType the type of service it buys
 * @param localityId the area it covers, or null for the whole county
 * @param localityName the area's name, or null for the whole county
 * @param priceUnit what its prices are for
 * @param qualityWeight the weight of quality in a call-off, in percent (price has the
 * rest)
 */
public record FrameworkLot(UUID id, UUID frameworkId, int number, String name, ServiceType serviceType, UUID localityId,
		String localityName, PriceUnit priceUnit, int qualityWeight) {

	/** The quality weighting a lot gets unless the commissioner sets another (60/40). */
	public static final int DEFAULT_QUALITY_WEIGHT = 60;

	public int priceWeight() {
		return 100 - this.qualityWeight;
	}

}
