package org.carecycle.identity;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What happens around a sign-in and a sign-out: throttling, the messages on the sign-in
 * page, recording the sign-in, sending someone with a temporary password to choose their
 * own.
 */
@Component
class SignInHandlers {

	/** Session attribute holding the email address last typed, to show it again. */
	static final String ENTERED_EMAIL = "carecycle.signIn.email";

	static final String SIGN_IN = "/sign-in";

	/** Request attribute set when the throttle counted this request's password check. */
	private static final String RESERVED = "carecycle.signIn.reserved";

	private final SignInThrottle throttle;

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final Clock clock;

	private final SecondFactors secondFactors;

	private final SecurityContextRepository contextRepository = new HttpSessionSecurityContextRepository();

	/**
	 * The page to return to is kept in a cookie, not the session (issue 20, finding 7).
	 */
	private final RequestCache requestCache = new org.springframework.security.web.savedrequest.CookieRequestCache();

	private final ObjectProvider<WebInvocationPrivilegeEvaluator> access;

	SignInHandlers(SignInThrottle throttle, JdbcClient jdbc, AuditLog auditLog, Clock clock,
			SecondFactors secondFactors, ObjectProvider<WebInvocationPrivilegeEvaluator> access) {
		this.access = access;
		this.throttle = throttle;
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.clock = clock;
		this.secondFactors = secondFactors;
	}

	/**
	 * Whether a password sign-in needs the second step: for everyone who has set up a
	 * second factor, and for the roles that must have one.
	 */
	boolean needsSecondFactor(AccountUserDetails details) {
		return SecondFactors.isRequiredFor(details.user().role()) || this.secondFactors.isSetUp(details.user().id());
	}

	/**
	 * After the right password, for someone who needs the second step: the session holds
	 * a {@link SecondFactorPending} authentication, which opens no page but that step's.
	 */
	private void askForSecondFactor(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication, AccountUserDetails details) throws IOException {
		SecondFactorPending pending = new SecondFactorPending(details,
				!this.secondFactors.isSetUp(details.user().id()));
		pending.setDetails(authentication.getDetails());
		saveContext(pending, request, response);
		response.sendRedirect(request.getContextPath() + pending.nextStep());
	}

