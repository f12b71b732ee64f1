package org.carecycle.providers;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.carecycle.geography.Coordinates;

/**
 * What the register's pages and panels show: rows and profiles read by {@link Register}.
 */
public final class RegisterViews {

	private RegisterViews() {
	}

	/** How much is on the register. */
	public record Counts(long providers, long activeServices, long beds, long weeklyHours, long places,
			long commissionedServices, long contractsEndingSoon) {

		public long notCommissioned() {
			return this.activeServices - this.commissionedServices;
		}

	}

	/** Active services and their capacity, for one type. */
	public record TypeCount(ServiceType type, long services, long capacity) {
	}

	/** A provider in a list. */
	public record ProviderRow(UUID id, String name, String cqcProviderId, Ownership ownership, String groupName,
			long activeServices) {
	}

	/** A service in a list. */
	public record ServiceRow(UUID id, String name, UUID providerId, String providerName, String cqcLocationId,
			ServiceType type, Set<ClientGroup> clientGroups, String localityName, String town, String postcode,
			Integer capacity, ServiceStatus status, CqcRating overallRating, LocalDate ratedOn, boolean commissioned,
			boolean contractEndingSoon, Double latitude, Double longitude, Integer vacancies, VacancyReport vacancy,
			Double distanceMiles) {

		public ServiceRow(UUID id, String name, UUID providerId, String providerName, String cqcLocationId,
				ServiceType type, Set<ClientGroup> clientGroups, String localityName, String town, String postcode,
				Integer capacity, ServiceStatus status, CqcRating overallRating, LocalDate ratedOn,
				boolean commissioned, boolean contractEndingSoon, Double latitude, Double longitude,
				Integer vacancies) {
			this(id, name, providerId, providerName, cqcLocationId, type, clientGroups, localityName, town, postcode,
					capacity, status, overallRating, ratedOn, commissioned, contractEndingSoon, latitude, longitude,
					vacancies, null, null);
		}

	}

	/**
	 * What a service last said about its vacancies, and how old that is.
	 *
	 * @param count beds or places vacant
	 * @param reportedOn the day it said so
	 * @param daysAgo days between that day and today
	 * @param stale older than the register trusts a report of vacancies
	 */
	public record VacancyReport(int count, LocalDate reportedOn, long daysAgo, boolean stale) {

		/** Whether a case manager can count on a room today. */
		public boolean availableNow() {
			return this.count > 0 && !this.stale;
		}

	}

	/**
	 * Services near a postcode district's centre.
	 *
	 * @param outcode the district searched from, such as TR1
	 * @param centre the district's centre
	 * @param withinMiles how far from it, measured between district centres
	 */
	public record Nearby(String outcode, Coordinates centre, int withinMiles) {
	}

	/** Everything the register holds about a provider organisation. */
	public record ProviderProfile(UUID id, int version, String name, String cqcProviderId, Ownership ownership,
			UUID groupId, String groupName, String phone, String email, String website, String addressLine1,
			String addressLine2, String town, String postcode, List<ProviderContact> contacts) {
	}

	/** Everything the register holds about a service. */
	public record ServiceProfile(UUID id, int version, String name, UUID providerId, String providerName,
			String cqcLocationId, ServiceType type, Set<ClientGroup> clientGroups, String addressLine1,
			String addressLine2, String town, String postcode, String localityName, Double latitude, Double longitude,
			Integer beds, Integer weeklyHours, Integer places, String registeredManager, ServiceStatus status,
			LocalDate registeredOn, LocalDate closedOn, LocalDate dormantSince, Integer vacancies,
			Instant vacanciesReportedAt, Map<KeyQuestion, RatingRow> currentRatings) {

		public Integer capacity() {
			return switch (this.type.capacity()) {
				case BEDS -> this.beds;
				case WEEKLY_HOURS -> this.weeklyHours;
				case PLACES -> this.places;
			};
		}

		/** The current overall CQC rating, if there is one. */
		public RatingRow overall() {
			return this.currentRatings.get(KeyQuestion.OVERALL);
		}

	}

	/** A contract as lists and pages show it. */
	public record ContractRow(UUID id, int version, String reference, UUID serviceId, String serviceName,
			UUID providerId, String providerName, ServiceType serviceType, String lot, String framework,
			LocalDate startsOn, LocalDate endsOn, BigDecimal totalValue, BigDecimal unitPrice, PriceUnit priceUnit,
			Integer commissionedCapacity, UUID contractManagerId, UUID specificationDocumentId, ContractState state,
			boolean endingSoon) {
	}

	/** Where a contract is in its life. */
	public enum ContractState {

		NOT_STARTED, LIVE, ENDED;

		public String messageKey() {
			return "contractState." + name();
		}

	}

	/** One published rating. */
	public record RatingRow(KeyQuestion question, CqcRating rating, LocalDate publishedOn) {
	}

	/** Ratings published on one date, one per key question. */
	public record RatingPublication(LocalDate publishedOn, Map<KeyQuestion, CqcRating> ratings) {
	}

	/** All of a service's rating publications, newest first. */
	public record RatingHistory(List<RatingPublication> publications) {
	}

	/**
	 * What a service list is filtered by; every part is optional.
	 *
	 * @param text part of a name, a postcode or a CQC location id
	 * @param type one type of service
	 * @param localityId one locality
	 * @param rating one current overall CQC rating ({@link CqcRating#NOT_RATED} for none)
	 * @param status one status
	 * @param clientGroup services for this group of people
	 * @param commissioned only services the council commissions (true) or does not
	 * (false)
	 * @param nearby only services within a distance of a postcode district, nearest first
	 * @param vacancyNow only services whose latest report of vacancies is recent and not
	 * zero
	 */
	public record ServiceFilter(String text, ServiceType type, UUID localityId, CqcRating rating, ServiceStatus status,
			ClientGroup clientGroup, Boolean commissioned, Nearby nearby, boolean vacancyNow) {

		public ServiceFilter(String text, ServiceType type, UUID localityId, CqcRating rating, ServiceStatus status,
				ClientGroup clientGroup, Boolean commissioned) {
			this(text, type, localityId, rating, status, clientGroup, commissioned, null, false);
		}

		public static ServiceFilter none() {
			return new ServiceFilter(null, null, null, null, null, null, null);
		}

	}

	/**
	 * Services and their capacity in one locality, by type, for the market map's table.
	 */
	public record LocalityCapacity(String localityName, Map<ServiceType, Long> capacity,
			Map<ServiceType, Long> services) {
	}

}
