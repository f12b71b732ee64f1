package org.carecycle.providers.web;

import java.util.ArrayList;
import java.util.List;

import org.carecycle.providers.ProviderContact;

import org.springframework.validation.Errors;
import org.springframework.util.StringUtils;

/**
 * The change-contacts form: up to {@link #ROWS} people, a row each. Blank rows are
 * ignored.
 *
 * @param version the version of the provider the person started from
 * @param contacts the rows
 */
record ContactsForm(Integer version, List<Row> contacts) {

	static final int ROWS = 5;

	/**
	 * One contact's fields.
	 *
	 * @param name their name
	 * @param jobTitle their job
	 * @param email their email address
	 * @param phone their telephone number
	 */
	record Row(String name, String jobTitle, String email, String phone) {

		boolean isBlank() {
			return !StringUtils.hasText(this.name) && !StringUtils.hasText(this.jobTitle)
					&& !StringUtils.hasText(this.email) && !StringUtils.hasText(this.phone);
		}

	}

	static ContactsForm of(int version, List<ProviderContact> contacts) {
		List<Row> rows = new ArrayList<>();
		contacts.forEach(c -> rows.add(new Row(c.name(), c.jobTitle(), c.email(), c.phone())));
		while (rows.size() < ROWS) {
			rows.add(new Row("", "", "", ""));
		}
		return new ContactsForm(version, rows);
	}

	/** The contacts, or null with the problems in {@code errors}. */
	List<ProviderContact> toContacts(Errors errors) {
		Checks checks = new Checks(errors);
		List<ProviderContact> result = new ArrayList<>();
		List<Row> rows = (this.contacts != null) ? this.contacts : List.of();
		if (rows.size() > ROWS) {
			errors.reject("contacts.error.tooMany");
			return null;
		}
		for (int i = 0; i < rows.size(); i++) {
			Row row = rows.get(i);
			if (row == null || row.isBlank()) {
				continue;
			}
			String prefix = "contacts[" + i + "].";
			result.add(new ProviderContact(
					checks.required(prefix + "name", row.name(), "contacts.error.name.blank", 200,
							"contacts.error.name.long"),
					checks.optional(prefix + "jobTitle", row.jobTitle(), 200, "contacts.error.job.long"),
					checks.email(prefix + "email", row.email()), checks.phone(prefix + "phone", row.phone())));
		}
		return errors.hasErrors() ? null : result;
	}

}
