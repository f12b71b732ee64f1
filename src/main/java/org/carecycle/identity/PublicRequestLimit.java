package org.carecycle.identity;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.carecycle.shared.RateLimiter;
import org.carecycle.shared.RateLimits;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits how fast a client that is not signed in may ask for pages: the public directory
 * and its searches, the home page, the public form, the sign-in form and anything else
 * anyone can reach. Each client address has its own allowance
 * ({@link RateLimits#publicBurst()} at once, then {@link RateLimits#publicPerSecond()});
 * beyond it the answer is 429 with {@code Retry-After} and the "too many requests" page.
 * Static files cost no database work and are never counted; nor are signed-in people,
 * whose sessions are limited by their accounts.
 */
final class PublicRequestLimit extends OncePerRequestFilter {

	/** Files served from the class path: no database work, and many per page. */
	private static final List<String> STATIC_FILES = List.of("/css/", "/js/", "/images/", "/webjars/", "/assets/",
			"/favicon.");

	private final RateLimiter limiter;

	private final RateLimits limits;

	PublicRequestLimit(RateLimits limits, Clock clock) {
		this.limits = limits;
		this.limiter = limits.publicLimiter(clock);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String address = request.getRemoteAddr();
		if (isStaticFile(request) || isSignedIn() || this.limits.isUnlimited(address)) {
			chain.doFilter(request, response);
			return;
		}
		RateLimiter.Decision decision = this.limiter.acquire(RateLimiter.clientKey(address));
		if (!decision.allowed()) {
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(decision.retryAfterSeconds()));
			response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean isStaticFile(HttpServletRequest request) {
		// the decoded, normalised path the request is served from, not the raw address
		String path = request.getServletPath() + ((request.getPathInfo() != null) ? request.getPathInfo() : "");
		for (String prefix : STATIC_FILES) {
			if (path.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isSignedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}

}
