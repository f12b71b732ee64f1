package org.carecycle.providers.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.carecycle.providers.imports.table.SpreadsheetFiles;

/**
 * Files shaped as CQC publishes them, for the import tests: notice rows above the header,
 * the columns of the September 2026 release, and a builder for locations.
 */
final class CqcFiles {

	static final List<String> NOTICE = List.of("Care Quality Commission", "HSCA Active Locations",
			"This file lists all active locations registered under the Health and Social Care Act 2008",
			"Data as at 1 September 2026", "", "Please note: locations may be listed more than once", "");

	static final List<String> LOCATION_HEADER = List.of("Location ID", "Location ODS Code", "Location Name",
			"Location Telephone Number", "Registered manager", "Care home?", "Location Type/Sector",
			"Location Inspection Directorate", "Location Primary Inspection Category", "Location Latest Overall Rating",
			"Publication Date", "Location Region", "Location Local Authority", "Location Street Address",
			"Location Address Line 2", "Location City", "Location Postal Code", "Care homes beds", "HSCA start date",
			"Dormant (Y/N)", "Service type - Care home service with nursing",
			"Service type - Care home service without nursing", "Service type - Domiciliary care service",
			"Service type - Supported living service", "Service user band - Older People",
			"Service user band - Dementia", "Service user band - Learning disabilities or autistic spectrum disorder",
			"Provider ID", "Provider Name", "Brand ID");

	private CqcFiles() {
	}

	/** A location row; fields not given take typical values. */
	static final class Location {

		String id;

		String name;

		String manager = "Demelza Angove";

		boolean careHome = true;

		String sector = "Social Care Org";

		String directorate = "Adult social care";

		String rating = "Good";

		String published = "14/03/2025";

		String authority = "Cornwall";

		String street = "1 Lemon Street";

		String city = "Truro";

		String postcode = "TR1 2QD";

		String beds = "30";

		String started = "2012-05-01";

		String dormant = "N";

		String type = "without nursing";

		boolean dementia = true;

		String providerId;

		String providerName;

		Location(String id, String name, String providerId, String providerName) {
			this.id = id;
			this.name = name;
			this.providerId = providerId;
			this.providerName = providerName;
		}

		Location homeCare() {
			this.careHome = false;
			this.type = "domiciliary";
			this.beds = "";
			return this;
		}

		List<String> row() {
			return List.of(this.id, "", this.name, "01632 960123", this.manager, this.careHome ? "Y" : "N", this.sector,
					this.directorate,
					this.careHome ? "Residential social care" : "Community based adult social care services",
					this.rating, this.published, "South West", this.authority, this.street, "", this.city,
					this.postcode, this.beds, this.started, this.dormant, yes(this.type.equals("with nursing")),
					yes(this.type.equals("without nursing")), yes(this.type.equals("domiciliary")),
					yes(this.type.equals("supported living")), "Y", yes(this.dementia), "", this.providerId,
					this.providerName, "BD001");
		}

		private static String yes(boolean flag) {
			return flag ? "Y" : "";
		}

	}

	static List<List<String>> locationSheet(List<Location> locations) {
		List<List<String>> rows = new ArrayList<>();
		NOTICE.forEach(line -> rows.add(List.of(line)));
		rows.add(LOCATION_HEADER);
		locations.forEach(location -> rows.add(location.row()));
		return rows;
	}

	static Path csv(Path file, List<List<String>> rows) throws IOException {
		String text = rows.stream()
			.map(row -> row.stream().map(CqcFiles::quoted).collect(Collectors.joining(",")))
			.collect(Collectors.joining("\r\n", "", "\r\n"));
		Files.writeString(file, "\ufeff" + text, StandardCharsets.UTF_8);
		return file;
	}

	static Path ods(Path file, List<List<String>> rows) throws IOException {
		return SpreadsheetFiles.odsOf(file, rows);
	}

	static Path xlsx(Path file, List<List<String>> rows) throws IOException {
		return SpreadsheetFiles.xlsxOf(file, rows);
	}

	static String quoted(String value) {
		return (value.contains(",") || value.contains("\"") || value.contains("\n"))
				? "\"" + value.replace("\"", "\"\"") + "\"" : value;
	}

}
