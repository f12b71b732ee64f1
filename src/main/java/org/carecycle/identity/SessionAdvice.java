package org.carecycle.identity;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user and the session timeout into every page, for the layout. */
@ControllerAdvice
class SessionAdvice {

	/** How long before the end of a session the warning appears. */
	static final Duration WARNING = Duration.ofMinutes(2);

	private final CurrentUser currentUser;

	private final Duration timeout;

	SessionAdvice(CurrentUser currentUser, @Value("${server.servlet.session.timeout:30m}") Duration timeout) {
		this.currentUser = currentUser;
		this.timeout = timeout;
	}

	@ModelAttribute("signedInUser")
	SignedInUser signedInUser() {
		return this.currentUser.get().orElse(null);
	}

	@ModelAttribute("sessionTimeoutSeconds")
	long sessionTimeoutSeconds() {
		return this.timeout.toSeconds();
	}

	@ModelAttribute("sessionWarningSeconds")
	long sessionWarningSeconds() {
		return Math.min(WARNING.toSeconds(), this.timeout.toSeconds() / 2);
	}

}
