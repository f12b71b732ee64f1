package org.carecycle.web;

import java.util.Map;

import org.carecycle.shared.Role;

/**
 * A panel on the signed-in home page. Modules implement it to show each role what they
 * hold (counts and links), so the home page grows with the modules without knowing them.
 */
public interface HomePanel {

	/** Position on the page, lowest first. */
	int order();

	boolean isShownTo(Role role);

	/**
	 * The Thymeleaf fragment that draws the panel, such as
	 * {@code providers/home :: panel}. The fragment receives the {@link #model()} as a
	 * variable named {@code panel}.
	 */
	String fragment();

	/** What the fragment shows, read when the page is drawn. */
	Map<String, Object> model();

}
