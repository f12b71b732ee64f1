package org.carecycle.providers.imports;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.carecycle.providers.ClientGroup;
import org.carecycle.providers.CqcRating;
import org.carecycle.providers.ServiceStatus;
import org.carecycle.providers.ServiceType;
import org.carecycle.providers.imports.table.HeaderRow;
import org.carecycle.shared.Postcode;

/**
 * Reads rows of CQC's active locations directory into the staging tables: the location,
 * its provider, its type, who it is for, where it is, and its latest overall rating.
 * Columns are found by name, whatever their order and spelling from one release to the
 * next.
 */
final class LocationRows {

	private final HeaderRow header;

	private final boolean areaOnly;

	private final String area;

	private final List<TypeColumn> typeColumns = new ArrayList<>();

	private final List<GroupColumn> groupColumns = new ArrayList<>();

	private final Set<String> seen = new HashSet<>();

	private record TypeColumn(int index, ServiceType type) {
	}

	private record GroupColumn(int index, Set<ClientGroup> groups) {
	}

	LocationRows(HeaderRow header, boolean areaOnly, String area) {
		this.header = header;
		this.areaOnly = areaOnly;
		this.area = area;
		List<String> names = header.names();
		for (int i = 0; i < names.size(); i++) {
			String name = HeaderRow.normalise(names.get(i));
			if (name.startsWith("servicetype")) {
				ServiceType type = serviceType(name.substring("servicetype".length()));
				if (type != null) {
					this.typeColumns.add(new TypeColumn(i, type));
				}
			}
			else if (name.startsWith("serviceuserband")) {
				Set<ClientGroup> groups = clientGroups(name.substring("serviceuserband".length()));
				if (!groups.isEmpty()) {
					this.groupColumns.add(new GroupColumn(i, groups));
				}
			}
		}
	}

	RowOutcome read(long rowNumber, List<String> row, Staging staging) throws SQLException {
		String rawId = value(row, "Location ID");
		String locationId = ImportValues.cqcId(rawId);
		if (locationId == null) {
			return RowOutcome.refused(rawId, rawId.isBlank() ? "The row has no location ID"
					: "The location ID " + rawId + " is not a CQC location ID");
		}
		String sector = value(row, "Location Type/Sector", "Location Type");
		String directorate = value(row, "Inspection Directorate", "Location Inspection Directorate");
		if ((!sector.isBlank() && !sector.toLowerCase(Locale.ROOT).contains("social care"))
				|| (!directorate.isBlank() && !directorate.toLowerCase(Locale.ROOT).contains("adult social care"))) {
			return RowOutcome.skipped();
		}
		if (this.areaOnly && !value(row, "Location Local Authority", "Local Authority").equalsIgnoreCase(this.area)) {
			return RowOutcome.skipped();
		}
		if (!this.seen.add(locationId)) {
			return RowOutcome.refused(locationId,
					"The location appears more than once in the file; its first row was used");
		}
		String name = ImportValues.text(value(row, "Location Name"), 200);
		if (name == null) {
			return RowOutcome.refused(locationId, "The row has no location name");
		}
		String providerId = ImportValues.cqcId(value(row, "Provider ID"));
		if (providerId == null) {
			return RowOutcome.refused(locationId, "The row has no CQC provider ID");
		}
		String providerName = ImportValues.text(value(row, "Provider Name"), 200);
		if (providerName == null) {
			return RowOutcome.refused(locationId, "The row has no provider name");
		}
		String rawPostcode = value(row, "Location Postal Code", "Location Post Code", "Postcode");
		Postcode postcode = Postcode.parse(rawPostcode).orElse(null);
		if (postcode == null) {
			return RowOutcome.refused(locationId, rawPostcode.isBlank() ? "The row has no postcode"
					: "The postcode " + rawPostcode + " is not a real postcode");
		}
		boolean careHome = ImportValues.yes(value(row, "Care home?", "Care Home"));
		ServiceType type = serviceType(row, careHome);
		if (type == null) {
			return RowOutcome.skipped();
		}
		Integer beds = careHome ? ImportValues.count(value(row, "Care homes beds", "Care Home Beds", "Beds")) : null;
		ServiceStatus status = ImportValues.yes(value(row, "Dormant (Y/N)", "Dormant")) ? ServiceStatus.DORMANT
				: ServiceStatus.ACTIVE;
		LocalDate registered = ImportValues.date(value(row, "HSCA start date", "Location HSCA start date"));
		staging.location(rowNumber, locationId, name, providerId, providerName, type.name(), groups(row),
				ImportValues.text(value(row, "Location Street Address", "Location Address Line 1", "Address"), 200),
				ImportValues.text(value(row, "Location Address Line 2"), 200),
				ImportValues.text(value(row, "Location City", "Location Town", "City"), 100), postcode.value(),
				postcode.district(), status.name(), beds,
				ImportValues.text(value(row, "Registered manager", "Registered Manager Name"), 200), registered);
		CqcRating rating = CqcRating.parse(value(row, "Location Latest Overall Rating", "Latest Overall Rating"))
			.orElse(null);
		LocalDate published = ImportValues.date(value(row, "Publication Date", "Location Latest Overall Rating Date"));
		if (rating != null && published != null) {
			staging.rating(rowNumber, locationId, "OVERALL", rating.name(), published);
		}
		return RowOutcome.staged(locationId);
	}

