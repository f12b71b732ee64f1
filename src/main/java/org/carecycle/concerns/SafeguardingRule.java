package org.carecycle.concerns;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One rule that flags a concern as possible abuse or neglect: a phrase in what the person
 * wrote (a word ending in {@code *} matches any ending, so {@code bruis*} matches
 * "bruised" and "bruising"), or an answer ({@code AT_RISK_NOW}: someone is at risk of
 * harm right now).
 *
 * @param id the rule's id
 * @param kind phrase or answer
 * @param phrase the phrase, or the answer's code
 * @param abuseType the type of abuse the rule suggests
 * @param enabled whether the rule is applied
 */
public record SafeguardingRule(UUID id, Kind kind, String phrase, AbuseType abuseType, boolean enabled) {

	/** The answer rule's code. */
	public static final String AT_RISK_NOW = "AT_RISK_NOW";

	/** What a rule looks at. */
	public enum Kind {

		PHRASE, ANSWER

	}

	/**
	 * Words, spaces, apostrophes and hyphens, with an optional {@code *} ending each
	 * word.
	 */
	private static final Pattern VALID_PHRASE = Pattern
		.compile("^[\\p{L}\\p{N}'’-]+\\*?(\\s+[\\p{L}\\p{N}'’-]+\\*?)*$");

	/** Whether an administrator's phrase can be a rule. */
	public static boolean isValidPhrase(String phrase) {
		return phrase != null && phrase.strip().length() <= 100 && VALID_PHRASE.matcher(phrase.strip()).matches();
	}

	/** The phrase as stored: trimmed, lower case, single spaces. */
	public static String normalise(String phrase) {
		return phrase.strip().toLowerCase(Locale.UK).replaceAll("\\s+", " ");
	}

	Pattern pattern() {
		List<String> words = new ArrayList<>();
		for (String word : this.phrase.split(" ")) {
			boolean open = word.endsWith("*");
			String stem = open ? word.substring(0, word.length() - 1) : word;
			words.add(Pattern.quote(stem) + (open ? "[\\p{L}\\p{N}'’-]*" : ""));
		}
		return Pattern.compile("(?<![\\p{L}\\p{N}])" + String.join("\\s+", words) + "(?![\\p{L}\\p{N}])",
				Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
	}

	/** The words of {@code text} this phrase rule matches, if any. */
	Optional<String> find(String text) {
		return (this.kind != Kind.PHRASE) ? Optional.empty() : find(pattern(), text);
	}

	static Optional<String> find(Pattern pattern, String text) {
		if (pattern == null || text == null) {
			return Optional.empty();
		}
		Matcher matcher = pattern.matcher(text);
		return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
	}

}
