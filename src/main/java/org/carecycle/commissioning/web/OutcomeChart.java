package org.carecycle.commissioning.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.carecycle.commissioning.OutcomeMeasures.Point;

import org.springframework.web.util.HtmlUtils;

/**
 * A measure over time as a line chart drawn on the server as SVG: the council, its
 * region, its neighbours and England, each with its own colour, dash and marker shape so
 * that colour is never the only cue. The chart is an image with a title and description;
 * the page puts a table of the same figures under it for screen readers and for anyone
 * who wants the numbers. No script and no style attribute (presentation attributes only),
 * as the Content Security Policy asks.
 */
final class OutcomeChart {

	static final int WIDTH = 680;

	static final int HEIGHT = 300;

	private static final int LEFT = 56;

	private static final int RIGHT = 16;

	private static final int TOP = 16;

	private static final int BOTTOM = 48;

	/** One line: what it reads from a point, its colour, dash and marker. */
	record Series(String key, Function<Point, BigDecimal> value, String colour, String dash, String marker) {
	}

	static final List<Series> SERIES = List.of(
			new Series("outcomes.series.council", Point::council, "#1d70b8", null, "circle"),
			new Series("outcomes.series.region", Point::region, "#d4351c", "8 4", "square"),
			new Series("outcomes.series.neighbours", Point::neighbours, "#4c2c92", "2 3", "triangle"),
			new Series("outcomes.series.england", Point::england, "#505a5f", "12 4 2 4", "diamond"));

	private OutcomeChart() {
	}

	/** The chart, or null when there is nothing to draw. */
	static String svg(String id, String title, String description, List<Point> points, List<String> seriesLabels) {
		if (points.isEmpty()) {
			return null;
		}
		double lowest = Double.MAX_VALUE;
		double highest = -Double.MAX_VALUE;
		for (Point point : points) {
			for (Series series : SERIES) {
				BigDecimal value = series.value().apply(point);
				if (value != null) {
					lowest = Math.min(lowest, value.doubleValue());
					highest = Math.max(highest, value.doubleValue());
				}
			}
		}
		if (lowest == Double.MAX_VALUE) {
			return null;
		}
		double step = niceStep((highest - lowest) / 4);
		double from = Math.floor(lowest / step) * step;
		double to = Math.ceil(highest / step) * step;
		if (to - from < step) {
			to = from + step;
		}
		double plotWidth = WIDTH - LEFT - RIGHT;
		double plotHeight = HEIGHT - TOP - BOTTOM;
		double xStep = (points.size() > 1) ? plotWidth / (points.size() - 1) : 0;
		double span = to - from;
		StringBuilder svg = new StringBuilder(4096);
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
			.append(WIDTH)
			.append(' ')
			.append(HEIGHT)
			.append("\" role=\"img\" class=\"carecycle-chart\" aria-labelledby=\"")
			.append(id)
			.append("-title\" aria-describedby=\"")
			.append(id)
			.append("-desc\">");
		svg.append("<title id=\"")
			.append(id)
			.append("-title\">")
			.append(HtmlUtils.htmlEscape(title))
			.append("</title>");
		svg.append("<desc id=\"")
			.append(id)
			.append("-desc\">")
			.append(HtmlUtils.htmlEscape(description))
			.append("</desc>");
		for (double tick = from; tick <= to + step / 2; tick += step) {
			double y = TOP + plotHeight - (tick - from) / span * plotHeight;
			svg.append("<line x1=\"")
				.append(LEFT)
				.append("\" x2=\"")
				.append(WIDTH - RIGHT)
				.append("\" y1=\"")
				.append(n(y))
				.append("\" y2=\"")
				.append(n(y))
				.append("\" stroke=\"#b1b4b6\" stroke-width=\"1\"/>");
			svg.append("<text x=\"")
				.append(LEFT - 8)
				.append("\" y=\"")
				.append(n(y + 5))
				.append("\" text-anchor=\"end\" font-size=\"14\" fill=\"#0b0c0c\">")
				.append(label(tick, step))
				.append("</text>");
		}
		for (int i = 0; i < points.size(); i++) {
			double x = LEFT + ((points.size() > 1) ? i * xStep : plotWidth / 2);
			svg.append("<text x=\"")
				.append(n(x))
				.append("\" y=\"")
				.append(HEIGHT - BOTTOM + 24)
				.append("\" text-anchor=\"middle\" font-size=\"14\" fill=\"#0b0c0c\">")
				.append(HtmlUtils.htmlEscape(points.get(i).year()))
				.append("</text>");
		}
		for (Series series : SERIES) {
			StringBuilder line = new StringBuilder();
			List<double[]> dots = new ArrayList<>();
			for (int i = 0; i < points.size(); i++) {
				BigDecimal value = series.value().apply(points.get(i));
				if (value == null) {
					continue;
				}
				double x = LEFT + ((points.size() > 1) ? i * xStep : plotWidth / 2);
				double y = TOP + plotHeight - (value.doubleValue() - from) / span * plotHeight;
				line.append(line.isEmpty() ? "M" : " L").append(n(x)).append(' ').append(n(y));
				dots.add(new double[] { x, y });
			}
			if (!line.isEmpty()) {
				svg.append("<path d=\"")
					.append(line)
					.append("\" fill=\"none\" stroke=\"")
					.append(series.colour())
					.append("\" stroke-width=\"3\"");
				if (series.dash() != null) {
					svg.append(" stroke-dasharray=\"").append(series.dash()).append('"');
				}
				svg.append("/>");
			}
			for (double[] dot : dots) {
				svg.append(marker(series.marker(), dot[0], dot[1], series.colour()));
			}
		}
		svg.append("</svg>");
		return svg.toString();
	}

