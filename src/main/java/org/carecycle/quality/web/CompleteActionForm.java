package org.carecycle.quality.web;

import org.carecycle.web.DateInput;

import org.springframework.web.multipart.MultipartFile;

/**
 * An action of the plan marked as done, as typed: when, what was done and, if the
 * provider has one, a document that shows it.
 */
public class CompleteActionForm {

	private String doneDay;

	private String doneMonth;

	private String doneYear;

	private String note;

	private MultipartFile document;

	DateInput done() {
		return new DateInput(orEmpty(this.doneDay), orEmpty(this.doneMonth), orEmpty(this.doneYear));
	}

	private static String orEmpty(String value) {
		return (value != null) ? value : "";
	}

	public String getDoneDay() {
		return this.doneDay;
	}

	public void setDoneDay(String doneDay) {
		this.doneDay = doneDay;
	}

	public String getDoneMonth() {
		return this.doneMonth;
	}

	public void setDoneMonth(String doneMonth) {
		this.doneMonth = doneMonth;
	}

	public String getDoneYear() {
		return this.doneYear;
	}

	public void setDoneYear(String doneYear) {
		this.doneYear = doneYear;
	}

	public String getNote() {
		return this.note;
	}

	public void setNote(String note) {
		this.note = note;
	}

	public MultipartFile getDocument() {
		return this.document;
	}

	public void setDocument(MultipartFile document) {
		this.document = document;
	}

}
