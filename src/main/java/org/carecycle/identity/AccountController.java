package org.carecycle.identity;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in person's own account: their details and their password. */
@Controller
class AccountController {

	private final CurrentUser currentUser;

	private final UserAdministration administration;

	private final SecurityContextRepository contextRepository = new HttpSessionSecurityContextRepository();

	private final SecondFactors secondFactors;

	AccountController(CurrentUser currentUser, UserAdministration administration, SecondFactors secondFactors) {
		this.currentUser = currentUser;
		this.administration = administration;
		this.secondFactors = secondFactors;
	}

	@GetMapping("/account")
	String account(Model model) {
		SignedInUser user = this.currentUser.require();
		model.addAttribute("account", this.administration.findAccount(user.id()).orElseThrow());
		model.addAttribute("secondFactorOn", this.secondFactors.isSetUp(user.id()));
		return "identity/account";
	}

	@GetMapping("/account/password")
	String passwordForm(Model model) {
		model.addAttribute("form", new ChangePasswordForm(null, null, null));
		return passwordPage(model);
	}

	@PostMapping("/account/password")
	String changePassword(@Valid @ModelAttribute("form") ChangePasswordForm form, BindingResult errors, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		if (!errors.hasFieldErrors("newPassword") && !errors.hasFieldErrors("confirmPassword")
				&& !form.newPassword().equals(form.confirmPassword())) {
			errors.rejectValue("confirmPassword", "password.error.mismatch");
		}
		if (errors.hasErrors()) {
			return passwordPage(model);
		}
		SignedInUser user = this.currentUser.require();
		Optional<UserAdministration.PasswordChangeProblem> problem = this.administration.changeOwnPassword(user.id(),
				form.currentPassword(), form.newPassword());
		if (problem.isPresent()) {
			errors.rejectValue(problem.get().field(), problem.get().messageKey());
			return passwordPage(model);
		}
		refreshPrincipal(request, response);
		redirect.addFlashAttribute("passwordChanged", true);
		return "redirect:/account";
	}

	/**
	 * Called by the session timeout warning's "Stay signed in" button: touching the
	 * session is all it takes. (It answers with a body, not 204, which browsers report as
	 * an aborted fetch.)
	 */
	@PostMapping(path = "/session/keep-alive", produces = "text/plain")
	ResponseEntity<String> keepAlive() {
		return ResponseEntity.ok("OK");
	}

	private String passwordPage(Model model) {
		model.addAttribute("mustChange", principal().map(AccountUserDetails::mustChangePassword).orElse(false));
		return "identity/change-password";
	}

	private Optional<AccountUserDetails> principal() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof AccountUserDetails details)
				? Optional.of(details) : Optional.empty();
	}

	/**
	 * Replaces the session's principal so it no longer carries "must change password".
	 */
	private void refreshPrincipal(HttpServletRequest request, HttpServletResponse response) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		if (current != null && current.getPrincipal() instanceof AccountUserDetails details) {
			var refreshed = UsernamePasswordAuthenticationToken.authenticated(details.withPasswordChanged(), null,
					current.getAuthorities());
			refreshed.setDetails(current.getDetails());
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(refreshed);
			SecurityContextHolder.setContext(context);
			this.contextRepository.saveContext(context, request, response);
		}
	}

	/**
	 * The change-password form.
	 *
	 * @param currentPassword the password they have now
	 * @param newPassword the one they want
	 * @param confirmPassword the one they want, again
	 */
	record ChangePasswordForm(@NotBlank(message = "{password.error.current.blank}") String currentPassword,
			@NotBlank(message = "{password.error.blank}") String newPassword,
			@NotBlank(message = "{password.error.confirm.blank}") String confirmPassword) {
	}

}
