package org.carecycle.providers.imports;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.carecycle.providers.CqcRating;
import org.carecycle.providers.KeyQuestion;
import org.carecycle.providers.imports.table.HeaderRow;

/**
 * Reads rows of CQC's latest ratings file (one row per location, service or population
 * group, and key question) and of rating histories (one row per location and report) into
 * the staging table of ratings. Location-level ratings only: rows for a single service or
 * population group of a location are skipped.
 */
final class RatingRows {

	private final HeaderRow header;

	private final boolean history;

	private final boolean areaOnly;

	private final String area;

	RatingRows(HeaderRow header, boolean history, boolean areaOnly, String area) {
		this.header = header;
		this.history = history;
		this.areaOnly = areaOnly;
		this.area = area;
	}

	RowOutcome read(long rowNumber, List<String> row, Staging staging) throws SQLException {
		String rawId = value(row, "Location ID", "locationid");
		String locationId = ImportValues.cqcId(rawId);
		if (locationId == null) {
			return RowOutcome.refused(rawId, rawId.isBlank() ? "The row has no location ID"
					: "The location ID " + rawId + " is not a CQC location ID");
		}
		if (this.areaOnly && this.header.has("Location Local Authority")
				&& !value(row, "Location Local Authority").equalsIgnoreCase(this.area)) {
			return RowOutcome.skipped();
		}
		String group = value(row, "Service / Population Group", "Service Population Group");
		if (!group.isBlank() && !group.equalsIgnoreCase("Overall")) {
			return RowOutcome.skipped();
		}
		KeyQuestion question = this.history ? KeyQuestion.OVERALL : keyQuestion(value(row, "Domain", "Key Question"));
		if (question == null) {
			return RowOutcome.refused(locationId, "The key question " + value(row, "Domain") + " is not one of CQC's");
		}
		String rawRating = this.history ? value(row, "overall", "rating") : value(row, "Latest Rating", "Rating");
		CqcRating rating = CqcRating.parse(rawRating).orElse(null);
		if (rating == null) {
			return RowOutcome.refused(locationId,
					rawRating.isBlank() ? "The row has no rating" : "The rating " + rawRating + " is not one of CQC's");
		}
		String rawDate = this.history ? value(row, "reportdate", "Report Date")
				: value(row, "Publication Date", "Report Publication Date");
		LocalDate published = ImportValues.date(rawDate);
		if (published == null) {
			return RowOutcome.refused(locationId, rawDate.isBlank() ? "The row has no publication date"
					: "The publication date " + rawDate + " is not a real date");
		}
		staging.rating(rowNumber, locationId, question.name(), rating.name(), published);
		return RowOutcome.staged(locationId);
	}

	private String value(List<String> row, String... names) {
		return this.header.value(row, names).strip();
	}

	static KeyQuestion keyQuestion(String text) {
		String key = text.strip().toUpperCase(Locale.ROOT).replaceAll("[^A-Z]+", "_");
		return switch (key) {
			case "OVERALL" -> KeyQuestion.OVERALL;
			case "SAFE" -> KeyQuestion.SAFE;
			case "EFFECTIVE" -> KeyQuestion.EFFECTIVE;
			case "CARING" -> KeyQuestion.CARING;
			case "RESPONSIVE" -> KeyQuestion.RESPONSIVE;
			case "WELL_LED" -> KeyQuestion.WELL_LED;
			default -> null;
		};
	}

}
