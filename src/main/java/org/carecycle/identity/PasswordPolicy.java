package org.carecycle.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.nulabinc.zxcvbn.StandardDictionaries;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a password must be, following NCSC guidance and NIST SP 800-63B: long rather than
 * complicated, and not on a deny list of passwords attackers try first. The deny list is
 * the 30,000 most common passwords that zxcvbn4j ships (from public breach data), plus a
 * few long ones of our own, and the words an attacker would try against this service in
 * particular: the person's own name and email address, the service's and the council's
 * names, and the published demo password. A password is compared after folding away the
 * usual disguises (case, letters written as digits or symbols, digits, years and symbols
 * added at either end, separators), so that {@code P@ssw0rd-2026!} counts as
 * {@code password}. Returns the key of the message to show, or nothing when the password
 * is acceptable. See ADR 0022 for why the folding is written here.
 */
@Component
public class PasswordPolicy {

	/** The shortest password allowed. */
	public static final int MINIMUM_LENGTH = 12;

	/** The longest password allowed (bcrypt reads only the first 72 bytes). */
	public static final int MAXIMUM_LENGTH = 72;

	/**
	 * The published password of every demo account, Demo-CareCycle-2026, as
	 * {@link #foldedForms} folds it. The demo accounts keep it; nobody may choose it.
	 */
	private static final String DEMO_FOLDED = "democarecycle";

	/** Shorter folded forms are too short to mean anything on a deny list. */
	private static final int SHORTEST_WORD = 4;

	/** Words in a council's name that say nothing about this council. */
	private static final Set<String> GENERIC_WORDS = Set.of("council", "county", "city", "borough", "district",
			"metropolitan", "royal", "london", "the", "and", "upon", "with");

	private final Set<String> serviceWords;

	PasswordPolicy() {
		this("", "");
	}

	@Autowired
	PasswordPolicy(@Value("${carecycle.council.name:}") String councilName,
			@Value("${carecycle.council.area:}") String councilArea) {
		Set<String> words = new LinkedHashSet<>();
		words.add("carecycle");
		for (String word : (councilName + " " + councilArea).toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
			if (word.length() >= SHORTEST_WORD && !GENERIC_WORDS.contains(word)) {
				words.add(word);
			}
		}
		this.serviceWords = Set.copyOf(words);
	}

	public Optional<String> problemWith(String password, String email) {
		return problemWith(password, email, null);
	}

	/**
	 * Why this password may not be chosen, if it may not.
	 * @param password the password chosen
	 * @param email the email address of the person choosing it
	 * @param displayName their name
	 * @return the key of the message to show
	 */
	public Optional<String> problemWith(String password, String email, String displayName) {
		if (password == null || password.isBlank()) {
			return Optional.of("password.error.blank");
		}
		if (password.length() < MINIMUM_LENGTH) {
			return Optional.of("password.error.short");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAXIMUM_LENGTH) {
			return Optional.of("password.error.long");
		}
		List<String> forms = foldedForms(password);
		if (forms.stream().anyMatch(form -> form.contains(DEMO_FOLDED))) {
			return Optional.of("password.error.demo");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (lower.chars().distinct().count() < 4 || forms.stream()
			.anyMatch(form -> form.length() >= SHORTEST_WORD && CommonPasswords.LIST.contains(form))) {
			return Optional.of("password.error.common");
		}
		if (containsAny(forms, personalWords(email, displayName))) {
			return Optional.of("password.error.email");
		}
		if (containsAny(forms, this.serviceWords)) {
			return Optional.of("password.error.service");
		}
		return Optional.empty();
	}

	private static boolean containsAny(List<String> forms, Set<String> words) {
		return words.stream().anyMatch(word -> forms.stream().anyMatch(form -> form.contains(word)));
	}

	/** The email address, its parts and the person's names, as they would be folded. */
	private static Set<String> personalWords(String email, String displayName) {
		Set<String> words = new LinkedHashSet<>();
		if (email != null && !email.isBlank()) {
			String local = email.toLowerCase(Locale.ROOT).split("@")[0];
			words.addAll(foldedWords(local));
		}
		if (displayName != null) {
			words.addAll(foldedWords(displayName));
		}
		words.removeIf(word -> word.length() < SHORTEST_WORD);
		return words;
	}

	/** The letters-only words of a phrase, and all of them run together. */
	private static Set<String> foldedWords(String phrase) {
		Set<String> words = new LinkedHashSet<>();
		String lower = phrase.toLowerCase(Locale.ROOT);
		for (String word : lower.split("[^\\p{L}]+")) {
			if (word.length() >= SHORTEST_WORD) {
				words.add(word);
			}
		}
		String joined = lower.replaceAll("[^\\p{L}]", "");
		if (joined.length() >= SHORTEST_WORD) {
			words.add(joined);
		}
		return words;
	}

	/**
	 * The password as someone making a deny list would write it: lower case; without
	 * digits and symbols at either end; with digits and symbols that stand for letters
	 * read as those letters (a {@code 1} both as {@code i} and as {@code l}); and without
	 * separators.
	 */
	static List<String> foldedForms(String password) {
		String lower = password.toLowerCase(Locale.ROOT).strip();
		Set<String> forms = new LinkedHashSet<>();
		for (String base : List.of(lower, trimEnds(lower))) {
			forms.add(base);
			for (String unleet : List.of(unleet(base, 'i'), unleet(base, 'l'))) {
				forms.add(unleet);
				forms.add(trimEnds(unleet));
			}
		}
		List<String> all = new ArrayList<>(forms);
		for (String form : forms) {
			all.add(form.replaceAll("[^\\p{L}]", ""));
		}
		return all.stream().distinct().toList();
	}

	/**
	 * Takes off what people add to a word to pass composition rules: digits, years and
	 * symbols at the end, digits and spaces at the start.
	 */
	private static String trimEnds(String text) {
		return text.replaceFirst("[^\\p{L}]+$", "").replaceFirst("^[\\d\\s]+", "");
	}

	private static String unleet(String text, char one) {
		StringBuilder letters = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			letters.append(switch (c) {
				case '0' -> 'o';
				case '1', '|' -> one;
				case '3' -> 'e';
				case '4', '@' -> 'a';
				case '5', '$' -> 's';
				case '7', '+' -> 't';
				case '8' -> 'b';
				case '9' -> 'g';
				case '!' -> 'i';
				default -> c;
			});
		}
		return letters.toString();
	}

	/** The deny list, loaded once, when first needed. */
	private static final class CommonPasswords {

		static final Set<String> LIST = load();

		private static Set<String> load() {
			try {
				Set<String> words = new HashSet<>(StandardDictionaries.PASSWORDS_LOADER.load().getFrequencies());
				String ours = new ClassPathResource("identity/common-passwords.txt")
					.getContentAsString(StandardCharsets.UTF_8);
				for (String line : ours.split("\\R")) {
					if (!line.isBlank() && !line.startsWith("#")) {
						words.add(line.strip().toLowerCase(Locale.ROOT));
					}
				}
				return Set.copyOf(words);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