	private String value(List<String> row, String... names) {
		return this.header.value(row, names).strip();
	}

	private ServiceType serviceType(List<String> row, boolean careHome) {
		Set<ServiceType> flagged = EnumSet.noneOf(ServiceType.class);
		for (TypeColumn column : this.typeColumns) {
			if (column.index() < row.size() && ImportValues.yes(row.get(column.index()))) {
				flagged.add(column.type());
			}
		}
		for (ServiceType preferred : List.of(ServiceType.CARE_HOME_NURSING, ServiceType.CARE_HOME,
				ServiceType.SUPPORTED_LIVING, ServiceType.EXTRA_CARE, ServiceType.SHARED_LIVES,
				ServiceType.HOME_CARE)) {
			if (flagged.contains(preferred)) {
				return preferred;
			}
		}
		if (careHome) {
			return ServiceType.CARE_HOME;
		}
		String category = value(row, "Location Primary Inspection Category", "Primary Inspection Category")
			.toLowerCase(Locale.ROOT);
		if (category.contains("residential")) {
			return ServiceType.CARE_HOME;
		}
		if (category.contains("community") || category.contains("domiciliary")) {
			return ServiceType.HOME_CARE;
		}
		return null;
	}

	private String[] groups(List<String> row) {
		Set<ClientGroup> groups = EnumSet.noneOf(ClientGroup.class);
		for (GroupColumn column : this.groupColumns) {
			if (column.index() < row.size() && ImportValues.yes(row.get(column.index()))) {
				groups.addAll(column.groups());
			}
		}
		return groups.stream().map(Enum::name).toArray(String[]::new);
	}

	private static ServiceType serviceType(String name) {
		if (name.contains("carehomeservicewithnursing")) {
			return ServiceType.CARE_HOME_NURSING;
		}
		if (name.contains("carehomeservicewithoutnursing")) {
			return ServiceType.CARE_HOME;
		}
		if (name.contains("domiciliarycare")) {
			return ServiceType.HOME_CARE;
		}
		if (name.contains("supportedliving")) {
			return ServiceType.SUPPORTED_LIVING;
		}
		if (name.contains("extracare")) {
			return ServiceType.EXTRA_CARE;
		}
		if (name.contains("sharedlives")) {
			return ServiceType.SHARED_LIVES;
		}
		return null;
	}

	private static Set<ClientGroup> clientGroups(String name) {
		Set<ClientGroup> groups = EnumSet.noneOf(ClientGroup.class);
		if (name.contains("olderpeople")) {
			groups.add(ClientGroup.OLDER_PEOPLE);
		}
		if (name.contains("dementia")) {
			groups.add(ClientGroup.DEMENTIA);
		}
		if (name.contains("learningdisab")) {
			groups.add(ClientGroup.LEARNING_DISABILITY);
		}
		if (name.contains("autis")) {
			groups.add(ClientGroup.AUTISM);
		}
		if (name.contains("mentalhealth") || name.contains("eatingdisorder")) {
			groups.add(ClientGroup.MENTAL_HEALTH);
		}
		if (name.contains("physicaldisab")) {
			groups.add(ClientGroup.PHYSICAL_DISABILITY);
		}
		if (name.contains("sensoryimpair")) {
			groups.add(ClientGroup.SENSORY_IMPAIRMENT);
		}
		if (name.contains("substancemisuse") || name.contains("drug") || name.contains("alcohol")) {
			groups.add(ClientGroup.SUBSTANCE_MISUSE);
		}
		if (name.contains("youngeradults")) {
			groups.add(ClientGroup.YOUNGER_ADULTS);
		}
		return groups;
	}

}
