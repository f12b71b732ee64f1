package org.carecycle.providers;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the register's pages and panels show: rows and profiles read by {@link Register}.
 */
public final class RegisterViews {

	private RegisterViews() {
	}

	/** How much is on the register. */
	public record Counts(long providers, long activeServices, long beds, long weeklyHours, long places) {
	}

	/** Active services and their capacity, for one type. */
	public record TypeCount(ServiceType type, long services, long capacity) {
	}

	/** A provider in a list. */
	public record ProviderRow(UUID id, String name, String cqcProviderId, Ownership ownership, String groupName,
			long activeServices) {
	}

	/** A service in a list. */
	public record ServiceRow(UUID id, String name, UUID providerId, String providerName, ServiceType type,
			String localityName, String town, String postcode, Integer capacity, ServiceStatus status,
			CqcRating overallRating, LocalDate ratedOn) {
	}

	/** Everything the register holds about a provider organisation. */
	public record ProviderProfile(UUID id, String name, String cqcProviderId, Ownership ownership, UUID groupId,
			String groupName, String phone, String email, String website, String addressLine1, String addressLine2,
			String town, String postcode) {
	}

	/** Everything the register holds about a service. */
	public record ServiceProfile(UUID id, String name, UUID providerId, String providerName, String cqcLocationId,
			ServiceType type, Set<ClientGroup> clientGroups, String addressLine1, String addressLine2, String town,
			String postcode, String localityName, Double latitude, Double longitude, Integer beds, Integer weeklyHours,
			Integer places, String registeredManager, ServiceStatus status, LocalDate registeredOn, LocalDate closedOn,
			Map<KeyQuestion, RatingRow> currentRatings) {

		public Integer capacity() {
			return switch (this.type.capacity()) {
				case BEDS -> this.beds;
				case WEEKLY_HOURS -> this.weeklyHours;
				case PLACES -> this.places;
			};
		}

	}

	/** One published rating. */
	public record RatingRow(KeyQuestion question, CqcRating rating, LocalDate publishedOn) {
	}

	/** Ratings published on one date, one per key question. */
	public record RatingPublication(LocalDate publishedOn, Map<KeyQuestion, CqcRating> ratings) {
	}

	/** What a service list is filtered by; every part is optional. */
	public record ServiceFilter(String text, ServiceType type, UUID localityId, CqcRating rating,
			ServiceStatus status) {

		public static ServiceFilter none() {
			return new ServiceFilter(null, null, null, null, null);
		}

	}

	/** All of a service's rating publications, newest first. */
	public record RatingHistory(List<RatingPublication> publications) {
	}

}
