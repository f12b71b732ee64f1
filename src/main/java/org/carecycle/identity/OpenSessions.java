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
		endAllBut(accountId, null);
	}

	/**
	 * Ends every open session of the account except the one given, as when someone
	 * changes their own password and stays signed in where they did it.
	 * @return how many sessions were ended
	 */
	int endAllBut(UUID accountId, String keptSessionId) {
		int ended = 0;
		for (Object principal : this.registry.getAllPrincipals()) {
			if (principal instanceof AccountPrincipal account && account.user().id().equals(accountId)) {
				for (SessionInformation session : this.registry.getAllSessions(principal, false)) {
					if (!session.getSessionId().equals(keptSessionId)) {
						session.expireNow();
						ended++;
					}
				}
			}
		}
		return ended;
	}

}
