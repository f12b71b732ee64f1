package org.carecycle.identity;

import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;

/** The sign-in page. Spring Security handles the form it posts. */
@Controller
class SignInController {

	/** The errors the sign-in page knows how to explain. */
	private static final Set<String> ERRORS = Set.of("blank", "blank-email", "blank-password", "details", "locked",
			"no-account", "expired");

	private final CurrentUser currentUser;

	private final OidcProperties oidc;

	private final ObjectProvider<DemoAccounts> demoAccounts;

	SignInController(CurrentUser currentUser, OidcProperties oidc, ObjectProvider<DemoAccounts> demoAccounts) {
		this.currentUser = currentUser;
		this.oidc = oidc;
		this.demoAccounts = demoAccounts;
	}

	@GetMapping(SignInHandlers.SIGN_IN)
	String signIn(@RequestParam Optional<String> error, WebRequest request, HttpSession session, Model model) {
		if (this.currentUser.get().isPresent()) {
			return "redirect:/";
		}
		Object entered = session.getAttribute(SignInHandlers.ENTERED_EMAIL);
		SignInForm form = new SignInForm((entered instanceof String text) ? text : "", "");
		DirectFieldBindingResult errors = new DirectFieldBindingResult(form, "form");
		String code = error.filter(ERRORS::contains).orElse("");
		switch (code) {
			case "blank" -> {
				errors.rejectValue("email", "signIn.error.email.blank");
				errors.rejectValue("password", "signIn.error.password.blank");
			}
			case "blank-email" -> errors.rejectValue("email", "signIn.error.email.blank");
			case "blank-password" -> errors.rejectValue("password", "signIn.error.password.blank");
			case "details" -> errors.rejectValue("email", "signIn.error.details");
			case "locked" -> errors.rejectValue("email", "signIn.error.locked");
			case "no-account" -> errors.reject("signIn.error.noAccount");
			case "expired" -> errors.rejectValue("email", "signIn.error.expired");
			default -> {
			}
		}
		model.addAttribute("signedOut", request.getParameterMap().containsKey("signed-out"));
		model.addAttribute("timedOut", request.getParameterMap().containsKey("timeout"));
		model.addAttribute("ended", request.getParameterMap().containsKey("ended"));
		model.addAttribute("form", form);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
		model.addAttribute("pageHasErrors", errors.hasErrors());
		model.addAttribute("singleSignOnPath", this.oidc.enabled() ? this.oidc.authorizationPath() : null);
		model.addAttribute("demo", this.demoAccounts.getIfAvailable());
		return "identity/sign-in";
	}

	/**
	 * The sign-in form, for drawing it again with what was typed.
	 *
	 * @param email the email address typed
	 * @param password always empty: a password is never sent back
	 */
	record SignInForm(String email, String password) {
	}

}
