package org.carecycle.providers;

import java.util.Map;
import java.util.UUID;

import org.carecycle.shared.Role;

/**
 * A section that a later module adds to a provider's or a service's profile page
 * (concerns, quality reviews, risk, escalation), so that the profile shows everything
 * known in one place without the register knowing those modules.
 */
public interface ProfileSection {

	/** Which profile a section belongs on. */
	enum Subject {

		PROVIDER, SERVICE

	}

	/** Position on the page, lowest first, after the register's own sections. */
	int order();

	boolean appliesTo(Subject subject);

	boolean isShownTo(Role role);

	/**
	 * The Thymeleaf fragment that draws the section; it receives {@link #model} as
	 * {@code section}.
	 */
	String fragment();

	/** What the section shows for one provider or service. */
	Map<String, Object> model(Subject subject, UUID id);

}
