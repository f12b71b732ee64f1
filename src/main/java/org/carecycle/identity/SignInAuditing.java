package org.carecycle.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.session.HttpSessionDestroyedEvent;
import org.springframework.stereotype.Component;

/** Writes every sign-in, failed sign-in and timed-out session to the audit log. */
@Component
class SignInAuditing {

	private static final Logger log = LoggerFactory.getLogger(SignInAuditing.class);

	private final AuditLog auditLog;

	private final SecondFactors secondFactors;

	SignInAuditing(AuditLog auditLog, SecondFactors secondFactors) {
		this.auditLog = auditLog;
		this.secondFactors = secondFactors;
	}

	@EventListener
	void signedIn(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof AccountPrincipal principal) {
			SignedInUser user = principal.user();
			if (principal instanceof AccountUserDetails
					&& (SecondFactors.isRequiredFor(user.role()) || this.secondFactors.isSetUp(user.id()))) {
				// the sign-in is recorded once the second step is done
				return;
			}
			String how = (principal instanceof OidcSignIn.AccountOidcUser) ? "Signed in with single sign-on"
					: "Signed in with a password";
			this.auditLog.recordSignIn(AuditAction.SIGNED_IN, user.id(), name(user), user.role().name(), how);
		}
	}

	@EventListener
	void signInFailed(AbstractAuthenticationFailureEvent event) {
		String attempted = event.getAuthentication().getName();
		this.auditLog.recordSignIn(AuditAction.SIGN_IN_FAILED, null,
				(attempted == null || attempted.isBlank()) ? "(no email address)" : attempted, null,
				"Refused: " + event.getException().getClass().getSimpleName());
	}

	@EventListener
	void sessionEnded(HttpSessionDestroyedEvent event) {
		try {
			for (SecurityContext context : event.getSecurityContexts()) {
				if (context.getAuthentication() != null
						&& context.getAuthentication().getPrincipal() instanceof AccountPrincipal principal) {
					SignedInUser user = principal.user();
					this.auditLog.recordSignIn(AuditAction.SIGNED_OUT, user.id(), name(user), user.role().name(),
							"Session ended after a period of inactivity");
				}
			}
		}
		catch (RuntimeException ex) {
			// Sessions also end when the application stops, possibly after the database
			// has gone.
			log.debug("Could not record the end of a session", ex);
		}
	}

	private static String name(SignedInUser user) {
		return user.displayName() + " (" + user.email() + ")";
	}

}
