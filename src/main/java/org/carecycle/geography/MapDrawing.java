package org.carecycle.geography;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Draws an area's outline and points on it as an accessible SVG in a fixed-width view
 * box, with no script and no {@code style} attribute (the Content Security Policy forbids
 * inline styles): shapes carry class names, and the stylesheet colours them.
 * <p>
 * The projection is equirectangular, longitude scaled by the cosine of the area's mean
 * latitude, which is true to within a fraction of a percent across a county; north is up.
 * A point outside the area's bounding box is drawn on the nearest edge of the box. The
 * outline is simplified (Douglas–Peucker, to half an SVG unit) and written to one decimal
 * place.
 */
public final class MapDrawing {

	/** How far the outline may stray from the boundary, in SVG units. */
	static final double TOLERANCE = 0.5;

	private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

	private final String name;

	private final List<MapPoint> points;

	private final int width;

	private final int height;

	private final double west;

	private final double north;

	private final double xScale;

	private final double yScale;

	private final double margin;

	private final double radius;

	private final String area;

	private MapDrawing(Boundary boundary, List<MapPoint> points, int width) {
		if (width < 16) {
			throw new IllegalArgumentException("A map needs a view box at least 16 units wide");
		}
		double[] bounds = boundary.bounds();
		if (bounds[0] > bounds[2] || bounds[1] > bounds[3]) {
			throw new IllegalArgumentException("The boundary of " + boundary.name() + " has no points");
		}
		this.name = boundary.name();
		this.points = List.copyOf(points);
		this.width = width;
		this.radius = Math.max(1.5, width / 120.0);
		this.margin = 2 * this.radius;
		this.west = bounds[0];
		this.north = bounds[3];
		double across = Math.cos(Math.toRadians((bounds[1] + bounds[3]) / 2));
		double extentX = Math.max((bounds[2] - bounds[0]) * across, 1e-9);
		double extentY = Math.max(bounds[3] - bounds[1], 1e-9);
		double scale = (width - 2 * this.margin) / extentX;
		this.xScale = scale * across;
		this.yScale = scale;
		this.height = (int) Math.ceil(extentY * scale + 2 * this.margin);
		this.area = outline(boundary);
	}

	/**
	 * A drawing of an area with points on it.
	 * @param boundary the area's outline (from {@link Boundaries})
	 * @param points what to mark, drawn in this order (later ones on top)
	 * @param width the view box's width in SVG units; its height follows the area's shape
	 * @return the drawing
	 */
	public static MapDrawing of(Boundary boundary, List<MapPoint> points, int width) {
		return new MapDrawing(boundary, points, width);
	}

	public int width() {
		return this.width;
	}

	public int height() {
		return this.height;
	}

	/**
	 * Where a coordinate lands in the view box, as [x, y]; a point outside the area's
	 * bounding box lands on the nearest edge of it.
	 */
	public double[] project(Coordinates point) {
		double x = this.margin + (point.longitude() - this.west) * this.xScale;
		double y = this.margin + (this.north - point.latitude()) * this.yScale;
		return new double[] { clamp(x, this.margin, this.width - this.margin),
				clamp(y, this.margin, this.height - this.margin) };
	}

	/**
	 * The SVG element as markup. Labelled by its title and described by its description;
	 * its role is {@code img}, or {@code group} when points are links, so that assistive
	 * technology can reach the links (the children of an {@code img} are hidden from it).
	 * @param title what the map shows, in a few words
	 * @param description a longer account of it, such as a summary of the points
	 * @return the {@code <svg>} element
	 */
	public String svg(String title, String description) {
		String id = "carecycle-map-" + slug(this.name);
		boolean linked = this.points.stream().anyMatch(point -> point.href() != null);
		StringBuilder svg = new StringBuilder(this.area.length() + 256 + this.points.size() * 200);
		svg.append("<svg xmlns=\"").append(SVG_NAMESPACE).append("\" viewBox=\"0 0 ");
		svg.append(this.width).append(' ').append(this.height).append("\" role=\"").append(linked ? "group" : "img");
		svg.append("\" aria-labelledby=\"").append(id).append("-title\" aria-describedby=\"").append(id);
		svg.append("-desc\" class=\"carecycle-map\">");
		svg.append("<title id=\"").append(id).append("-title\">").append(escaped(title)).append("</title>");
		svg.append("<desc id=\"").append(id).append("-desc\">").append(escaped(description)).append("</desc>");
		svg.append("<path class=\"carecycle-map__area\" fill-rule=\"evenodd\" d=\"").append(this.area).append("\"/>");
		for (MapPoint point : this.points) {
			double[] at = project(point.at());
			String tooltip = "<title>" + escaped(point.label()) + "</title>";
			if (point.href() != null) {
				svg.append("<a href=\"").append(escaped(point.href())).append("\">").append(tooltip);
				shape(svg, point.shape(), point.category(), at[0], at[1], this.radius, "");
				svg.append("</a>");
			}
			else {
				shape(svg, point.shape(), point.category(), at[0], at[1], this.radius, tooltip);
			}
		}
		return svg.append("</svg>").toString();
	}

