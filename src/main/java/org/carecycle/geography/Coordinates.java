package org.carecycle.geography;

/**
 * A point on the map, in WGS84 degrees.
 *
 * @param latitude degrees north
 * @param longitude degrees east (negative west of Greenwich)
 */
public record Coordinates(double latitude, double longitude) {

	private static final double EARTH_RADIUS_KM = 6371.0088;

	public Coordinates {
		if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) {
			throw new IllegalArgumentException("Not a point on Earth: " + latitude + ", " + longitude);
		}
	}

	/** Great-circle distance in kilometres. */
	public double distanceKmTo(Coordinates other) {
		double lat1 = Math.toRadians(this.latitude);
		double lat2 = Math.toRadians(other.latitude);
		double dLat = lat2 - lat1;
		double dLon = Math.toRadians(other.longitude - this.longitude);
		double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
				+ Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
		return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
	}

}
