package org.carecycle.identity;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The second sign-in step (a code from an authenticator app, or a recovery code), setting
 * it up, and managing it from the account page (ADR 0023).
 */
@Controller
class SecondFactorController {

	static final String CODE = "/sign-in/code";

	static final String SET_UP = "/sign-in/set-up";

	static final String ACCOUNT = "/account/second-factor";

	/** Session attribute: the key being set up, until the person confirms a code. */
	private static final String NEW_KEY = "carecycle.secondFactor.newKey";

	private static final String ISSUER = "CareCycle";

	private final SecondFactors secondFactors;

	private final SignInHandlers signIn;

	private final SignInThrottle throttle;

	private final CurrentUser currentUser;

	private final ObjectProvider<DemoAccounts> demoAccounts;

	SecondFactorController(SecondFactors secondFactors, SignInHandlers signIn, SignInThrottle throttle,
			CurrentUser currentUser, ObjectProvider<DemoAccounts> demoAccounts) {
		this.secondFactors = secondFactors;
		this.signIn = signIn;
		this.throttle = throttle;
		this.currentUser = currentUser;
		this.demoAccounts = demoAccounts;
	}

	// --- The second step of a password sign-in ---------------------------------------

	@GetMapping(CODE)
	String codeForm(Model model) {
		model.addAttribute("form", new CodeForm(""));
		return codePage(model);
	}

	@PostMapping(CODE)
	String enterCode(@ModelAttribute("form") CodeForm form, BindingResult errors, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		SecondFactorPending pending = pending();
		SignedInUser user = pending.account().user();
		if (!StringUtils.hasText(form.code())) {
			errors.rejectValue("code", "secondFactor.error.code.blank");
			return codePage(model);
		}
		// Counted before the code is checked, atomically, as a password is (issue 20).
		if (!this.throttle.reserve(user.email(), request.getRemoteAddr())) {
			return locked(request, response);
		}
		SecondFactors.Outcome outcome = this.secondFactors.check(user, form.code());
		switch (outcome) {
			case ACCEPTED -> {
				return "redirect:" + this.signIn.completeSignIn(pending,
						"Signed in with a password and an authenticator app code", request, response);
			}
			case RECOVERY_CODE_USED -> {
				this.signIn.completeSignIn(pending, "Signed in with a password and a recovery code", request, response);
				redirect.addFlashAttribute("recoveryCodeUsed", this.secondFactors.recoveryCodesLeft(user.id()));
				return "redirect:" + ACCOUNT;
			}
			default -> {
				errors.rejectValue("code", (outcome == SecondFactors.Outcome.ALREADY_USED)
						? "secondFactor.error.code.used" : "secondFactor.error.code.wrong");
				return codePage(model);
			}
		}
	}

	@GetMapping(SET_UP)
	String setUpAtSignIn(Model model, HttpSession session) {
		model.addAttribute("form", new CodeForm(""));
		return setUpPage(pending().account().user(), SET_UP, true, model, session);
	}

	@PostMapping(SET_UP)
	String confirmSetUpAtSignIn(@ModelAttribute("form") CodeForm form, BindingResult errors, Model model,
			HttpSession session, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		SecondFactorPending pending = pending();
		SignedInUser user = pending.account().user();
		if (!this.throttle.reserve(user.email(), request.getRemoteAddr())) {
			return locked(request, response);
		}
		Optional<List<String>> codes = confirm(user, form, errors, session, request);
		if (codes.isEmpty()) {
			return setUpPage(user, SET_UP, true, model, session);
		}
		this.signIn.completeSignIn(pending, "Signed in with a password and set up an authenticator app", request,
				response);
		redirect.addFlashAttribute("recoveryCodes", codes.get());
		return "redirect:" + ACCOUNT + "/recovery-codes";
	}

	// --- The account page ------------------------------------------------------------

	@GetMapping(ACCOUNT)
	String status(Model model) {
		SignedInUser user = this.currentUser.require();
		model.addAttribute("setUp", this.secondFactors.isSetUp(user.id()));
		model.addAttribute("required", SecondFactors.isRequiredFor(user.role()));
		model.addAttribute("singleSignOn", !(principal() instanceof AccountUserDetails));
		model.addAttribute("recoveryCodesLeft", this.secondFactors.recoveryCodesLeft(user.id()));
		return "identity/second-factor";
	}

	@GetMapping(ACCOUNT + "/set-up")
	String setUpFromAccount(Model model, HttpSession session) {
		SignedInUser user = this.currentUser.require();
		if (this.secondFactors.isSetUp(user.id())) {
			return "redirect:" + ACCOUNT;
		}
		model.addAttribute("form", new CodeForm(""));
		return setUpPage(user, ACCOUNT + "/set-up", false, model, session);
	}

