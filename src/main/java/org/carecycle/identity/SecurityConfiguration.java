package org.carecycle.identity;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.carecycle.shared.RateLimits;
import org.carecycle.web.AccessRule;
import org.carecycle.web.PublicPages;
import org.carecycle.web.Section;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Who may open what. Public pages and sections are declared by the modules that own them
 * ({@link PublicPages}, {@link Section}); anything else is refused, so a page that nobody
 * thought about is closed rather than open.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OidcProperties.class)
class SecurityConfiguration {

	/** No inline script or style anywhere: GOV.UK Frontend needs neither. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, List<Section> sections, List<AccessRule> rules,
			List<PublicPages> publicPages, SignInHandlers signIn, SessionRegistry sessionRegistry, OidcProperties oidc,
			ObjectProvider<ClientRegistrationRepository> clientRegistrations, UserAccounts accounts, RateLimits limits,
			Clock clock) throws Exception {
		http.authorizeHttpRequests(requests -> authorise(requests, sections, rules, publicPages));
		RequestCache pagesToReturnTo = pagesToReturnTo();
		// after the headers, so that a refusal carries them too; before sign-in, so that
		// a flood of sign-in attempts is refused before it reaches the database
		http.addFilterAfter(new PublicRequestLimit(limits, clock), HeaderWriterFilter.class);
		http.formLogin(form -> form.loginPage(SignInHandlers.SIGN_IN)
			.loginProcessingUrl(SignInHandlers.SIGN_IN)
			.usernameParameter("email")
			.passwordParameter("password")
			.successHandler(signIn.success(pagesToReturnTo))
			.failureHandler(signIn.failure())
			.permitAll());
		http.addFilterBefore(signIn.throttleFilter(), UsernamePasswordAuthenticationFilter.class);
		http.logout(logout -> logout.logoutUrl("/sign-out")
			.addLogoutHandler(signIn.recordSignOut())
			.logoutSuccessHandler(signIn.signedOut()));
		http.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId())
			.maximumSessions(-1)
			.sessionRegistry(sessionRegistry)
			.expiredUrl(SignInHandlers.SIGN_IN + "?ended"));
		http.exceptionHandling(exceptions -> exceptions.accessDeniedHandler(accessDeniedHandler()));
		http.requestCache(cache -> cache.requestCache(pagesToReturnTo));
		http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
			.frameOptions(frames -> frames.deny()));
		if (oidc.enabled()) {
			if (clientRegistrations.getIfAvailable() == null) {
				throw new IllegalStateException("carecycle.oidc.enabled is true but no client is configured: set "
						+ "spring.security.oauth2.client.registration." + oidc.registrationId() + ".* (see README)");
			}
			http.oauth2Login(login -> login.loginPage(SignInHandlers.SIGN_IN)
				.userInfoEndpoint(userInfo -> userInfo.oidcUserService(new OidcSignIn(accounts)))
				.successHandler(signIn.success(pagesToReturnTo))
				.failureHandler(signIn.failure()));
		}
		return http.build();
	}

	private static void authorise(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
			List<Section> sections, List<AccessRule> rules, List<PublicPages> publicPages) {
		// after the password, before the second factor: only that step's page (ADR 0023)
		requests.requestMatchers(SecondFactorController.CODE).hasAuthority(SecondFactorPending.ENTER_CODE);
		requests.requestMatchers(SecondFactorController.SET_UP).hasAuthority(SecondFactorPending.SET_UP);
		for (AccessRule rule : rules) {
			requests.requestMatchers(rule.pattern()).hasAnyAuthority(authorities(rule.roles()));
		}
		for (PublicPages pages : publicPages) {
			requests.requestMatchers(pages.patterns().toArray(String[]::new)).permitAll();
		}
		requests.requestMatchers(SignInHandlers.SIGN_IN, "/oauth2/**", "/login/oauth2/**").permitAll();
		// the addresses people guess for signing in and for their home page, sent on
		requests.requestMatchers(SignInAddresses.SIGN_IN).permitAll();
		requests.requestMatchers(SignInAddresses.HOME).permitAll();
		// any role, so not someone still at the second sign-in step
		requests.requestMatchers("/account", "/account/**", "/session/**")
			.hasAnyAuthority(authorities(java.util.EnumSet.allOf(org.carecycle.shared.Role.class)));
		for (Section section : sections) {
			requests.requestMatchers(section.path(), section.path() + "/**")
				.hasAnyAuthority(authorities(section.roles()));
		}
		requests.anyRequest().denyAll();
	}

	private static String[] authorities(java.util.Set<org.carecycle.shared.Role> roles) {
		return roles.stream().map(org.carecycle.shared.Role::authority).toArray(String[]::new);
	}

	/**
	 * A form posted after the session ended fails its CSRF check; that is a timeout, not
	 * a lack of access, so send the person to sign in again with a message that says so.
	 */
	private static AccessDeniedHandler accessDeniedHandler() {
		AccessDeniedHandlerImpl forbidden = new AccessDeniedHandlerImpl();
		return (request, response, exception) -> {
			if (SecurityContextHolder.getContext().getAuthentication() instanceof SecondFactorPending pending
					&& !(exception instanceof CsrfException)) {
				response.sendRedirect(request.getContextPath() + pending.nextStep());
				return;
			}
			if (exception instanceof CsrfException) {
				boolean signInPage = request.getRequestURI().equals(request.getContextPath() + SignInHandlers.SIGN_IN);
				boolean sessionEnded = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
				if (signInPage) {
					response.sendRedirect(request.getContextPath() + SignInHandlers.SIGN_IN + "?error=expired");
					return;
				}
				if (sessionEnded) {
					response.sendRedirect(request.getContextPath() + SignInHandlers.SIGN_IN + "?timeout");
					return;
				}
			}
			forbidden.handle(request, response, exception);
		};
	}

	/**
	 * After signing in, people return to the page they asked for: only a page (a GET that
	 * accepts HTML), never a script, an image, or something a browser fetched on its own.
	 * The page is remembered in a short-lived cookie rather than a session, so that
	 * somebody (or some scanner) asking for pages they may not open costs the server no
	 * session; a session starts with the sign-in form.
	 */
	private static RequestCache pagesToReturnTo() {
		MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
		html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
		CookieRequestCache cache = new CookieRequestCache();
		cache.setRequestMatcher(
				new AndRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/**"), html,
						new NegatedRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/.well-known/**")),
						new NegatedRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/session/**"))));
		return cache;
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	SessionRegistry sessionRegistry() {
		return new SessionRegistryImpl();
	}

	/** Tells the session registry, and the audit log, when a session ends. */
	@Bean
	static HttpSessionEventPublisher httpSessionEventPublisher() {
		return new HttpSessionEventPublisher();
	}

	@Bean
	AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
		return new DefaultAuthenticationEventPublisher(publisher);
	}

}
