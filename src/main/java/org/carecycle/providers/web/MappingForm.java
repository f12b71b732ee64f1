package org.carecycle.providers.web;

import java.util.EnumMap;
import java.util.Map;

import org.carecycle.providers.imports.MappedField;

/**
 * The mapping page's form: the upload, and for each of the register's fields the index of
 * the file's column that holds it ("" for none). Values are text, so that anything sent
 * is shown again with a message rather than refused by the converter.
 */
record MappingForm(String upload, String locationId, String name, String serviceType, String address, String town,
		String postcode, String providerId, String providerName, String beds, String manager, String rating,
		String ratedOn) {

	/** The value sent for a field. */
	String value(MappedField field) {
		return switch (field) {
			case LOCATION_ID -> this.locationId;
			case NAME -> this.name;
			case SERVICE_TYPE -> this.serviceType;
			case ADDRESS -> this.address;
			case TOWN -> this.town;
			case POSTCODE -> this.postcode;
			case PROVIDER_ID -> this.providerId;
			case PROVIDER_NAME -> this.providerName;
			case BEDS -> this.beds;
			case MANAGER -> this.manager;
			case RATING -> this.rating;
			case RATED_ON -> this.ratedOn;
		};
	}

	/** The form with the proposed columns chosen. */
	static MappingForm proposing(String upload, Map<MappedField, Integer> proposed) {
		Map<MappedField, String> v = new EnumMap<>(MappedField.class);
		for (MappedField field : MappedField.values()) {
			Integer column = proposed.get(field);
			v.put(field, (column != null) ? column.toString() : "");
		}
		return new MappingForm(upload, v.get(MappedField.LOCATION_ID), v.get(MappedField.NAME),
				v.get(MappedField.SERVICE_TYPE), v.get(MappedField.ADDRESS), v.get(MappedField.TOWN),
				v.get(MappedField.POSTCODE), v.get(MappedField.PROVIDER_ID), v.get(MappedField.PROVIDER_NAME),
				v.get(MappedField.BEDS), v.get(MappedField.MANAGER), v.get(MappedField.RATING),
				v.get(MappedField.RATED_ON));
	}

}
