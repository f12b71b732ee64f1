package org.carecycle.providers.imports;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.carecycle.providers.CqcRating;
import org.carecycle.providers.ServiceType;
import org.carecycle.shared.Postcode;

/**
 * Reads the rows of a mapped file, each through the columns its person chose, into
 * locations for the register, or says what is wrong with the row.
 */
final class MappedRows {

	private final Map<MappedField, Integer> columns;

	private final Set<String> seen = new HashSet<>();

	MappedRows(Map<MappedField, Integer> columns) {
		this.columns = Map.copyOf(columns);
	}

	/**
	 * One location as a mapped file gives it.
	 *
	 * @param rowNumber its row in the file
	 * @param locationId its CQC location id
	 * @param name the location's name
	 * @param type its type of service
	 * @param address first line of its address, or null
	 * @param town its town, or null
	 * @param postcode its postcode
	 * @param providerId its provider's CQC id, or null when the file has none
	 * @param providerName its provider's name
	 * @param beds beds, or null
	 * @param manager registered manager, or null
	 * @param rating latest overall rating, or null
	 * @param ratedOn when it was rated, or null
	 */
	record MappedRow(long rowNumber, String locationId, String name, ServiceType type, String address, String town,
			Postcode postcode, String providerId, String providerName, Integer beds, String manager, CqcRating rating,
			LocalDate ratedOn) {
	}

	/**
	 * A row read: the location, or the reason it cannot be used.
	 *
	 * @param row the location, when it can be used
	 * @param locationId the id as written, for the report
	 * @param name the name as written, for the report
	 * @param problem what is wrong, when it cannot
	 */
	record Read(MappedRow row, String locationId, String name, String problem) {
	}

	Read read(long rowNumber, List<String> cells) {
		String rawId = value(cells, MappedField.LOCATION_ID);
		String rawName = value(cells, MappedField.NAME);
		String locationId = ImportValues.cqcId(rawId);
		if (locationId == null) {
			return problem(rawId, rawName, rawId.isEmpty() ? "The row has no location ID"
					: "The location ID " + rawId + " is not a CQC location ID (like 1-123456789)");
		}
		if (!this.seen.add(locationId)) {
			return problem(rawId, rawName, "The location ID " + locationId + " is on an earlier row too");
		}
		String name = ImportValues.text(rawName, 200);
		if (name == null) {
			return problem(rawId, rawName, "The row has no location name");
		}
		String rawType = value(cells, MappedField.SERVICE_TYPE);
		ServiceType type = serviceType(rawType);
		if (type == null) {
			return problem(rawId, rawName,
					rawType.isEmpty() ? "The row has no type of service" : "The type of service " + rawType
							+ " is not one CareCycle knows: use care home, "
							+ "care home with nursing, home care, supported living, extra care or shared lives");
		}
		String rawPostcode = value(cells, MappedField.POSTCODE);
		Postcode postcode = Postcode.parse(rawPostcode).orElse(null);
		if (postcode == null) {
			return problem(rawId, rawName, rawPostcode.isEmpty() ? "The row has no postcode"
					: "The postcode " + rawPostcode + " is not a real postcode");
		}
		String rawProviderId = value(cells, MappedField.PROVIDER_ID);
		String providerId = ImportValues.cqcId(rawProviderId);
		if (!rawProviderId.isEmpty() && providerId == null) {
			return problem(rawId, rawName, "The provider ID " + rawProviderId + " is not a CQC provider ID");
		}
		String providerName = ImportValues.text(value(cells, MappedField.PROVIDER_NAME), 200);
		if (providerName == null) {
			return problem(rawId, rawName, "The row has no provider name");
		}
		String rawBeds = value(cells, MappedField.BEDS);
		Integer beds = ImportValues.count(rawBeds);
		if (!rawBeds.isEmpty() && (beds == null || beds > 10_000)) {
			return problem(rawId, rawName, "The number of beds " + rawBeds + " must be a whole number, 0 or more");
		}
		String rawRating = value(cells, MappedField.RATING);
		CqcRating rating = rawRating.isEmpty() ? null : CqcRating.parse(rawRating).orElse(null);
		if (!rawRating.isEmpty() && rating == null) {
			return problem(rawId, rawName, "The rating " + rawRating + " is not a CQC rating");
		}
		String rawDate = value(cells, MappedField.RATED_ON);
		LocalDate ratedOn = ImportValues.date(rawDate);
		if (!rawDate.isEmpty() && (ratedOn == null || ratedOn.getYear() < 2000)) {
			return problem(rawId, rawName, "The date " + rawDate + " is not a date (like 27/03/2025)");
		}
		if (rating != null && ratedOn == null) {
			return problem(rawId, rawName, "The row has a rating but not the date of its inspection");
		}
		MappedRow row = new MappedRow(rowNumber, locationId, name, type,
				ImportValues.text(value(cells, MappedField.ADDRESS), 200),
				ImportValues.text(value(cells, MappedField.TOWN), 100), postcode, providerId, providerName, beds,
				ImportValues.text(value(cells, MappedField.MANAGER), 200), rating, ratedOn);
		return new Read(row, locationId, name, null);
	}

	private static Read problem(String locationId, String name, String problem) {
		return new Read(null, locationId.isEmpty() ? null : locationId, name.isEmpty() ? null : name, problem);
	}

	private String value(List<String> cells, MappedField field) {
		Integer column = this.columns.get(field);
		if (column == null || column >= cells.size()) {
			return "";
		}
		return cells.get(column).strip();
	}

	/**
	 * A type of service as people write it: "Nursing home", "Residential", "Homecare".
	 */
	static ServiceType serviceType(String text) {
		String type = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
		if (type.isEmpty()) {
			return null;
		}
		for (ServiceType known : ServiceType.values()) {
			if (type.equals(known.name().toLowerCase(Locale.ROOT).replace("_", ""))) {
				return known;
			}
		}
		boolean nursing = type.contains("nursing") && !type.contains("without") && !type.contains("nonnursing")
				&& !type.contains("nonursing");
		if (nursing) {
			return ServiceType.CARE_HOME_NURSING;
		}
		if (type.contains("carehome") || type.contains("residential") || type.equals("care")) {
			return ServiceType.CARE_HOME;
		}
		if (type.contains("domiciliary") || type.contains("homecare") || type.contains("community")) {
			return ServiceType.HOME_CARE;
		}
		if (type.contains("supportedliving")) {
			return ServiceType.SUPPORTED_LIVING;
		}
		if (type.contains("extracare") || type.contains("housingwithcare")) {
			return ServiceType.EXTRA_CARE;
		}
		if (type.contains("sharedlives")) {
			return ServiceType.SHARED_LIVES;
		}
		return null;
	}

}
