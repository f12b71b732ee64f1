package org.carecycle.identity;

import java.time.Instant;
import java.util.UUID;

import org.carecycle.shared.ProviderId;
import org.carecycle.shared.Role;

/**
 * A user account as lists and pages show it.
 *
 * @param id the account's id
 * @param displayName the person's name
 * @param email the address they sign in with
 * @param role what they do
 * @param providerId their organisation, for provider users
 * @param enabled whether they may sign in
 * @param mustChangePassword whether they still have a temporary password
 * @param createdAt when the account was added
 * @param lastSignedInAt when they last signed in, if ever
 */
public record UserSummary(UUID id, String displayName, String email, Role role, ProviderId providerId, boolean enabled,
		boolean mustChangePassword, Instant createdAt, Instant lastSignedInAt) {

}
