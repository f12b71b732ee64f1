package org.carecycle.oversight.web;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Says in plain English what the risk model saw for a signal: the model keeps its values
 * as plain text (a rating's constant name, a count, {@code true}, a rate against its peer
 * median); a page shows the rating's name in words, yes or no, and the rate against
 * similar services instead.
 */
@Component
public class RiskValues {

	private static final Pattern RATE = Pattern.compile("([0-9.]+) \\(peer median ([0-9.]+)\\)");

	private static final Pattern CONSTANT = Pattern.compile("[A-Z]+(_[A-Z]+)*");

	private final MessageSource messages;

	RiskValues(MessageSource messages) {
		this.messages = messages;
	}

	/** The value of one signal, as a reader would say it. */
	public String describe(String signal, String value) {
		if (value == null || value.isBlank()) {
			return text("risk.value.unknown");
		}
		String v = value.strip();
		if (signal.equals("risk.cap")) {
			return text("risk.value.cap", (Object) v);
		}
		if (signal.equals("risk.cqc.earlierBelowGood")) {
			return count("risk.value.earlierBelowGood", v);
		}
		if (signal.equals("risk.concerns.rate")) {
			Matcher rate = RATE.matcher(v);
			if (rate.matches()) {
				return text("risk.value.concernRate", rate.group(1), rate.group(2));
			}
		}
		if (v.equals("true") || v.equals("false")) {
			return text(v.equals("true") ? "risk.value.yes" : "risk.value.no");
		}
		if (CONSTANT.matcher(v).matches()) {
			return textOr("risk.value.rating." + v, humanised(v));
		}
		return v;
	}

	private String count(String key, String value) {
		try {
			return text(key, Long.parseLong(value));
		}
		catch (NumberFormatException ex) {
			return value;
		}
	}

	/**
	 * A constant name in words, with a capital first letter, for a value with no message.
	 */
	static String humanised(String constant) {
		String words = constant.replace('_', ' ').toLowerCase(Locale.UK);
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, Locale.UK);
	}

	private String textOr(String key, String fallback) {
		return this.messages.getMessage(key, null, fallback, Locale.UK);
	}

}
