package org.carecycle.quality.web;

import org.carecycle.web.DateInput;

/**
 * One action of a provider's action plan, as typed: for which standard, what will be
 * done, who is responsible and by when.
 *
 * @param standard the key of the standard rated below Good that the action answers
 * @param description what will be done
 * @param owner who is responsible
 * @param dueDay the day box of the due date
 * @param dueMonth the month box of the due date
 * @param dueYear the year box of the due date
 */
record ActionForm(String standard, String description, String owner, String dueDay, String dueMonth, String dueYear) {

	static ActionForm empty() {
		return new ActionForm(null, "", "", "", "", "");
	}

	DateInput due() {
		return new DateInput(orEmpty(this.dueDay), orEmpty(this.dueMonth), orEmpty(this.dueYear));
	}

	public boolean isFor(String standardKey) {
		return standardKey != null && standardKey.equals(this.standard);
	}

	private static String orEmpty(String value) {
		return (value != null) ? value : "";
	}

}
