package org.carecycle.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.carecycle.identity.AuditAction;
import org.carecycle.providers.ClientGroup;
import org.carecycle.providers.CqcRating;
import org.carecycle.providers.KeyQuestion;
import org.carecycle.providers.Ownership;
import org.carecycle.providers.ServiceStatus;
import org.carecycle.providers.ServiceType;
import org.carecycle.shared.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * All words on CareCycle's pages come from the messages (messages/*.properties, one file
 * per module), so they can be reviewed and changed in one place (and, one day,
 * translated). Fails on any literal text in a template, and on any message key a template
 * or an enum uses that the messages lack.
 */
class TemplateTextTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Path MESSAGES = Path.of("src/main/resources/messages");

	/** Attributes people read or hear, which must come from messages too. */
	private static final Set<String> READ_ATTRIBUTES = Set.of("alt", "title", "aria-label", "placeholder", "content",
			"value");

	private static final Pattern INLINE_EXPRESSION = Pattern.compile("\\[\\[.*?]]|\\[\\(.*?\\)]");

	private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");

	/**
	 * A fragment call's attribute, whose quoted keys (label='user.name') are message keys
	 * too.
	 */
	private static final Pattern FRAGMENT_CALL = Pattern.compile("th:(?:replace|insert)=\"([^\"]*)\"");

	/**
	 * A message key in quotes, with a table column's ' numeric' or ' hidden' after it.
	 */
	private static final Pattern QUOTED_KEY = Pattern
		.compile("'([a-z][A-Za-z0-9_]*(?:\\.[A-Za-z0-9_]+)+)(?: numeric| hidden)*'");

	@Test
	void templatesHoldNoLiteralText() throws IOException {
		List<String> literals = new ArrayList<>();
		for (Path template : templates()) {
			Document document = Jsoup.parse(Files.readString(template));
			NodeTraversor.traverse(new NodeVisitor() {
				@Override
				public void head(org.jsoup.nodes.Node node, int depth) {
					if (node instanceof TextNode text && !insideScriptOrStyle(text)) {
						String words = INLINE_EXPRESSION.matcher(text.text()).replaceAll("").trim();
						if (words.matches(".*\\p{L}.*")) {
							literals.add(TEMPLATES.relativize(template) + ": \"" + words + "\"");
						}
					}
					if (node instanceof Element element) {
						element.attributes().forEach(attribute -> {
							if (READ_ATTRIBUTES.contains(attribute.getKey())
									&& attribute.getValue().matches(".*\\p{L}.*")
									&& !isData(element, attribute.getKey())) {
								literals.add(TEMPLATES.relativize(template) + ": " + attribute.getKey() + "=\""
										+ attribute.getValue() + "\"");
							}
						});
					}
				}

				@Override
				public void tail(org.jsoup.nodes.Node node, int depth) {
				}
			}, document);
		}
		assertThat(literals).as("literal text in templates (move it to messages/*.properties)").isEmpty();
	}

	@Test
	void everyMessageKeyUsedExists() throws IOException {
		Properties messages = messages();
		Set<String> missing = new TreeSet<>();
		for (Path template : templates()) {
			String text = Files.readString(template);
			Matcher matcher = MESSAGE_KEY.matcher(text);
			while (matcher.find()) {
				if (!messages.containsKey(matcher.group(1))) {
					missing.add(TEMPLATES.relativize(template) + ": " + matcher.group(1));
				}
			}
			Matcher call = FRAGMENT_CALL.matcher(text);
			while (call.find()) {
				Matcher quoted = QUOTED_KEY.matcher(call.group(1));
				while (quoted.find()) {
					if (!messages.containsKey(quoted.group(1))) {
						missing.add(TEMPLATES.relativize(template) + ": " + quoted.group(1));
					}
				}
			}
		}
		List<String> enumKeys = new ArrayList<>();
		Stream.of(Role.values()).forEach(r -> {
			enumKeys.add(r.messageKey());
			enumKeys.add(r.messageKey() + ".hint");
		});
		Stream.of(ServiceType.values()).forEach(v -> enumKeys.add(v.messageKey()));
		Stream.of(ServiceType.Capacity.values()).forEach(v -> enumKeys.add("capacity." + v.name()));
		Stream.of(ClientGroup.values()).forEach(v -> enumKeys.add(v.messageKey()));
		Stream.of(Ownership.values()).forEach(v -> enumKeys.add(v.messageKey()));
		Stream.of(ServiceStatus.values()).forEach(v -> enumKeys.add(v.messageKey()));
		Stream.of(KeyQuestion.values()).forEach(v -> enumKeys.add(v.messageKey()));
		Stream.of(CqcRating.values()).forEach(v -> enumKeys.add(v.messageKey()));
		Stream.of(AuditAction.values()).forEach(v -> enumKeys.add(v.messageKey()));
		enumKeys.stream().filter(key -> !messages.containsKey(key)).forEach(key -> missing.add("enum: " + key));
		assertThat(missing).as("message keys used but not defined").isEmpty();
	}

	/**
	 * Each file of messages is named in spring.messages.basename, no key is defined
	 * twice, and all keys with the same prefix (the key's first part; its first two for
	 * {@code email.} and {@code profile.}) are in one file, so a new key's file is the
	 * one that holds its prefix.
	 */
	@Test
	void keepsEachPrefixInOneFileOfMessages() throws IOException {
		Properties application = new Properties();
		try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
			application.load(in);
		}
		Set<String> named = new TreeSet<>(
				List.of(application.getProperty("spring.messages.basename").trim().split("\\s*,\\s*")));
		Set<String> files = new TreeSet<>();
		java.util.Map<String, Set<String>> filesOfPrefix = new java.util.TreeMap<>();
		List<String> twice = new ArrayList<>();
		Set<String> seen = new java.util.HashSet<>();
		for (Path file : messageFiles()) {
			String name = file.getFileName().toString().replaceFirst("\\.properties$", "");
			files.add("messages/" + name);
			for (Object key : load(file).keySet()) {
				String[] parts = key.toString().split("\\.");
				String prefix = (parts.length > 1 && Set.of("email", "profile").contains(parts[0]))
						? parts[0] + "." + parts[1] : parts[0];
				filesOfPrefix.computeIfAbsent(prefix, p -> new TreeSet<>()).add(name);
				if (!seen.add(key.toString())) {
					twice.add(key.toString());
				}
			}
		}
		assertThat(named).as("spring.messages.basename").isEqualTo(files);
		assertThat(twice).as("keys defined in more than one file").isEmpty();
		assertThat(filesOfPrefix).as("prefixes whose keys are in more than one file")
			.allSatisfy((prefix, in) -> assertThat(in).as(prefix).hasSize(1));
	}

	/**
	 * Apostrophes show once on the page: a message with arguments goes through
	 * MessageFormat, where an apostrophe is written twice; one without arguments is shown
	 * as written, so a doubled apostrophe would show doubled.
	 */
	@Test
	void apostrophesAreWrittenTheWayTheirMessageIsRead() throws IOException {
		List<String> wrong = new ArrayList<>();
		java.util.regex.Pattern argument = java.util.regex.Pattern.compile("\\{\\d");
		java.util.regex.Pattern single = java.util.regex.Pattern.compile("(^|[^'])'([^']|$)");
		for (Path file : messageFiles()) {
			load(file).forEach((key, value) -> {
				String text = value.toString();
				boolean formatted = argument.matcher(text).find();
				if ((!formatted && text.contains("''")) || (formatted && single.matcher(text).find())) {
					wrong.add(key.toString());
				}
			});
		}
		assertThat(wrong).as("messages whose apostrophes would show wrongly").isEmpty();
	}

	@Test
	void theCheckFindsLiteralText() {
		Document document = Jsoup.parse("<p>Hello <span th:text=\"#{x}\"></span>[[#{y}]]</p>");
		String words = INLINE_EXPRESSION.matcher(document.text()).replaceAll("").trim();
		assertThat(words).isEqualTo("Hello");
	}

	private static boolean isData(Element element, String attribute) {
		// <meta name="viewport" content="width=...">, <meta name="robots"> and form
		// values are not prose.
		return element.tagName().equals("meta") || (attribute.equals("value") && !element.tagName().equals("button"));
	}

	private static boolean insideScriptOrStyle(TextNode text) {
		Element parent = text.parent();
		return parent != null && (parent.tagName().equals("script") || parent.tagName().equals("style"));
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(path -> path.toString().endsWith(".html")).sorted().toList();
		}
	}

	/** Every file of messages together. */
	static Properties messages() throws IOException {
		Properties properties = new Properties();
		for (Path file : messageFiles()) {
			properties.putAll(load(file));
		}
		return properties;
	}

	private static List<Path> messageFiles() throws IOException {
		try (Stream<Path> files = Files.list(MESSAGES)) {
			return files.filter(path -> path.toString().endsWith(".properties")).sorted().toList();
		}
	}

	private static Properties load(Path file) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(file)) {
			properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
