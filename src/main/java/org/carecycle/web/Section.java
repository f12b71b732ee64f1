package org.carecycle.web;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.carecycle.shared.Role;

/**
 * A part of the service that a module contributes: an entry in the service navigation and
 * the rule for who may open it. A module declares its sections as beans, so adding a
 * module adds its pages to the navigation and to the access rules without touching
 * anything else.
 *
 * @param messageKey key of the navigation label in the messages (messages/*.properties)
 * @param path where the section starts; everything under it has the same access rule
 * @param roles who may open the section (and who sees it in the navigation)
 * @param order position in the navigation, lowest first
 * @param inNavigation whether the section appears in the service navigation
 */
public record Section(String messageKey, String path, Set<Role> roles, int order, boolean inNavigation) {

	public Section {
		Objects.requireNonNull(messageKey, "messageKey");
		if (path == null || !path.startsWith("/") || path.endsWith("/")) {
			throw new IllegalArgumentException("A section path starts with / and does not end with one: " + path);
		}
		roles = Set.copyOf(roles);
	}

	/** A section shown in the navigation to the given roles. */
	public static Section of(String messageKey, String path, int order, Role... roles) {
		return new Section(messageKey, path, EnumSet.of(roles[0], roles), order, true);
	}

	/** A section shown in the navigation to every member of council staff. */
	public static Section forCouncilStaff(String messageKey, String path, int order) {
		return new Section(messageKey, path, Role.councilStaff(), order, true);
	}

	/**
	 * The same section, kept out of the navigation (reached by links from other pages).
	 */
	public Section hidden() {
		return new Section(this.messageKey, this.path, this.roles, this.order, false);
	}

	public boolean isOpenTo(Role role) {
		return this.roles.contains(role);
	}

	/** Whether a request path belongs to this section. */
	public boolean contains(String requestPath) {
		return requestPath.equals(this.path) || requestPath.startsWith(this.path + "/");
	}

}
