package org.carecycle.identity;

import java.util.UUID;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/**
 * The sessions people have open, so that disabling someone, changing their role or
 * resetting their password takes effect at their next click rather than when their
 * session times out.
 */
@Component
class OpenSessions {

	private final SessionRegistry registry;

	OpenSessions(SessionRegistry registry) {
		this.registry = registry;
	}

	void end(UUID accountId) {
		for (Object principal : this.registry.getAllPrincipals()) {
			if (principal instanceof AccountPrincipal account && account.user().id().equals(accountId)) {
				this.registry.getAllSessions(principal, false).forEach(SessionInformation::expireNow);
			}
		}
	}

}
