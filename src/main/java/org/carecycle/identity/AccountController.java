package org.carecycle.identity;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.carecycle.web.FormBinding;

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
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in person's own account: their details and their password. */
@Controller
class AccountController {

	private final CurrentUser currentUser;

	private final UserAdministration administration;

	private final SignInThrottle throttle;

	private final AuditLog auditLog;

	private final SecurityContextRepository contextRepository = new HttpSessionSecurityContextRepository();

	private final SecondFactors secondFactors;

	AccountController(CurrentUser currentUser, UserAdministration administration, SignInThrottle throttle,
			AuditLog auditLog, SecondFactors secondFactors) {
		this.currentUser = currentUser;
		this.administration = administration;
		this.throttle = throttle;
		this.auditLog = auditLog;
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
	String changePassword(@Valid @ModelAttribute("form") ChangePasswordForm form, BindingResult bound, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		if (!errors.hasFieldErrors("newPassword") && !errors.hasFieldErrors("confirmPassword")
				&& !form.newPassword().equals(form.confirmPassword())) {
			errors.rejectValue("confirmPassword", "password.error.mismatch");
		}
		if (errors.hasErrors()) {
			return passwordPage(model);
		}
		SignedInUser user = this.currentUser.require();
		// the current password is a password check like a sign-in: the same throttle
		// counts it before it is made, so a stolen session cannot be used to guess it
		if (!this.throttle.reserve(user.email(), request.getRemoteAddr())) {
			recordRefusal(user, "Refused a change of password: too many wrong current passwords");
			errors.rejectValue("currentPassword", "password.error.current.locked");
			return passwordPage(model);
		}
		Optional<UserAdministration.PasswordChangeProblem> problem = this.administration.changeOwnPassword(user.id(),
				form.currentPassword(), form.newPassword(), request.getSession().getId());
		boolean wrongCurrentPassword = problem.isPresent() && "currentPassword".equals(problem.get().field());
		if (wrongCurrentPassword) {
			recordRefusal(user, "Refused a change of password: the current password was wrong");
		}
		else {
			this.throttle.succeeded(user.email(), request.getRemoteAddr());
		}
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

	private void recordRefusal(SignedInUser user, String summary) {
		this.auditLog.recordSignIn(AuditAction.SIGN_IN_FAILED, user.id(),
				user.displayName() + " (" + user.email() + ")", user.role().name(), summary);
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

	@InitBinder
	void binder(WebDataBinder binder) {
		FormBinding.keepPropertyMessages(binder);
	}

}
