package org.carecycle.procurement;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who is admitted to which lot of a framework or dynamic market, and at what price: the
 * matching module's search and package requests filter and rank by it.
 */
public interface FrameworkMembership {

	/** Lots open for call-off now (frameworks in force, dynamic markets open). */
	List<Lot> openLots();

	/**
	 * Providers admitted to a lot, each with its agreed price for the lot's unit (null if
	 * none).
	 */
	Map<UUID, BigDecimal> admittedProviders(UUID lotId);

	/**
	 * A lot: its framework or dynamic market, the type of service it buys (a providers
	 * {@code ServiceType} name), the unit its prices are in, and the quality weight
	 * (percent, e.g. 60) its call-offs rank offers by.
	 */
	record Lot(UUID id, String arrangement, boolean dynamicMarket, String name, String serviceType, String priceUnit,
			int qualityWeightPercent) {
	}

}
