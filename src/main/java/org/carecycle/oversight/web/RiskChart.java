package org.carecycle.oversight.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.carecycle.oversight.RiskBand;
import org.carecycle.oversight.RiskProfiles.Point;

/**
 * A service's risk score over time laid out as a line chart, drawn on the server as SVG:
 * a y axis of the score from 0 to 100, an x axis of dates with a tick at the start of
 * months, and a point for each day the score was recorded, joined by a line. The page
 * pairs it with a table of the same figures.
 */
public record RiskChart(int width, int height, int left, int right, int top, int bottom, List<Tick> xTicks,
		List<Tick> yTicks, List<Dot> dots, String line, LocalDate first, LocalDate last, int lowest, int highest,
		int latest) {

	static final int WIDTH = 680;

	static final int HEIGHT = 300;

	private static final int LEFT = 64;

	private static final int RIGHT = 16;

	private static final int TOP = 16;

	private static final int BOTTOM = 64;

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

	/** A tick or guide line at a position along its axis, with its label. */
	public record Tick(double at, String label) {
	}

	/** A point of the line, with the date and score it stands for. */
	public record Dot(double x, double y, LocalDate onDate, int score, RiskBand band) {
	}

	/** The chart of these points, oldest first; null when there are none. */
	static RiskChart of(List<Point> points) {
		if (points.isEmpty()) {
			return null;
		}
		LocalDate first = points.get(0).onDate();
		LocalDate last = points.get(points.size() - 1).onDate();
		// a single day still gets a month either side, so the axis has dates to show
		LocalDate from = first.equals(last) ? first.minusDays(15) : first;
		LocalDate to = first.equals(last) ? last.plusDays(15) : last;
		long span = Math.max(1, ChronoUnit.DAYS.between(from, to));
		double plotWidth = WIDTH - LEFT - RIGHT;
		double plotHeight = HEIGHT - TOP - BOTTOM;

		List<Tick> yTicks = new ArrayList<>();
		for (int score = 0; score <= 100; score += 20) {
			yTicks.add(new Tick(y(score, plotHeight), String.valueOf(score)));
		}
		List<Tick> xTicks = new ArrayList<>();
		long months = ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to)) + 1;
		int every = (int) Math.max(1, Math.ceil(months / 8.0));
		YearMonth month = YearMonth.from(from);
		if (month.atDay(1).isBefore(from)) {
			month = month.plusMonths(1);
		}
		for (int i = 0; !month.atDay(1).isAfter(to); month = month.plusMonths(1), i++) {
			if (i % every == 0) {
				double x = LEFT + plotWidth * ChronoUnit.DAYS.between(from, month.atDay(1)) / span;
				xTicks.add(new Tick(x, month.format(MONTH)));
			}
		}
		if (xTicks.isEmpty()) {
			xTicks.add(new Tick(LEFT, first.format(DAY)));
		}

		List<Dot> dots = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		int lowest = 100;
		int highest = 0;
		for (Point point : points) {
			double x = LEFT + plotWidth * ChronoUnit.DAYS.between(from, point.onDate()) / span;
			double y = y(point.score(), plotHeight);
			dots.add(new Dot(x, y, point.onDate(), point.score(), point.band()));
			line.append(line.isEmpty() ? "M" : " L").append(format(x)).append(' ').append(format(y));
			lowest = Math.min(lowest, point.score());
			highest = Math.max(highest, point.score());
		}
		return new RiskChart(WIDTH, HEIGHT, LEFT, WIDTH - RIGHT, TOP, HEIGHT - BOTTOM, xTicks, yTicks, dots,
				line.toString(), first, last, lowest, highest, points.get(points.size() - 1).score());
	}

	private static double y(int score, double plotHeight) {
		return TOP + plotHeight * (100 - score) / 100.0;
	}

	private static String format(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	/** Where the x axis's title sits, centred under the plot. */
	public double xTitleX() {
		return (this.left + this.right) / 2.0;
	}

	/** Where the y axis's title sits, centred beside the plot. */
	public double yTitleY() {
		return (this.top + this.bottom) / 2.0;
	}

	/** Draws points only while they are few enough to tell apart. */
	public boolean showsDots() {
		return this.dots.size() <= 120;
	}

	public String viewBox() {
		return "0 0 " + this.width + " " + this.height;
	}

}
