package org.carecycle.concerns.web;

import org.carecycle.web.FormText;

import org.springframework.util.StringUtils;
import org.springframework.validation.Errors;
import org.springframework.web.multipart.MultipartFile;

/**
 * A provider's answer to the council, as typed, with any document attached.
 *
 * @param response the answer
 * @param document the document chosen, if any
 */
record ProviderResponseForm(String response, MultipartFile document) {

	static ProviderResponseForm empty() {
		return new ProviderResponseForm(null, null);
	}

	/** The cleaned answer, or null with the problem in {@code errors}. */
	String toResponse(Errors errors) {
		return FormText.check(errors, "response", this.response, true, 10_000, "providerConcerns.response");
	}

	/** Whether a file was chosen (a browser may send an empty part with no name). */
	boolean hasDocument() {
		return this.document != null
				&& !(this.document.isEmpty() && !StringUtils.hasText(this.document.getOriginalFilename()));
	}

}
