package org.carecycle.identity.web;

import java.util.Optional;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.carecycle.shared.ProviderId;
import org.carecycle.shared.Role;

/**
 * The add-a-person form.
 *
 * @param displayName their full name
 * @param email the address they will sign in with
 * @param role what they do (a {@link Role} name)
 * @param providerId the organisation a provider user works for
 */
record UserForm(
		@NotBlank(message = "{user.error.name.blank}") @Size(max = 200,
				message = "{user.error.name.long}") String displayName,
		@NotBlank(message = "{user.error.email.blank}") @Size(max = 254, message = "{user.error.email.long}") @Email(
				regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "{user.error.email.format}") String email,
		String role, String providerId) {

	static UserForm empty() {
		return new UserForm("", "", null, null);
	}

	Optional<Role> chosenRole() {
		return RoleForm.parseRole(this.role);
	}

	Optional<ProviderId> chosenProvider() {
		return RoleForm.parseProvider(this.providerId);
	}

}
