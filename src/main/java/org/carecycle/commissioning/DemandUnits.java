package org.carecycle.commissioning;

/**
 * How each type of service counts its supply and demand: beds for care homes, weekly
 * hours for home care, places for the rest (as the register counts capacity).
 */
public final class DemandUnits {

	private DemandUnits() {
	}

	/** {@code beds}, {@code hours} or {@code places}. */
	public static String of(String serviceType) {
		return switch (serviceType) {
			case "CARE_HOME", "CARE_HOME_NURSING" -> "beds";
			case "HOME_CARE" -> "hours";
			default -> "places";
		};
	}

}
