package org.carecycle.providers.web;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;

/** What the register's forms do alike. */
final class RegisterForms {

	private RegisterForms() {
	}

	/**
	 * Someone else saved the record while this person was editing it: show the form again
	 * with what is saved now, and a message that says so, rather than overwrite their
	 * change.
	 */
	static void showCurrent(Model model, Object currentForm) {
		DirectFieldBindingResult result = new DirectFieldBindingResult(currentForm, "form");
		result.reject("form.error.changedByOthers");
		model.addAttribute("form", currentForm);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
		model.addAttribute("pageHasErrors", true);
	}

}
