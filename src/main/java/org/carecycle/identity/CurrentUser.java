package org.carecycle.identity;

import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The signed-in user of the current request, and the {@link ProviderScope} that every
 * read of provider-owned data must apply.
 */
@Component
public class CurrentUser {

	public Optional<SignedInUser> get() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof AccountPrincipal principal)) {
			return Optional.empty();
		}
		return Optional.of(principal.user());
	}

	public SignedInUser require() {
		return get().orElseThrow(() -> new AccessDeniedException("Sign in to continue"));
	}

	/**
	 * The scope of the signed-in user. Code that runs for nobody in particular (a
	 * scheduled job, the demo generator) sees everything; a request from a provider user
	 * never does.
	 */
	public ProviderScope scope() {
		return get().map(SignedInUser::scope).orElse(ProviderScope.everything());
	}

}
