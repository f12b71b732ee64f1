package org.carecycle.identity;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.carecycle.shared.ProviderId;
import org.carecycle.shared.Role;

/**
 * The person using CareCycle now, as other modules see them.
 *
 * @param id the user account's id
 * @param email the email address they sign in with
 * @param displayName their name as shown on pages
 * @param role what they do
 * @param providerId the provider organisation a provider user belongs to; null for
 * council staff
 */
public record SignedInUser(UUID id, String email, String displayName, Role role, ProviderId providerId) {

	public SignedInUser {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(role, "role");
		if ((role == Role.PROVIDER) != (providerId != null)) {
			throw new IllegalArgumentException("Provider users, and only they, belong to a provider organisation");
		}
	}

	public Optional<ProviderId> provider() {
		return Optional.ofNullable(this.providerId);
	}

	/** What this user may see of provider-owned records. */
	public ProviderScope scope() {
		return (this.providerId != null) ? ProviderScope.only(this.providerId) : ProviderScope.everything();
	}

}
