package org.carecycle.identity;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The addresses people type or bookmark to sign in, or to reach their home page, sent on
 * to the ones CareCycle uses: someone who types {@code /login} reaches the sign-in page,
 * and after signing in their home page, never a refusal.
 */
@Controller
class SignInAddresses {

	/** Addresses that mean "sign in". */
	static final String[] SIGN_IN = { "/login", "/log-in", "/logon", "/log-on", "/signin", "/sign-on", "/signon",
			"/sign_in", "/log_in", "/auth/login", "/user/login", "/users/sign-in", "/login.html", "/sign-in.html" };

	/** Addresses that mean "my home page". */
	static final String[] HOME = { "/home", "/dashboard", "/index", "/index.html" };

	@GetMapping({ "/login", "/log-in", "/logon", "/log-on", "/signin", "/sign-on", "/signon", "/sign_in", "/log_in",
			"/auth/login", "/user/login", "/users/sign-in", "/login.html", "/sign-in.html" })
	String signIn() {
		return "redirect:" + SignInHandlers.SIGN_IN;
	}

	@GetMapping({ "/home", "/dashboard", "/index", "/index.html" })
	String home() {
		return "redirect:/";
	}

}
