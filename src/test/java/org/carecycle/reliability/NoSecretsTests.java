package org.carecycle.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No secret is kept in the repository: no private key, cloud access key or API token, and
 * every password, secret or key setting in the application's properties comes from the
 * environment. (The demo's published password is the one deliberate exception, and only
 * demo mode uses it.)
 */
class NoSecretsTests {

	private static final List<Pattern> SECRETS = List.of(Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----"),
			Pattern.compile("\\bAKIA[0-9A-Z]{16}\\b"), Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{36}\\b"),
			Pattern.compile("\\bxox[baprs]-[A-Za-z0-9-]{10,}"), Pattern.compile("\\bcc_[A-Za-z0-9_-]{43}\\b"),
			Pattern.compile("\\bsk_live_[A-Za-z0-9]{20,}"));

	private static final Pattern SECRET_SETTING = Pattern.compile(
			"^\\s*([\\w.-]*(password|secret|token|credentials|api-key)[\\w.-]*)\\s*=\\s*(.*)$",
			Pattern.CASE_INSENSITIVE);

	@Test
	void theRepositoryHoldsNoKeysOrTokens() throws IOException {
		List<String> found = new ArrayList<>();
		for (Path file : files()) {
			String text = Files.readString(file, StandardCharsets.ISO_8859_1);
			for (Pattern secret : SECRETS) {
				if (secret.matcher(text).find()) {
					found.add(file + " looks like it holds a secret (" + secret.pattern() + ")");
				}
			}
		}
		assertThat(found).isEmpty();
	}

	@Test
	void everySecretSettingComesFromTheEnvironment() throws IOException {
		List<String> literal = new ArrayList<>();
		try (Stream<Path> files = Files.list(Path.of("src/main/resources"))) {
			for (Path file : files.filter(f -> f.getFileName().toString().matches("application.*\\.properties"))
				.toList()) {
				for (String line : Files.readAllLines(file)) {
					var setting = SECRET_SETTING.matcher(line);
					if (setting.matches() && !line.strip().startsWith("#")) {
						String value = setting.group(3).strip();
						boolean fromEnvironment = value.isEmpty() || value.matches("\\$\\{[A-Z0-9_]+(:[^}]*)?}");
						// Jackson's reading limits (max-token-count) name tokens of JSON,
						// not secrets.
						boolean demo = setting.group(1).startsWith("carecycle.demo.")
								|| setting.group(1).startsWith("spring.jackson.factory.constraints.");
						if (!fromEnvironment && !demo) {
							literal.add(file.getFileName() + ": " + setting.group(1));
						}
						if (fromEnvironment && value.matches("\\$\\{[A-Z0-9_]+:.+}") && !demo) {
							literal.add(file.getFileName() + ": " + setting.group(1) + " has a default value");
						}
					}
				}
			}
		}
		assertThat(literal).as("secrets written into the properties").isEmpty();
	}

	private static List<Path> files() throws IOException {
		List<Path> found = new ArrayList<>();
		for (String root : List.of("src", "docs", "bench/src", ".ci")) {
			Path path = Path.of(root);
			if (!Files.exists(path)) {
				continue;
			}
			try (Stream<Path> walk = Files.walk(path)) {
				walk.filter(Files::isRegularFile)
					.filter(f -> !f.toString().endsWith(".ttf") && !f.toString().endsWith(".png"))
					.filter(f -> !f.getFileName().toString().equals("NoSecretsTests.java"))
					.forEach(found::add);
			}
		}
		for (String file : List.of("README.md", "pom.xml")) {
			found.add(Path.of(file));
		}
		return found;
	}

}
