package org.carecycle.identity.web;

import java.util.Arrays;
import java.util.Optional;

import org.carecycle.shared.ProviderId;
import org.carecycle.shared.Role;

/**
 * The change-role form.
 *
 * @param role the new role (a {@link Role} name)
 * @param providerId the organisation, when the new role is provider user
 */
record RoleForm(String role, String providerId) {

	Optional<Role> chosenRole() {
		return parseRole(this.role);
	}

	Optional<ProviderId> chosenProvider() {
		return parseProvider(this.providerId);
	}

	static Optional<Role> parseRole(String value) {
		return Arrays.stream(Role.values()).filter(role -> role.name().equals(value)).findFirst();
	}

	static Optional<ProviderId> parseProvider(String value) {
		try {
			return (value == null || value.isBlank()) ? Optional.empty() : Optional.of(ProviderId.of(value.strip()));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
