package org.carecycle.geography;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A point to mark on a {@link MapDrawing}: where, which category (a CSS-safe token such
 * as {@code good}, which the stylesheet colours), which shape, a label for its tooltip
 * and an optional link.
 *
 * @param at where the point is
 * @param category lower-case letters, digits and hyphens, used in a class name
 * @param shape the symbol to draw, so that categories differ by more than colour
 * @param label what the point is, shown as its tooltip and read out for a link
 * @param href where the point links to, or null: a path, a fragment, a query or an
 * {@code http(s)} address
 */
public record MapPoint(Coordinates at, String category, Shape shape, String label, String href) {

	private static final Pattern CATEGORY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	public MapPoint {
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(shape, "shape");
		Objects.requireNonNull(label, "label");
		checkCategory(category);
		if (href != null && !safeLink(href)) {
			throw new IllegalArgumentException("Not a link a map may hold: " + href);
		}
	}

	/** A point with no link. */
	public MapPoint(Coordinates at, String category, Shape shape, String label) {
		this(at, category, shape, label, null);
	}

	/**
	 * Throws unless the category is lower-case words joined by hyphens, safe in a class.
	 */
	static void checkCategory(String category) {
		if (category == null || !CATEGORY.matcher(category).matches()) {
			throw new IllegalArgumentException("Not a CSS-safe category: " + category);
		}
	}

	/**
	 * Whether a link has no scheme (relative) or an http(s) one, so never javascript:.
	 */
	private static boolean safeLink(String href) {
		int colon = href.indexOf(':');
		if (colon < 0) {
			return true;
		}
		for (char end : new char[] { '/', '?', '#' }) {
			int index = href.indexOf(end);
			if (index >= 0 && index < colon) {
				return true;
			}
		}
		String scheme = href.substring(0, colon).toLowerCase(Locale.ROOT);
		return scheme.equals("https") || scheme.equals("http");
	}

	/** The symbols a point can be drawn with. */
	public enum Shape {

		CIRCLE, SQUARE, TRIANGLE, DIAMOND, CROSS

	}

}
