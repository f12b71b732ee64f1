package org.carecycle.concerns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Screening one concern for signs of abuse or neglect (issue 21: under 20 ms): the whole
 * screen as shipped (spelling, phrase rules, meaning layer), against the floor of the
 * phrase rules alone on the same texts. The texts are the check set's 324 reports, read
 * in turn, so that the model sees a new text each time rather than one it has cached.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SafeguardingScreening {

	private List<String> texts;

	private List<Pattern> rules;

	private Predicate<String> screen;

	private int next;

	@Setup
	public void setUp() throws IOException {
		this.texts = SafeguardingCorpus.read(SafeguardingCorpus.CHECK).stream().map(SafeguardingCorpus.Labelled::text).toList();
		this.rules = new ArrayList<>();
		Pattern phrase = Pattern.compile("'PHRASE',\\s*'([^']+)',\\s*'([A-Z_]+)'");
		for (String migration : List.of("db/migration/V9__concerns.sql",
				"db/migration/V11__more_safeguarding_word_forms.sql")) {
			try (var in = SafeguardingScreening.class.getClassLoader().getResourceAsStream(migration)) {
				Matcher matcher = phrase.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
				while (matcher.find()) {
					this.rules.add(new SafeguardingRule(null, SafeguardingRule.Kind.PHRASE, matcher.group(1),
							AbuseType.valueOf(matcher.group(2)), true)
						.pattern());
				}
			}
		}
		this.screen = SafeguardingScreen.asShipped(this.rules);
	}

	private String nextText() {
		String text = this.texts.get(this.next);
		this.next = (this.next + 1) % this.texts.size();
		return text;
	}

	/** The floor: the phrase rules alone, as the screen was before the meaning layer. */
	@Benchmark
	public boolean floor() {
		String text = nextText();
		for (Pattern rule : this.rules) {
			if (rule.matcher(text).find()) {
				return true;
			}
		}
		return false;
	}

	/** The whole screen: spelling, the phrase rules, the meaning layer. */
	@Benchmark
	public boolean screen() {
		return this.screen.test(nextText());
	}

}