	/**
	 * A 16 by 16 symbol for a key beside text, hidden from assistive technology as the
	 * text says what it means.
	 * @param shape the symbol
	 * @param category the category whose colour it takes
	 * @return an {@code <svg>} element
	 */
	public static String symbol(MapPoint.Shape shape, String category) {
		MapPoint.checkCategory(category);
		StringBuilder svg = new StringBuilder(256);
		svg.append("<svg xmlns=\"").append(SVG_NAMESPACE).append("\" viewBox=\"0 0 16 16\" width=\"16\" height=\"16\"");
		svg.append(" aria-hidden=\"true\" focusable=\"false\" class=\"carecycle-map__symbol\">");
		shape(svg, shape, category, 8, 8, 4.5, "");
		return svg.append("</svg>").toString();
	}

	/**
	 * Appends one symbol centred on (x, y), about as big as a circle of radius r, with
	 * its children (a title, or nothing).
	 */
	private static void shape(StringBuilder svg, MapPoint.Shape shape, String category, double x, double y, double r,
			String children) {
		String type = switch (shape) {
			case CIRCLE -> "circle";
			case SQUARE -> "rect";
			case TRIANGLE, DIAMOND, CROSS -> "path";
		};
		svg.append('<').append(type).append(" class=\"carecycle-map__point carecycle-map__point--");
		svg.append(category).append("\" ");
		switch (shape) {
			case CIRCLE -> svg.append("cx=\"")
				.append(number(x))
				.append("\" cy=\"")
				.append(number(y))
				.append("\" r=\"")
				.append(number(r))
				.append('"');
			case SQUARE -> {
				double side = r * Math.sqrt(Math.PI);
				svg.append("x=\"").append(number(x - side / 2)).append("\" y=\"").append(number(y - side / 2));
				svg.append("\" width=\"").append(number(side)).append("\" height=\"").append(number(side)).append('"');
			}
			case TRIANGLE -> {
				double corner = r * Math.sqrt(4 * Math.PI / (3 * Math.sqrt(3)));
				double half = corner * Math.sqrt(3) / 2;
				svg.append("d=\"").append(polygon(x, y, 0, -corner, half, corner / 2, -half, corner / 2)).append('"');
			}
			case DIAMOND -> {
				double half = r * Math.sqrt(Math.PI / 2);
				svg.append("d=\"").append(polygon(x, y, 0, -half, half, 0, 0, half, -half, 0)).append('"');
			}
			case CROSS -> {
				double arm = r * 1.1;
				double thick = arm * 0.4;
				double[] plus = { -thick, -arm, thick, -arm, thick, -thick, arm, -thick, arm, thick, thick, thick,
						thick, arm, -thick, arm, -thick, thick, -arm, thick, -arm, -thick, -thick, -thick };
				double cos = Math.sqrt(0.5);
				double[] turned = new double[plus.length];
				for (int i = 0; i < plus.length; i += 2) {
					turned[i] = (plus[i] - plus[i + 1]) * cos;
					turned[i + 1] = (plus[i] + plus[i + 1]) * cos;
				}
				svg.append("d=\"").append(polygon(x, y, turned)).append('"');
			}
		}
		if (children.isEmpty()) {
			svg.append("/>");
		}
		else {
			svg.append('>').append(children).append("</").append(type).append('>');
		}
	}

	/** Path data for a closed polygon of offsets from (x, y). */
	private static String polygon(double x, double y, double... offsets) {
		StringBuilder d = new StringBuilder("M");
		for (int i = 0; i < offsets.length; i += 2) {
			if (i > 0) {
				d.append(i == 2 ? "L" : " ");
			}
			d.append(number(x + offsets[i])).append(' ').append(number(y + offsets[i + 1]));
		}
		return d.append('Z').toString();
	}

