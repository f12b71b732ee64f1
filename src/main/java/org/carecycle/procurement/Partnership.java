package org.carecycle.procurement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.carecycle.providers.ServiceType;

/**
 * A preferred-provider partnership: a provider the council has chosen to develop services
 * with, rather than tender for them, with the reasons for the choice, the services it
 * covers and when it is next reviewed.
 *
 * @param id its id
 * @param reference its reference, like PP-0001
 * @param providerId the provider
 * @param providerName the provider's name
 * @param title what the partnership is
 * @param rationale why this provider, and why a partnership rather than a tender
 * @param services the types of service it covers
 * @param scope what it covers beyond the types of service (areas, client groups)
 * @param startsOn when it started
 * @param reviewOn when it is next reviewed
 * @param createdAt when it was recorded
 * @param createdBy who recorded it
 */
public record Partnership(UUID id, String reference, UUID providerId, String providerName, String title,
		String rationale, List<ServiceType> services, String scope, LocalDate startsOn, LocalDate reviewOn,
		Instant createdAt, String createdBy) {

	public boolean reviewDue(LocalDate today) {
		return !this.reviewOn.isAfter(today);
	}

}
