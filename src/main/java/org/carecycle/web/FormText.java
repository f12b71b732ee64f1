package org.carecycle.web;

import java.util.regex.Pattern;

import org.springframework.util.StringUtils;
import org.springframework.validation.Errors;

/**
 * What people type, made safe to keep: control characters (which PostgreSQL refuses, or
 * which hide text) removed, blanks made null, and lengths checked with a GOV.UK message.
 */
public final class FormText {

	/**
	 * C0 and C1 control characters other than tab and new lines, and zero-width
	 * characters.
	 */
	private static final Pattern UNWANTED = Pattern.compile(
			"[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\u200B-\\u200F\\u2028\\u2029\\u202A-\\u202E\\u2060-\\u2064\\uFEFF\\uFFFE\\uFFFF]");

	public static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	public static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()-]{9,20}$");

	private FormText() {
	}

	/** The text, or an empty string for null (for the boxes of a date input). */
	public static String orEmpty(String text) {
		return (text != null) ? text : "";
	}

	public static String clean(String text) {
		if (text == null) {
			return null;
		}
		String cleaned = UNWANTED.matcher(text).replaceAll("").replace("\r\n", "\n").strip();
		return StringUtils.hasText(cleaned) ? cleaned : null;
	}

	/** The cleaned text; rejects the field when it is blank (if required) or too long. */
	public static String check(Errors errors, String field, String value, boolean required, int maxLength,
			String messagePrefix) {
		String text = clean(value);
		if (text == null) {
			if (required) {
				errors.rejectValue(field, messagePrefix + ".blank");
			}
			return null;
		}
		if (text.length() > maxLength) {
			errors.rejectValue(field, messagePrefix + ".long", new Object[] { String.format("%,d", maxLength) }, null);
			return null;
		}
		return text;
	}

	public static String email(Errors errors, String field, String value) {
		String text = clean(value);
		if (text != null && (text.length() > 254 || !EMAIL.matcher(text).matches())) {
			errors.rejectValue(field, "form.error.email");
			return null;
		}
		return text;
	}

	public static String phone(Errors errors, String field, String value) {
		String text = clean(value);
		if (text != null && !PHONE.matcher(text).matches()) {
			errors.rejectValue(field, "form.error.phone");
			return null;
		}
		return text;
	}

	public static <E extends Enum<E>> E choice(Errors errors, String field, String value, Class<E> type,
			String blankKey) {
		if (value != null) {
			for (E constant : type.getEnumConstants()) {
				if (constant.name().equals(value)) {
					return constant;
				}
			}
		}
		errors.rejectValue(field, blankKey);
		return null;
	}

	/** An id typed or posted as text; empty when it is blank or not an id. */
	public static java.util.Optional<java.util.UUID> uuid(String text) {
		if (text == null || text.isBlank()) {
			return java.util.Optional.empty();
		}
		try {
			return java.util.Optional.of(java.util.UUID.fromString(text.strip()));
		}
		catch (IllegalArgumentException ex) {
			return java.util.Optional.empty();
		}
	}

	/**
	 * A date typed in three boxes ({@code field + "Day"}, "Month", "Year"): null when
	 * blank (rejected with {@code prefix + ".blank"} if required) or not a real date
	 * between 2000 and 2100, with the problem in {@code errors}.
	 */
	public static java.time.LocalDate date(Errors errors, String field, String day, String month, String year,
			String prefix, boolean required) {
		DateInput input = new DateInput(orEmpty(day), orEmpty(month), orEmpty(year));
		Object[] name = { new org.springframework.context.support.DefaultMessageSourceResolvable(prefix + ".name") };
		if (input.isBlank()) {
			if (required) {
				errors.rejectValue(field + "Day", prefix + ".blank");
			}
			return null;
		}
		if (input.problem() != null) {
			errors.rejectValue(field + "Day", input.problem(), name, null);
			return null;
		}
		java.time.LocalDate date = input.toDate();
		if (date.getYear() < 2000 || date.getYear() > 2100) {
			errors.rejectValue(field + "Day", "date.error.real", name, null);
			return null;
		}
		return date;
	}

}