	/** A small key symbol for a series, as an inline SVG. */
	static String keySymbol(Series series) {
		StringBuilder svg = new StringBuilder();
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 40 16\" width=\"40\" height=\"16\" ")
			.append("aria-hidden=\"true\" focusable=\"false\"><path d=\"M2 8 L38 8\" fill=\"none\" stroke=\"")
			.append(series.colour())
			.append("\" stroke-width=\"3\"");
		if (series.dash() != null) {
			svg.append(" stroke-dasharray=\"").append(series.dash()).append('"');
		}
		svg.append("/>").append(marker(series.marker(), 20, 8, series.colour())).append("</svg>");
		return svg.toString();
	}

	private static String marker(String shape, double x, double y, String colour) {
		double r = 5;
		return switch (shape) {
			case "square" -> "<rect x=\"" + n(x - r) + "\" y=\"" + n(y - r) + "\" width=\"" + n(2 * r) + "\" height=\""
					+ n(2 * r) + "\" fill=\"" + colour + "\"/>";
			case "triangle" -> "<path d=\"M" + n(x) + " " + n(y - r - 1) + " L" + n(x + r + 1) + " " + n(y + r) + " L"
					+ n(x - r - 1) + " " + n(y + r) + " Z\" fill=\"" + colour + "\"/>";
			case "diamond" -> "<path d=\"M" + n(x) + " " + n(y - r - 1) + " L" + n(x + r + 1) + " " + n(y) + " L" + n(x)
					+ " " + n(y + r + 1) + " L" + n(x - r - 1) + " " + n(y) + " Z\" fill=\"" + colour + "\"/>";
			default -> "<circle cx=\"" + n(x) + "\" cy=\"" + n(y) + "\" r=\"" + n(r) + "\" fill=\"" + colour + "\"/>";
		};
	}

	static double niceStep(double rough) {
		if (rough <= 0) {
			return 1;
		}
		double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
		double residual = rough / magnitude;
		double nice = (residual <= 1) ? 1 : (residual <= 2) ? 2 : (residual <= 5) ? 5 : 10;
		return nice * magnitude;
	}

	private static String label(double value, double step) {
		return (step >= 1) ? String.valueOf(Math.round(value)) : String.format(Locale.UK, "%.1f", value);
	}

	private static String n(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

}