	@PostMapping(ACCOUNT + "/set-up")
	String confirmSetUpFromAccount(@ModelAttribute("form") CodeForm form, BindingResult errors, Model model,
			HttpSession session, HttpServletRequest request, RedirectAttributes redirect) {
		SignedInUser user = this.currentUser.require();
		if (this.secondFactors.isSetUp(user.id())) {
			return "redirect:" + ACCOUNT;
		}
		Optional<List<String>> codes = confirm(user, form, errors, session, request);
		if (codes.isEmpty()) {
			return setUpPage(user, ACCOUNT + "/set-up", false, model, session);
		}
		redirect.addFlashAttribute("recoveryCodes", codes.get());
		return "redirect:" + ACCOUNT + "/recovery-codes";
	}

	/** The new recovery codes, shown once, straight after they are made. */
	@GetMapping(ACCOUNT + "/recovery-codes")
	String recoveryCodes(Model model) {
		this.currentUser.require();
		if (!model.containsAttribute("recoveryCodes")) {
			return "redirect:" + ACCOUNT;
		}
		return "identity/recovery-codes";
	}

	@PostMapping(ACCOUNT + "/recovery-codes")
	String newRecoveryCodes(RedirectAttributes redirect) {
		SignedInUser user = this.currentUser.require();
		if (!this.secondFactors.isSetUp(user.id())) {
			return "redirect:" + ACCOUNT;
		}
		redirect.addFlashAttribute("recoveryCodes", this.secondFactors.replaceRecoveryCodes(user));
		return "redirect:" + ACCOUNT + "/recovery-codes";
	}

	@GetMapping(ACCOUNT + "/turn-off")
	String confirmTurnOff() {
		SignedInUser user = this.currentUser.require();
		if (SecondFactors.isRequiredFor(user.role()) || !this.secondFactors.isSetUp(user.id())) {
			return "redirect:" + ACCOUNT;
		}
		return "identity/second-factor-turn-off";
	}

	@PostMapping(ACCOUNT + "/turn-off")
	String turnOff(RedirectAttributes redirect) {
		SignedInUser user = this.currentUser.require();
		if (SecondFactors.isRequiredFor(user.role()) || !this.secondFactors.isSetUp(user.id())) {
			return "redirect:" + ACCOUNT;
		}
		this.secondFactors.turnOff(user);
		redirect.addFlashAttribute("turnedOff", true);
		return "redirect:" + ACCOUNT;
	}

	// ---------------------------------------------------------------------------------

	private Optional<List<String>> confirm(SignedInUser user, CodeForm form, BindingResult errors, HttpSession session,
			HttpServletRequest request) {
		if (!StringUtils.hasText(form.code())) {
			errors.rejectValue("code", "secondFactor.error.code.blank");
			return Optional.empty();
		}
		Optional<List<String>> codes = Optional.empty();
		if (session.getAttribute(NEW_KEY) instanceof String key) {
			codes = this.secondFactors.setUp(user, key, form.code());
		}
		if (codes.isEmpty()) {
			errors.rejectValue("code", "secondFactor.error.setUp.wrong");
			return Optional.empty();
		}
		session.removeAttribute(NEW_KEY);
		return codes;
	}

	private String setUpPage(SignedInUser user, String action, boolean atSignIn, Model model, HttpSession session) {
		String key = (session.getAttribute(NEW_KEY) instanceof String existing) ? existing
				: AuthenticatorCodes.newKey();
		session.setAttribute(NEW_KEY, key);
		model.addAttribute("key", AuthenticatorCodes.grouped(key));
		model.addAttribute("qrCode",
				AuthenticatorCodes.qrCodeImage(AuthenticatorCodes.setUpAddress(ISSUER, user.email(), key)));
		model.addAttribute("action", action);
		model.addAttribute("atSignIn", atSignIn);
		model.addAttribute("pageHasErrors", hasErrors(model));
		return "identity/second-factor-set-up";
	}

	private String codePage(Model model) {
		model.addAttribute("demo", this.demoAccounts.getIfAvailable());
		model.addAttribute("pageHasErrors", hasErrors(model));
		return "identity/second-factor-code";
	}

	private static boolean hasErrors(Model model) {
		return model.getAttribute(BindingResult.MODEL_KEY_PREFIX + "form") instanceof BindingResult result
				&& result.hasErrors();
	}

	private String locked(HttpServletRequest request, HttpServletResponse response) {
		this.signIn.abandon(request, response);
		return "redirect:" + SignInHandlers.SIGN_IN + "?error=locked";
	}

	private static SecondFactorPending pending() {
		// the security configuration lets no one else reach the second step's pages
		return (SecondFactorPending) SecurityContextHolder.getContext().getAuthentication();
	}

	private static Object principal() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null) ? authentication.getPrincipal() : null;
	}

	/**
	 * The code typed at the second step.
	 *
	 * @param code six digits from the authenticator app, or a recovery code
	 */
	record CodeForm(String code) {
	}

}
