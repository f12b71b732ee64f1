package org.carecycle.commissioning;

import java.util.Map;
import java.util.UUID;

import org.carecycle.shared.Role;

/**
 * A section of a locality's area profile contributed by another module or by a part of
 * this one (population and needs, supply and its quality, concerns, risk, safeguarding
 * counts, later what forums heard), so the profile page knows none of them.
 */
public interface AreaProfileSection {

	/** Position on the page, lowest first. */
	int order();

	boolean isShownTo(Role role);

	/**
	 * The Thymeleaf fragment that draws the section; it receives {@link #model} as
	 * {@code section}.
	 */
	String fragment();

	/** What the section shows for one locality ({@code geography} locality id). */
	Map<String, Object> model(UUID localityId);

}
