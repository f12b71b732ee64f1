package org.carecycle.providers.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

import org.carecycle.shared.CqcId;
import org.carecycle.shared.Postcode;
import org.carecycle.shared.UkTime;
import org.carecycle.web.DateInput;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.util.StringUtils;
import org.springframework.validation.Errors;

/**
 * The checks the register's forms share, each rejecting a field with a GOV.UK message and
 * returning the value it read, so a controller reads a form in one pass.
 */
final class Checks {

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()-]{9,20}$");

	private static final Pattern WEBSITE = Pattern.compile("^https?://[^\\s/$.?#][^\\s]*$", Pattern.CASE_INSENSITIVE);

	private final Errors errors;

	Checks(Errors errors) {
		this.errors = errors;
	}

	static String blankToNull(String text) {
		return StringUtils.hasText(text) ? text.strip() : null;
	}

	String required(String field, String value, String blankKey, int maxLength, String longKey) {
		if (!StringUtils.hasText(value)) {
			this.errors.rejectValue(field, blankKey);
			return null;
		}
		return optional(field, value, maxLength, longKey);
	}

	String optional(String field, String value, int maxLength, String longKey) {
		String text = blankToNull(value);
		if (text != null && text.length() > maxLength) {
			this.errors.rejectValue(field, longKey);
			return null;
		}
		return text;
	}

	String email(String field, String value) {
		String text = blankToNull(value);
		if (text != null && (text.length() > 254 || !EMAIL.matcher(text).matches())) {
			this.errors.rejectValue(field, "form.error.email");
			return null;
		}
		return text;
	}

	String phone(String field, String value) {
		String text = blankToNull(value);
		if (text != null && !PHONE.matcher(text).matches()) {
			this.errors.rejectValue(field, "form.error.phone");
			return null;
		}
		return text;
	}

	String website(String field, String value) {
		String text = blankToNull(value);
		if (text != null && (text.length() > 300 || !WEBSITE.matcher(text).matches())) {
			this.errors.rejectValue(field, "form.error.website");
			return null;
		}
		return text;
	}

	CqcId cqcId(String field, String value, String example) {
		String text = blankToNull(value);
		if (text == null) {
			return null;
		}
		Optional<CqcId> id = CqcId.parse(text.toUpperCase(java.util.Locale.ROOT));
		if (id.isEmpty()) {
			this.errors.rejectValue(field, "form.error.cqcId", new Object[] { example }, null);
			return null;
		}
		return id.get();
	}

	Postcode postcode(String field, String value, boolean required) {
		String text = blankToNull(value);
		if (text == null) {
			if (required) {
				this.errors.rejectValue(field, "form.error.postcode.blank");
			}
			return null;
		}
		Optional<Postcode> postcode = Postcode.parse(text);
		if (postcode.isEmpty()) {
			this.errors.rejectValue(field, "form.error.postcode");
			return null;
		}
		return postcode.get();
	}

	/** A whole number of 0 or more, such as beds or vacancies. */
	Integer count(String field, String value, boolean required, String nameKey) {
		String text = blankToNull(value);
		Object[] name = { new DefaultMessageSourceResolvable(new String[] { nameKey + ".name", nameKey }) };
		if (text == null) {
			if (required) {
				this.errors.rejectValue(field, nameKey + ".blank");
			}
			return null;
		}
		try {
			int number = Integer.parseInt(text.replace(",", ""));
			if (number < 0) {
				this.errors.rejectValue(field, "form.error.count.negative", name, null);
				return null;
			}
			if (number > 1_000_000) {
				this.errors.rejectValue(field, "form.error.count.large", name, null);
				return null;
			}
			return number;
		}
		catch (NumberFormatException ex) {
			this.errors.rejectValue(field, "form.error.count.whole", name, null);
			return null;
		}
	}

	/**
	 * An amount in pounds, as people write it, with or without a pound sign and commas.
	 */
	BigDecimal pounds(String field, String value, String nameKey) {
		String text = blankToNull(value);
		if (text == null) {
			return null;
		}
		Object[] name = { new DefaultMessageSourceResolvable(new String[] { nameKey + ".name", nameKey }) };
		String digits = text.replace("\u00a3", "").replace(",", "").strip();
		if (!digits.matches("^[0-9]{1,12}(\\.[0-9]{1,2})?$")) {
			this.errors.rejectValue(field, "form.error.pounds", name, null);
			return null;
		}
		return new BigDecimal(digits);
	}

	/** A date from a GOV.UK date input; the error goes on the day box. */
	LocalDate date(String field, DateInput input, boolean required, String nameKey) {
		Object[] name = { new DefaultMessageSourceResolvable(new String[] { nameKey + ".name", nameKey }) };
		if (input.isBlank()) {
			if (required) {
				this.errors.rejectValue(field + "Day", nameKey + ".blank");
			}
			return null;
		}
		String problem = input.problem();
		if (problem != null) {
			this.errors.rejectValue(field + "Day", problem, name, null);
			return null;
		}
		return input.toDate();
	}

	LocalDate pastDate(String field, DateInput input, boolean required, String nameKey, Clock clock) {
		LocalDate date = date(field, input, required, nameKey);
		if (date != null && date.isAfter(UkTime.today(clock))) {
			this.errors.rejectValue(field + "Day", "date.error.future",
					new Object[] { new DefaultMessageSourceResolvable(new String[] { nameKey + ".name", nameKey }) },
					null);
			return null;
		}
		return date;
	}

	<E extends Enum<E>> E choice(String field, String value, Class<E> type, String blankKey) {
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(value)) {
				return constant;
			}
		}
		this.errors.rejectValue(field, blankKey);
		return null;
	}

}
