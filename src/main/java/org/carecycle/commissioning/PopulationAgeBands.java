package org.carecycle.commissioning;

import java.util.List;

/**
 * The age bands needs figures are kept in: the five-year bands ONS projections and
 * POPPI/PANSI publish, 0-4 to 85-89, then 90 and over.
 */
public final class PopulationAgeBands {

	/** Every band, youngest first. */
	public static final List<String> ALL = List.of("0-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39",
			"40-44", "45-49", "50-54", "55-59", "60-64", "65-69", "70-74", "75-79", "80-84", "85-89", "90+");

	private PopulationAgeBands() {
	}

	/** The band a single year of age falls in (90 and over in the last). */
	public static String of(int age) {
		if (age < 0) {
			throw new IllegalArgumentException("An age cannot be negative");
		}
		return ALL.get(Math.min(age / 5, ALL.size() - 1));
	}

	/** The youngest age in a band. */
	public static int lowestAge(String band) {
		int dash = band.indexOf('-');
		return Integer.parseInt(band.substring(0, (dash > 0) ? dash : band.length() - 1));
	}

	/** Whether a band is one of {@link #ALL}, allowing "90 and over" for "90+". */
	public static String normalised(String band) {
		if (band == null) {
			return null;
		}
		String text = band.strip().replace(" to ", "-").replace("–", "-");
		if (text.equalsIgnoreCase("90 and over") || text.equals("90+")) {
			return "90+";
		}
		return ALL.contains(text) ? text : null;
	}

}
