package org.carecycle.identity;

import java.util.UUID;

import org.carecycle.shared.ProviderId;
import org.carecycle.shared.Role;

import org.springframework.security.core.userdetails.UserDetails;

/**
 * Signed-in principals for web slice tests, which have no database to sign in against.
 */
public final class TestPrincipals {

	private TestPrincipals() {
	}

	public static UserDetails of(Role role, String name) {
		ProviderId provider = (role == Role.PROVIDER) ? new ProviderId(UUID.randomUUID()) : null;
		SignedInUser user = new SignedInUser(UUID.randomUUID(), role.name().toLowerCase() + "@example.org", name, role,
				provider);
		return new AccountUserDetails(user, null, true, false);
	}

}
