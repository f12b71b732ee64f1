package org.carecycle.providers.imports;

import java.util.List;

/**
 * The register's fields a file that is not CQC's own can be mapped to, each with the
 * header names it is usually given (normalised: lower case letters and digits only).
 */
public enum MappedField {

	LOCATION_ID(true, "locationid", "cqclocationid", "cqcid", "cqclocation", "locid", "id", "registrationid"),
	NAME(true, "locationname", "name", "servicename", "homename", "establishment", "establishmentname"),
	SERVICE_TYPE(true, "servicetype", "type", "typeofservice", "category", "servicecategory", "provision"),
	ADDRESS(false, "address", "addressline1", "streetaddress", "street", "locationstreetaddress", "address1"),
	TOWN(false, "town", "city", "locationcity", "posttown", "locality"),
	POSTCODE(true, "postcode", "postalcode", "locationpostalcode", "locationpostcode", "zip"),
	PROVIDER_ID(false, "providerid", "cqcproviderid", "provid", "organisationid"),
	PROVIDER_NAME(true, "providername", "provider", "organisation", "organisationname", "owner", "operator"),
	BEDS(false, "beds", "carehomebeds", "numberofbeds", "capacity", "places"),
	MANAGER(false, "registeredmanager", "manager", "managername"),
	RATING(false, "rating", "overallrating", "latestrating", "latestoverallrating", "cqcrating"),
	RATED_ON(false, "inspectiondate", "lastinspection", "lastinspectiondate", "ratingdate", "publicationdate",
			"reportdate", "dateofinspection");

	private final boolean required;

	private final List<String> usualNames;

	MappedField(boolean required, String... usualNames) {
		this.required = required;
		this.usualNames = List.of(usualNames);
	}

	/** Whether every file must have a column for it. */
	public boolean isRequired() {
		return this.required;
	}

	List<String> usualNames() {
		return this.usualNames;
	}

	/** The name of its form field and select, as in {@code locationId}. */
	public String formName() {
		StringBuilder name = new StringBuilder();
		for (String part : name().toLowerCase(java.util.Locale.ROOT).split("_")) {
			name.append(name.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
		}
		return name.toString();
	}

	public String messageKey() {
		return "imports.field." + formName();
	}

	/** The message key of the hint under its select, or null when it needs none. */
	public String hintKey() {
		return switch (this) {
			case SERVICE_TYPE, PROVIDER_ID, RATED_ON -> messageKey() + ".hint";
			default -> null;
		};
	}

	/** The message key of the empty choice of its select. */
	public String blankKey() {
		return this.required ? "imports.column.choose" : "imports.column.none";
	}

}
