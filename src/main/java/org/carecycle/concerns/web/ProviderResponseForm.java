package org.carecycle.concerns.web;

import org.springframework.web.multipart.MultipartFile;

/** A provider's answer to the council, as typed, with any document attached. */
public class ProviderResponseForm {

	private String response;

	private MultipartFile document;

	public String getResponse() {
		return this.response;
	}

	public void setResponse(String response) {
		this.response = response;
	}

	public MultipartFile getDocument() {
		return this.document;
	}

	public void setDocument(MultipartFile document) {
		this.document = document;
	}

}
