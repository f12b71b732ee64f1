package org.carecycle.web;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.carecycle.shared.Role;

/**
 * A narrower rule inside a {@link Section}: pages that only some of the section's roles
 * may open, such as the pages that change the register. Rules are checked before
 * sections, so a section can be open to all staff while its editing pages are open to a
 * few.
 *
 * @param pattern a path pattern such as {@code /providers/*}{@code /edit}
 * @param roles who may open the matching pages
 */
public record AccessRule(String pattern, Set<Role> roles) {

	public AccessRule {
		Objects.requireNonNull(pattern, "pattern");
		roles = Set.copyOf(roles);
	}

	public static AccessRule of(String pattern, Role first, Role... more) {
		return new AccessRule(pattern, EnumSet.of(first, more));
	}

}
