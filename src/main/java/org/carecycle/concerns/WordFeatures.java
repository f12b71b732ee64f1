package org.carecycle.concerns;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words and word pairs of a text, weighted by how rare they are among the examples
 * (tf-idf, of unit length, scaled by {@link #WEIGHT}): what the meaning of a sentence
 * blurs ("rang me within the hour", "handled well", "his choice") the words keep. Only
 * words and pairs that at least two examples use count.
 */
final class WordFeatures {

	/** How much the words count beside the meaning, chosen on the check set. */
	static final double WEIGHT = 3.0;

	private static final Pattern WORD = Pattern.compile("\\p{L}+(?:['’]\\p{L}+)?");

	private final Map<String, Integer> index;

	private final double[] idf;

	private final double weight;

	private WordFeatures(Map<String, Integer> index, double[] idf, double weight) {
		this.index = index;
		this.idf = idf;
		this.weight = weight;
	}

	static WordFeatures of(Collection<String> examples, double weight) {
		Map<String, Integer> documents = new HashMap<>();
		for (String example : examples) {
			for (String term : terms(example)) {
				documents.merge(term, 1, Integer::sum);
			}
		}
		Map<String, Integer> index = new HashMap<>();
		List<String> kept = documents.entrySet()
			.stream()
			.filter(e -> e.getValue() >= 2)
			.map(Map.Entry::getKey)
			.sorted()
			.toList();
		double[] idf = new double[kept.size()];
		for (String term : kept) {
			int i = index.size();
			index.put(term, i);
			idf[i] = Math.log((1.0 + examples.size()) / (1.0 + documents.get(term))) + 1;
		}
		return new WordFeatures(index, idf, weight);
	}

	int size() {
		return this.idf.length;
	}

	/** The text's features: index (from 0) to weight. */
	SortedMap<Integer, Double> of(String text) {
		SortedMap<Integer, Double> features = new TreeMap<>();
		double sum = 0;
		for (String term : terms(text)) {
			Integer i = this.index.get(term);
			if (i != null) {
				features.put(i, this.idf[i]);
				sum += this.idf[i] * this.idf[i];
			}
		}
		if (sum > 0) {
			double scale = this.weight / Math.sqrt(sum);
			features.replaceAll((i, weight) -> weight * scale);
		}
		return features;
	}

	/** The distinct words and neighbouring word pairs, in lower case. */
	static Set<String> terms(String text) {
		Set<String> terms = new LinkedHashSet<>();
		Matcher matcher = WORD.matcher(text.toLowerCase(Locale.UK).replace('’', '\''));
		String previous = null;
		while (matcher.find()) {
			String word = matcher.group();
			terms.add(word);
			if (previous != null) {
				terms.add(previous + " " + word);
			}
			previous = word;
		}
		return terms;
	}

}
