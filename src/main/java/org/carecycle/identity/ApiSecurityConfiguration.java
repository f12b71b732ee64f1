package org.carecycle.identity;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.carecycle.shared.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
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
 * 9457) in JSON, never a sign-in page.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

	static final String API = "/api/**";

	@Bean
	@Order(1)
	SecurityFilterChain apiFilterChain(HttpSecurity http, ApiTokens tokens) throws Exception {
		http.securityMatcher(API);
		http.authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(Role.PROVIDER.authority()));
		http.csrf(csrf -> csrf.disable());
		http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		http.securityContext(
				context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()));
		http.requestCache(cache -> cache.disable());
		http.addFilterBefore(new BearerTokenFilter(tokens), AuthorizationFilter.class);
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

	/** Authenticates a request by its bearer token; a wrong token is refused at once. */
	static final class BearerTokenFilter extends OncePerRequestFilter {

		private final ApiTokens tokens;

		BearerTokenFilter(ApiTokens tokens) {
			this.tokens = tokens;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String header = request.getHeader("Authorization");
			if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
				var user = this.tokens.authenticate(header.substring(7).strip());
				if (user.isEmpty()) {
					problem(response, 401, "Unauthorized", "This API token is not valid, or has been revoked.");
					return;
				}
				SecurityContext context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(new TokenAuthentication(new TokenPrincipal(user.get())));
				SecurityContextHolder.setContext(context);
			}
			// the context is cleared by the chain's own holder filter once the request is
			// done
			chain.doFilter(request, response);
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
