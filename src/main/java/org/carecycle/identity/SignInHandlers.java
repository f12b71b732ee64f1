package org.carecycle.identity;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.RequestCache;
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

	private final SignInThrottle throttle;

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final Clock clock;

	SignInHandlers(SignInThrottle throttle, JdbcClient jdbc, AuditLog auditLog, Clock clock) {
		this.throttle = throttle;
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.clock = clock;
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
				if (authentication.getPrincipal() instanceof AccountPrincipal principal) {
					SignInHandlers.this.throttle.succeeded(principal.user().email());
					SignInHandlers.this.jdbc.sql("update app_user set last_signed_in_at = :now where id = :id")
						.param("now", Timestamp.from(SignInHandlers.this.clock.instant()))
						.param("id", principal.user().id())
						.update();
				}
				if (authentication.getPrincipal() instanceof AccountUserDetails details
						&& details.mustChangePassword()) {
					getRedirectStrategy().sendRedirect(request, response, "/account/password");
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
			if ("details".equals(code)) {
				this.throttle.failed(request.getParameter("email"), request.getRemoteAddr());
			}
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

	/** Refuses a sign-in attempt, before any password is checked, while throttled. */
	OncePerRequestFilter throttleFilter() {
		return new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				boolean signIn = HttpMethod.POST.matches(request.getMethod())
						&& (request.getContextPath() + SIGN_IN).equals(request.getRequestURI());
				String email = request.getParameter("email");
				if (signIn && SignInHandlers.this.throttle.isBlocked(email, request.getRemoteAddr())) {
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
