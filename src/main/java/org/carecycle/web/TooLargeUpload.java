package org.carecycle.web;

import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

/**
 * An upload bigger than the server reads is refused before any page sees it; the browser
 * is sent back to the form it came from, which uses this to show the problem on its file
 * field as it would any other.
 */
public final class TooLargeUpload {

	/** The flash attribute set when an upload was refused for its size. */
	static final String FLASH = "uploadTooLarge";

	private TooLargeUpload() {
	}

	/**
	 * Marks {@code field} of the form in the model as too large, when the last upload was
	 * refused for its size.
	 * @param model the form page's model, holding the form as {@code formName}
	 * @param formName the form's model attribute
	 * @param field the file field
	 * @param messageKey the message saying how large a file may be
	 */
	public static void showOn(Model model, String formName, String field, String messageKey) {
		if (!Boolean.TRUE.equals(model.getAttribute(FLASH))) {
			return;
		}
		BindingResult errors = new BeanPropertyBindingResult(model.getAttribute(formName), formName);
		errors.rejectValue(field, messageKey);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + formName, errors);
	}

}
