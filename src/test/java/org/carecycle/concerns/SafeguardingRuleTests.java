package org.carecycle.concerns;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeguardingRuleTests {

	private static SafeguardingRule phrase(String phrase) {
		return new SafeguardingRule(UUID.randomUUID(), SafeguardingRule.Kind.PHRASE, phrase, AbuseType.PHYSICAL, true);
	}

	@Test
	void aStarMatchesAnyEndingOfTheWord() {
		assertThat(phrase("bruis*").find("She had BRUISING on her arm")).contains("BRUISING");
		assertThat(phrase("bruis*").find("a bruise")).contains("bruise");
	}

	@Test
	void phrasesMatchWholeWordsOnly() {
		assertThat(phrase("hit").find("He was hit twice")).contains("hit");
		assertThat(phrase("hit").find("The white board")).isEmpty();
		assertThat(phrase("hit").find("Whitsun outing")).isEmpty();
	}

	@Test
	void wordsOfAPhraseMayBeSplitByAnySpace() {
		assertThat(phrase("left alone").find("Mum was left\n alone all night")).isPresent();
	}

	@Test
	void administratorsPhrasesAreChecked() {
		assertThat(SafeguardingRule.isValidPhrase("pressure sore*")).isTrue();
		assertThat(SafeguardingRule.isValidPhrase("a*b")).isFalse();
		assertThat(SafeguardingRule.isValidPhrase(".*")).isFalse();
		assertThat(SafeguardingRule.isValidPhrase("")).isFalse();
		assertThat(SafeguardingRule.normalise("  Left   ALONE ")).isEqualTo("left alone");
	}

}
