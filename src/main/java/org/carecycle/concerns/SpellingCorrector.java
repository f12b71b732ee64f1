package org.carecycle.concerns;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.text.similarity.LevenshteinDistance;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts right the spelling slips people make when they write in a hurry ("bruses",
 * "medecine", "recieved"), so that the phrase rules and the meaning layer read the word
 * that was meant. A word is corrected only when neither the model's own vocabulary (the
 * 22,000 whole English words it was trained with) nor the labelled examples know it, and
 * a known word is one or (for long words) two edits away. Among equally near words, the
 * one the examples use most wins, then the one the model meets most often. Names and rare
 * words the model does not know may be "corrected" to something else; that only changes
 * what the screen reads, never what is saved.
 */
final class SpellingCorrector {

	private static final Pattern WORD = Pattern.compile("\\p{L}+(?:['’]\\p{L}+)?");

	private static final LevenshteinDistance ONE = new LevenshteinDistance(1);

	private static final LevenshteinDistance TWO = new LevenshteinDistance(2);

	/**
	 * At most this many unknown words are looked up in one text, so that a long text in
	 * another language costs no more than a short one.
	 */
	static final int MAX_LOOKUPS = 60;

	/** Known words by first letter, each with its rank (lower is commoner). */
	private final Map<Character, List<Known>> byFirstLetter = new HashMap<>();

	private final Set<String> known = new HashSet<>();

	private record Known(String word, int rank) {
	}

	/**
	 * A word of the examples the model does not know is taken as a real word when this
	 * many examples use it, or when no known word is one edit away; otherwise it is taken
	 * for a slip the examples themselves contain ("bruses" beside "bruises").
	 */
	static final int TRUSTED_USES = 10;

	/**
	 * @param domainWords the words of the labelled examples, commonest first, with how
	 * many times they are used
	 */
	SpellingCorrector(java.util.LinkedHashMap<String, Integer> domainWords) {
		List<String> vocabulary = modelVocabulary();
		int offset = 1_000_000;
		for (String word : vocabulary) {
			add(word, offset++);
		}
		int rank = 0;
		for (var entry : domainWords.entrySet()) {
			String word = entry.getKey().toLowerCase(Locale.UK);
			rank++;
			if (this.known.contains(word) || entry.getValue() >= TRUSTED_USES || word.length() < 4
					|| correctWord(word).equals(word)) {
				add(word, rank);
			}
		}
		// The examples' words come first among equally near words.
		for (List<Known> words : this.byFirstLetter.values()) {
			words.sort(java.util.Comparator.comparingInt(Known::rank));
		}
	}

	private void add(String word, int rank) {
		String lower = word.toLowerCase(Locale.UK);
		if (lower.length() < 2) {
			return;
		}
		List<Known> words = this.byFirstLetter.computeIfAbsent(lower.charAt(0), c -> new ArrayList<>());
		if (!this.known.add(lower)) {
			// A model word the examples use too: ranked as the examples use it.
			words.replaceAll(k -> (k.word().equals(lower) && rank < k.rank()) ? new Known(lower, rank) : k);
			return;
		}
		words.add(new Known(lower, rank));
	}

	boolean knows(String word) {
		return this.known.contains(word.toLowerCase(Locale.UK));
	}

	/** The text with each unknown word replaced by the nearest known word, if any. */
	String correct(String text) {
		Matcher matcher = WORD.matcher(text);
		StringBuilder out = new StringBuilder(text.length());
		int lookups = 0;
		while (matcher.find()) {
			String word = matcher.group();
			boolean unknown = !knownOrShort(word);
			String corrected = (unknown && lookups++ < MAX_LOOKUPS) ? correctWord(word) : word;
			matcher.appendReplacement(out, Matcher.quoteReplacement(corrected));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	/** The words {@link #correct} changed, each as "written → read as". */
	Map<String, String> corrections(String text) {
		Map<String, String> changes = new java.util.LinkedHashMap<>();
		Matcher matcher = WORD.matcher(text);
		int lookups = 0;
		while (matcher.find()) {
			String word = matcher.group();
			if (knownOrShort(word) || lookups++ >= MAX_LOOKUPS) {
				continue;
			}
			String corrected = correctWord(word);
			if (!corrected.equals(word)) {
				changes.put(word, corrected);
			}
		}
		return changes;
	}

	private boolean knownOrShort(String word) {
		String lower = word.toLowerCase(Locale.UK);
		return lower.length() < 4 || this.known.contains(lower) || this.known.contains(lower.replace('’', '\''));
	}

	private String correctWord(String word) {
		String lower = word.toLowerCase(Locale.UK);
		LevenshteinDistance distance = (lower.length() >= 8) ? TWO : ONE;
		int limit = (lower.length() >= 8) ? 2 : 1;
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		int bestRank = Integer.MAX_VALUE;
		// A slip rarely changes the first letter; when it does, the word stays as
		// written.
		for (Known candidate : this.byFirstLetter.getOrDefault(lower.charAt(0), List.of())) {
			if (Math.abs(candidate.word().length() - lower.length()) > limit) {
				continue;
			}
			int d = distance.apply(lower, candidate.word());
			if (d < 0) {
				continue;
			}
			if (d < bestDistance || (d == bestDistance && candidate.rank() < bestRank)) {
				best = candidate.word();
				bestDistance = d;
				bestRank = candidate.rank();
			}
		}
		return (best != null) ? best : word;
	}

	/** The whole words of the model's vocabulary, in the model's order. */
	static List<String> modelVocabulary() {
		try (InputStream in = SpellingCorrector.class.getClassLoader()
			.getResourceAsStream("all-minilm-l6-v2-q-tokenizer.json")) {
			if (in == null) {
				return List.of();
			}
			JsonNode vocab = JsonMapper.builder().build().readTree(in).path("model").path("vocab");
			String[] byId = new String[vocab.size()];
			for (var entry : vocab.properties()) {
				int id = entry.getValue().asInt();
				if (id >= 0 && id < byId.length) {
					byId[id] = entry.getKey();
				}
			}
			List<String> words = new ArrayList<>();
			for (String piece : byId) {
				if (piece != null && piece.length() >= 2 && piece.chars().allMatch(Character::isLetter)) {
					words.add(piece);
				}
			}
			return words;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
