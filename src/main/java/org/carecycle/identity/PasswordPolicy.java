package org.carecycle.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a password must be, following NCSC guidance: long rather than complicated, not one
 * of the passwords attackers try first, and not the user's own email address. Returns the
 * key of the message to show, or nothing when the password is acceptable.
 */
@Component
public class PasswordPolicy {

	/** The shortest password allowed. */
	public static final int MINIMUM_LENGTH = 12;

	/** The longest password allowed (bcrypt reads only the first 72 bytes). */
	public static final int MAXIMUM_LENGTH = 72;

	private final Set<String> common;

	PasswordPolicy() {
		this.common = loadCommonPasswords();
	}

	public Optional<String> problemWith(String password, String email) {
		if (password == null || password.isBlank()) {
			return Optional.of("password.error.blank");
		}
		if (password.length() < MINIMUM_LENGTH) {
			return Optional.of("password.error.short");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAXIMUM_LENGTH) {
			return Optional.of("password.error.long");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (this.common.contains(lower) || lower.chars().distinct().count() < 4) {
			return Optional.of("password.error.common");
		}
		if (email != null && !email.isBlank()) {
			String local = email.toLowerCase(Locale.ROOT).split("@")[0];
			if (lower.contains(email.toLowerCase(Locale.ROOT)) || (local.length() >= 4 && lower.contains(local))) {
				return Optional.of("password.error.email");
			}
		}
		return Optional.empty();
	}

	private static Set<String> loadCommonPasswords() {
		try {
			String text = new ClassPathResource("identity/common-passwords.txt")
				.getContentAsString(StandardCharsets.UTF_8);
			Set<String> words = new HashSet<>();
			for (String line : text.split("\\R")) {
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