	/**
	 * Path data for every ring of every polygon, simplified and rounded; rings that
	 * shrink to less than a triangle are left out.
	 */
	private String outline(Boundary boundary) {
		StringBuilder d = new StringBuilder();
		for (List<List<double[]>> polygon : boundary.polygons()) {
			for (List<double[]> ring : polygon) {
				List<double[]> projected = new ArrayList<>(ring.size());
				for (double[] point : ring) {
					projected.add(new double[] { this.margin + (point[0] - this.west) * this.xScale,
							this.margin + (this.north - point[1]) * this.yScale });
				}
				List<String> kept = rounded(simplified(projected, TOLERANCE));
				if (kept.size() >= 3) {
					d.append('M')
						.append(kept.get(0))
						.append('L')
						.append(String.join(" ", kept.subList(1, kept.size())));
					d.append('Z');
				}
			}
		}
		return d.toString();
	}

	/**
	 * The points of a line that Douglas–Peucker keeps: those that stray more than the
	 * tolerance from the line through the ones kept either side.
	 */
	static List<double[]> simplified(List<double[]> line, double tolerance) {
		int size = line.size();
		if (size < 3) {
			return line;
		}
		boolean[] keep = new boolean[size];
		keep[0] = true;
		keep[size - 1] = true;
		Deque<int[]> spans = new ArrayDeque<>();
		spans.push(new int[] { 0, size - 1 });
		while (!spans.isEmpty()) {
			int[] span = spans.pop();
			int farthest = -1;
			double distance = tolerance;
			for (int i = span[0] + 1; i < span[1]; i++) {
				double d = distance(line.get(i), line.get(span[0]), line.get(span[1]));
				if (d > distance) {
					distance = d;
					farthest = i;
				}
			}
			if (farthest > 0) {
				keep[farthest] = true;
				spans.push(new int[] { span[0], farthest });
				spans.push(new int[] { farthest, span[1] });
			}
		}
		List<double[]> kept = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			if (keep[i]) {
				kept.add(line.get(i));
			}
		}
		return kept;
	}

	/** How far a point lies from the segment from a to b. */
	private static double distance(double[] point, double[] a, double[] b) {
		double dx = b[0] - a[0];
		double dy = b[1] - a[1];
		double length = dx * dx + dy * dy;
		double t = (length == 0) ? 0 : clamp(((point[0] - a[0]) * dx + (point[1] - a[1]) * dy) / length, 0, 1);
		return Math.hypot(point[0] - a[0] - t * dx, point[1] - a[1] - t * dy);
	}

	/**
	 * The points as "x y" to one decimal place, without repeats, and without the closing
	 * point of a ring (Z closes it).
	 */
	private static List<String> rounded(List<double[]> points) {
		List<String> rounded = new ArrayList<>(points.size());
		for (double[] point : points) {
			String pair = number(point[0]) + " " + number(point[1]);
			if (rounded.isEmpty() || !rounded.get(rounded.size() - 1).equals(pair)) {
				rounded.add(pair);
			}
		}
		while (rounded.size() > 1 && rounded.get(rounded.size() - 1).equals(rounded.get(0))) {
			rounded.remove(rounded.size() - 1);
		}
		return rounded;
	}

	/** A number to one decimal place, without a trailing ".0" or a minus zero. */
	static String number(double value) {
		long tenths = Math.round(value * 10);
		if (tenths % 10 == 0) {
			return Long.toString(tenths / 10);
		}
		String sign = (tenths < 0) ? "-" : "";
		long magnitude = Math.abs(tenths);
		return sign + (magnitude / 10) + "." + (magnitude % 10);
	}

	private static double clamp(double value, double low, double high) {
		return Math.max(low, Math.min(high, value));
	}

	private static String slug(String text) {
		String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
		return slug.isEmpty() ? "area" : slug;
	}

	private static String escaped(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder escaped = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length();) {
			int c = text.codePointAt(i);
			i += Character.charCount(c);
			switch (c) {
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '&' -> escaped.append("&amp;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				default -> {
					boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
							|| (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
					if (allowed) {
						escaped.appendCodePoint(c);
					}
				}
			}
		}
		return escaped.toString();
	}

}
