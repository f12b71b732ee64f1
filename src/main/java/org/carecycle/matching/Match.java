package org.carecycle.matching;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One service a needs-based search found, with its score and the parts it is made of (ADR
 * 0039): quality out of 35, distance out of 25, price out of 20, fit out of 20.
 *
 * @param miles distance between the person's district centre and the service's
 * @param vacancies the service's latest report of vacancies, or null if it never said
 * @param reportedOn when it said so
 * @param daysAgo how many days ago
 * @param stale older than a report of vacancies is trusted
 * @param cqcRating CQC's overall rating's name, or null
 * @param councilRating the council's latest published review rating's name, or null
 * @param price the price per unit used (the lot's, or the lowest of the contracts in
 * force), or null
 * @param priceUnit its unit's name, or null
 * @param contracted on a contract with the council in force (or admitted to the lot
 * searched)
 * @param highRisk at high or critical risk by the council's oversight (always false on
 * the public search, which shows no risk detail)
 */
public record Match(UUID serviceId, String name, UUID providerId, String providerName, String town, String postcode,
		double miles, Integer vacancies, LocalDate reportedOn, long daysAgo, boolean stale, String cqcRating,
		String councilRating, BigDecimal price, String priceUnit, boolean contracted, List<String> specialisms,
		double qualityPoints, double distancePoints, double pricePoints, double fitPoints, boolean highRisk,
		String riskBand) {

	/** The score out of 100, rounded. */
	public int score() {
		return (int) Math.round(this.qualityPoints + this.distancePoints + this.pricePoints + this.fitPoints);
	}

	public boolean hasVacancyNow() {
		return this.vacancies != null && this.vacancies > 0 && !this.stale;
	}

	Match withRisk(boolean high, String band) {
		return new Match(this.serviceId, this.name, this.providerId, this.providerName, this.town, this.postcode,
				this.miles, this.vacancies, this.reportedOn, this.daysAgo, this.stale, this.cqcRating,
				this.councilRating, this.price, this.priceUnit, this.contracted, this.specialisms, this.qualityPoints,
				this.distancePoints, this.pricePoints, this.fitPoints, high, band);
	}

	/** The score's parts in words, for a printout or a download. */
	public String explanation() {
		return String.format(java.util.Locale.UK, "quality %.0f/35, distance %.0f/25, price %.0f/20, fit %.0f/20",
				this.qualityPoints, this.distancePoints, this.pricePoints, this.fitPoints);
	}

}
