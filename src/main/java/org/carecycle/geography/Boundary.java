package org.carecycle.geography;

import java.util.List;

/**
 * The outline of an area, as polygons of rings of [longitude, latitude] points (GeoJSON
 * order). The first ring of each polygon is its outside; any others are holes.
 *
 * @param name the area's name
 * @param polygons the area's polygons
 */
public record Boundary(String name, List<List<List<double[]>>> polygons) {

	/** Whether a point lies inside the area (even-odd rule, holes excluded). */
	public boolean contains(Coordinates point) {
		for (List<List<double[]>> polygon : this.polygons) {
			if (polygon.isEmpty() || !inRing(polygon.get(0), point)) {
				continue;
			}
			boolean inHole = polygon.stream().skip(1).anyMatch(hole -> inRing(hole, point));
			if (!inHole) {
				return true;
			}
		}
		return false;
	}

	/** [west, south, east, north] in degrees. */
	public double[] bounds() {
		double west = 180;
		double south = 90;
		double east = -180;
		double north = -90;
		for (List<List<double[]>> polygon : this.polygons) {
			for (double[] point : polygon.get(0)) {
				west = Math.min(west, point[0]);
				east = Math.max(east, point[0]);
				south = Math.min(south, point[1]);
				north = Math.max(north, point[1]);
			}
		}
		return new double[] { west, south, east, north };
	}

	private static boolean inRing(List<double[]> ring, Coordinates point) {
		double x = point.longitude();
		double y = point.latitude();
		boolean inside = false;
		for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
			double xi = ring.get(i)[0];
			double yi = ring.get(i)[1];
			double xj = ring.get(j)[0];
			double yj = ring.get(j)[1];
			if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
				inside = !inside;
			}
		}
		return inside;
	}

}
