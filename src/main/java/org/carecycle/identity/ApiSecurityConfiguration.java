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
import org.carecycle.shared.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API ({@code /api/**}) for providers' own systems: a bearer token on every request
 * ({@link ApiTokens}), no session, no cookies and so no CSRF to guard against. A
 * signed-in browser session does not open the API. Refusals are problem details (RFC
 * 9457) in JSON, never a sign-in page; so is 429 when a token sends too many requests, or
 * an address too many wrong tokens.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

	static final String API = "/api/**";

	@Bean
	@Order(1)
	SecurityFilterChain apiFilterChain(HttpSecurity http, ApiTokens tokens, RateLimits limits, Clock clock)
			throws Exception {
		http.securityMatcher(API);
		http.authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(Role.PROVIDER.authority()));
		http.csrf(csrf -> csrf.disable());
		http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		http.securityContext(
				context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()));
		http.requestCache(cache -> cache.disable());
		http.addFilterBefore(new BearerTokenFilter(tokens, limits, clock), AuthorizationFilter.class);
		http.exceptionHandling(exceptions -> exceptions
			.authenticationEntryPoint((request, response, exception) -> problem(response, 401, "Unauthorized",
					"Send a valid API token in the Authorization header: Bearer cc_..."))
			.accessDeniedHandler((request, response, exception) -> problem(response, 403, "Forbidden",
					"This token may not use this part of the API.")));
		http.headers(headers -> headers
			.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
			.frameOptions(frames -> frames.deny()));
		return http.build();
	}

	/** Too many requests: 429, with the seconds to wait in {@code Retry-After}. */
	static void tooMany(HttpServletResponse response, RateLimiter.Decision decision, String detail) throws IOException {
		long seconds = decision.retryAfterSeconds();
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
		problem(response, 429, "Too Many Requests",
				detail + " Try again in " + seconds + ((seconds == 1) ? " second." : " seconds."));
	}

	static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		if (status == 401) {
			response.setHeader("WWW-Authenticate", "Bearer");
		}
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
					+ detail.replace("\"", "'") + "\"}");
	}

	/**
	 * Authenticates a request by its bearer token; a wrong token is refused at once. Each
	 * token may make {@link RateLimits#apiPerMinute()} requests a minute; a client
	 * address that sends {@link RateLimits#apiFailuresPerMinute()} wrong tokens in a
	 * minute is refused whatever it sends next, before its token is even looked up, so
	 * the API cannot be used to guess tokens nor to keep the database busy doing it.
	 */
	static final class BearerTokenFilter extends OncePerRequestFilter {

		private final ApiTokens tokens;

		private final RateLimits limits;

		private final RateLimiter perToken;

		private final RateLimiter failuresPerAddress;

		BearerTokenFilter(ApiTokens tokens, RateLimits limits, Clock clock) {
			this.tokens = tokens;
			this.limits = limits;
			this.perToken = limits.apiLimiter(clock);
			this.failuresPerAddress = limits.apiFailureLimiter(clock);
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String header = request.getHeader("Authorization");
			if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
				String secret = header.substring(7).strip();
				boolean limited = !this.limits.isUnlimited(request.getRemoteAddr());
				String address = RateLimiter.clientKey(request.getRemoteAddr());
				String token = ApiTokens.hash(secret);
				if (limited) {
					RateLimiter.Decision guessing = this.failuresPerAddress.check(address);
					if (!guessing.allowed()) {
						tooMany(response, guessing,
								"Too many requests with a token that is not valid came from this address.");
						return;
					}
					RateLimiter.Decision busy = this.perToken.check(token);
					if (!busy.allowed()) {
						tooMany(response, busy, tokenLimit());
						return;
					}
				}
				var user = this.tokens.authenticate(secret);
				if (user.isEmpty()) {
					if (limited) {
						this.failuresPerAddress.acquire(address);
					}
					problem(response, 401, "Unauthorized", "This API token is not valid, or has been revoked.");
					return;
				}
				if (limited) {
					RateLimiter.Decision busy = this.perToken.acquire(token);
					if (!busy.allowed()) {
						tooMany(response, busy, tokenLimit());
						return;
					}
				}
				SecurityContext context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(new TokenAuthentication(new TokenPrincipal(user.get())));
				SecurityContextHolder.setContext(context);
			}
			// the context is cleared by the chain's own holder filter once the request is
			// done
			chain.doFilter(request, response);
		}

		private String tokenLimit() {
			return "This token has sent more than its " + this.limits.apiPerMinute() + " requests a minute.";
		}

	}

	/** A provider's system, acting through one of the provider's tokens. */
	record TokenPrincipal(SignedInUser user) implements AccountPrincipal {
	}

	static final class TokenAuthentication extends AbstractAuthenticationToken {

		private final TokenPrincipal principal;

		TokenAuthentication(TokenPrincipal principal) {
			super(List.of(new SimpleGrantedAuthority(principal.user().role().authority())));
			this.principal = principal;
			setAuthenticated(true);
		}

		@Override
		public Object getCredentials() {
			return "";
		}

		@Override
		public Object getPrincipal() {
			return this.principal;
		}

	}

}