	/**
	 * Completes a sign-in after the second step: the full authentication replaces the
	 * pending one under a new session id, and the sign-in is recorded.
	 * @return where the person goes next
	 */
	String completeSignIn(SecondFactorPending pending, String how, HttpServletRequest request,
			HttpServletResponse response) {
		AccountUserDetails details = pending.account();
		var full = UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities());
		full.setDetails(pending.getDetails());
		request.changeSessionId();
		saveContext(full, request, response);
		SignedInUser user = details.user();
		this.throttle.succeeded(user.email(), request.getRemoteAddr());
		recordSignedIn(user);
		this.auditLog.recordSignIn(AuditAction.SIGNED_IN, user.id(), user.displayName() + " (" + user.email() + ")",
				user.role().name(), how);
		if (details.mustChangePassword()) {
			return "/account/password";
		}
		SavedRequest saved = this.requestCache.getRequest(request, response);
		if (saved != null) {
			this.requestCache.removeRequest(request, response);
			if (mayOpen(saved, full, request)) {
				return saved.getRedirectUrl();
			}
		}
		return "/";
	}

	/**
	 * Whether the page someone asked for before signing in is one they may open now: a
	 * page their role cannot open (or one that no role can, such as an address they
	 * guessed) would greet a correct password with a refusal, so they go to their home
	 * page instead.
	 */
	private boolean mayOpen(SavedRequest saved, Authentication authentication, HttpServletRequest request) {
		WebInvocationPrivilegeEvaluator evaluator = this.access.getIfAvailable();
		if (evaluator == null) {
			return false;
		}
		try {
			String path = java.net.URI.create(saved.getRedirectUrl()).getRawPath();
			String contextPath = request.getContextPath();
			if (path == null || !path.startsWith(contextPath)) {
				return false;
			}
			String page = path.substring(contextPath.length());
			return page.startsWith("/") && evaluator.isAllowed(contextPath, page, "GET", authentication);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/** Ends a pending sign-in: the person starts again at the sign-in page. */
	void abandon(HttpServletRequest request, HttpServletResponse response) {
		saveContext(null, request, response);
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
	}

	private void saveContext(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		this.contextRepository.saveContext(context, request, response);
	}

	private void recordSignedIn(SignedInUser user) {
		this.jdbc.sql("update app_user set last_signed_in_at = :now where id = :id")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("id", user.id())
			.update();
	}

	SavedRequestAwareAuthenticationSuccessHandler success(RequestCache pagesToReturnTo) {
		SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler() {

			@Override
			public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
					Authentication authentication) throws ServletException, IOException {
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.removeAttribute(ENTERED_EMAIL);
				}
				if (authentication.getPrincipal() instanceof AccountUserDetails details && needsSecondFactor(details)) {
					if (request.getAttribute(RESERVED) != null) {
						SignInHandlers.this.throttle.passwordRight(request.getRemoteAddr());
					}
					askForSecondFactor(request, response, authentication, details);
					return;
				}
				if (authentication.getPrincipal() instanceof AccountPrincipal principal) {
					if (request.getAttribute(RESERVED) != null) {
						SignInHandlers.this.throttle.succeeded(principal.user().email(), request.getRemoteAddr());
					}
					recordSignedIn(principal.user());
				}
				if (authentication.getPrincipal() instanceof AccountUserDetails details
						&& details.mustChangePassword()) {
					getRedirectStrategy().sendRedirect(request, response, "/account/password");
					return;
				}
				SavedRequest saved = pagesToReturnTo.getRequest(request, response);
				if (saved != null && !mayOpen(saved, authentication, request)) {
					pagesToReturnTo.removeRequest(request, response);
					clearAuthenticationAttributes(request);
					getRedirectStrategy().sendRedirect(request, response, "/");
					return;
				}
				super.onAuthenticationSuccess(request, response, authentication);
			}

		};
		handler.setRequestCache(pagesToReturnTo);
		return handler;
	}

	AuthenticationFailureHandler failure() {
		return (request, response, exception) -> {
			String code = failureCode(request, exception);
			rememberEmail(request);
			response.sendRedirect(request.getContextPath() + SIGN_IN + "?error=" + code);
		};
	}

	private static String failureCode(HttpServletRequest request, AuthenticationException exception) {
		if (exception instanceof OAuth2AuthenticationException) {
			return "no-account";
		}
		boolean noEmail = !StringUtils.hasText(request.getParameter("email"));
		boolean noPassword = !StringUtils.hasText(request.getParameter("password"));
		if (noEmail && noPassword) {
			return "blank";
		}
		if (noEmail) {
			return "blank-email";
		}
		if (noPassword) {
			return "blank-password";
		}
		return "details";
	}

	private static void rememberEmail(HttpServletRequest request) {
		String email = request.getParameter("email");
		if (email != null && email.length() <= 254) {
			request.getSession().setAttribute(ENTERED_EMAIL, email);
		}
	}

	/**
	 * Counts a sign-in attempt before its password is checked, and refuses it once the
	 * throttle's limit is reached. An attempt with a blank field checks no password, so
	 * it is not counted.
	 */
	OncePerRequestFilter throttleFilter() {
		return new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				boolean signIn = HttpMethod.POST.matches(request.getMethod())
						&& (request.getContextPath() + SIGN_IN).equals(request.getRequestURI());
				String email = request.getParameter("email");
				boolean checksAPassword = signIn && StringUtils.hasText(email)
						&& StringUtils.hasText(request.getParameter("password"));
				if (checksAPassword) {
					request.setAttribute(RESERVED, Boolean.TRUE);
				}
				if (checksAPassword && !SignInHandlers.this.throttle.reserve(email, request.getRemoteAddr())) {
					SignInHandlers.this.auditLog.recordSignIn(AuditAction.SIGN_IN_FAILED, null,
							StringUtils.hasText(email) ? email.strip() : "(no email address)", null,
							"Refused: too many failed sign-ins");
					rememberEmail(request);
					response.sendRedirect(request.getContextPath() + SIGN_IN + "?error=locked");
					return;
				}
				chain.doFilter(request, response);
			}

		};
	}

	/**
	 * Records the sign-out, then takes the security context out of the session before it
	 * is invalidated, so that the end of the session is not recorded a second time as a
	 * timeout.
	 */
	LogoutHandler recordSignOut() {
		return (request, response, authentication) -> {
			if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal) {
				boolean timedOut = "timeout".equals(request.getParameter("reason"));
				SignedInUser user = principal.user();
				this.auditLog.recordSignIn(AuditAction.SIGNED_OUT, user.id(),
						user.displayName() + " (" + user.email() + ")", user.role().name(),
						timedOut ? "Signed out after a period of inactivity" : "Signed out");
			}
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
			}
		};
	}

	LogoutSuccessHandler signedOut() {
		return (request, response, authentication) -> {
			String reason = "timeout".equals(request.getParameter("reason")) ? "timeout" : "signed-out";
			response.sendRedirect(request.getContextPath() + SIGN_IN + "?" + reason);
		};
	}

}
