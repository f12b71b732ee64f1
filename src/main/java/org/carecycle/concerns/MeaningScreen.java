package org.carecycle.concerns;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

/**
 * The screen's meaning layer. Every labelled example (some that suggest abuse or neglect,
 * some that do not) is turned into its meaning by {@link SentenceMeaning}; a logistic
 * regression learns from them which way a meaning leans; a concern is flagged when it
 * leans towards abuse or neglect past a threshold set on the check set so that the screen
 * finds nearly all of the check set's safeguarding reports. The reason it gives is the
 * labelled example closest in meaning that suggests abuse or neglect ("close to: 'left in
 * a soiled bed for hours' - neglect").
 *
 * <p>
 * A long report may say one worrying thing among many ordinary ones; each pair of its
 * sentences is judged as well as the whole, and the most worrying part counts.
 */
final class MeaningScreen {

	/**
	 * The share of the check set's safeguarding reports the screen must find (with the
	 * phrase rules); the threshold is the highest that reaches it. See ADR 0026.
	 */
	static final double CHECK_RECALL_TARGET = 0.99;

	/** The logistic regression's cost of a mistake against its weights' size. */
	static final double COST = 4;

	/**
	 * Whether the regression also reads how close a text is to its nearest examples of
	 * each side (ADR 0026, third addendum). Off unless the system property
	 * {@code carecycle.safeguarding.nearest-features} (or the environment variable
	 * {@code CARECYCLE_SAFEGUARDING_NEAREST_FEATURES}) is {@code true}.
	 */
	static final boolean NEAREST_FEATURES = Boolean
		.parseBoolean(System.getProperty("carecycle.safeguarding.nearest-features",
				String.valueOf(System.getenv("CARECYCLE_SAFEGUARDING_NEAREST_FEATURES"))));

	/**
	 * How many nearest examples of each side are averaged, and their features' weight.
	 */
	static final int NEAREST = 3;

	static final double NEAREST_WEIGHT = 3.0;

	/** At most this many parts of one text are judged apart from the whole. */
	static final int MAX_PARTS = 8;

	private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\s*\\n+\\s*");

	/**
	 * One labelled example.
	 *
	 * @param id its id: the corpus id for a shipped example, the record's id for one an
	 * administrator added
	 * @param text the example's words
	 * @param type the type of risk, or null when it is not safeguarding
	 * @param vector its meaning
	 * @param parts its parts, when it is long, with their meanings
	 */
	record Example(String id, String text, AbuseType type, float[] vector, List<Part> parts) {

		boolean safeguarding() {
			return this.type != null;
		}

	}

	/**
	 * What the layer made of a text.
	 *
	 * @param score how far the text leans towards abuse or neglect (above the threshold:
	 * flagged)
	 * @param flagged whether the score reaches the threshold
	 * @param closest the nearest example that suggests abuse or neglect, if any
	 * @param similarity how close that example is, from 0 to 1
	 */
	record Judgement(double score, boolean flagged, Example closest, double similarity) {
	}

	/**
	 * Part of a text, with its meaning.
	 *
	 * @param text its words
	 * @param vector its meaning
	 */
	record Part(String text, float[] vector) {
	}

	private final List<Example> examples;

	private final WordFeatures words;

	private final double[] weights;

	private final double bias;

	/** The examples' meanings on each side, when the nearest-example features are on. */
	private final float[][] safeguarding;

	private final float[][] other;

	private double threshold = Double.POSITIVE_INFINITY;

	private MeaningScreen(List<Example> examples, WordFeatures words, double[] weights, double bias,
			float[][] safeguarding, float[][] other) {
		this.examples = List.copyOf(examples);
		this.words = words;
		this.weights = weights;
		this.bias = bias;
		this.safeguarding = safeguarding;
		this.other = other;
	}

	/** Learns from the examples; the threshold is set by {@link #calibrate}. */
	static MeaningScreen learn(List<Example> examples) {
		return learn(examples, COST, WordFeatures.WEIGHT);
	}

	/**
	 * As {@link #learn(List)}, with other settings: for choosing them on the check set.
	 */
	static MeaningScreen learn(List<Example> examples, double cost, double wordWeight) {
		return learn(examples, cost, wordWeight, NEAREST_FEATURES);
	}

	/**
	 * As {@link #learn(List)}, with the nearest-example features on or off: for comparing
	 * the two.
	 */
	static MeaningScreen learn(List<Example> examples, double cost, double wordWeight, boolean nearest) {
		WordFeatures words = WordFeatures.of(examples.stream().map(Example::text).toList(), wordWeight);
		float[][] safeguarding = nearest
				? examples.stream().filter(Example::safeguarding).map(Example::vector).toArray(float[][]::new) : null;
		float[][] other = nearest ? examples.stream()
			.filter(example -> !example.safeguarding())
			.map(Example::vector)
			.toArray(float[][]::new) : null;
		int dimensions = SentenceMeaning.DIMENSIONS + words.size() + (nearest ? 2 : 0);
		List<Feature[]> rows = new ArrayList<>();
		List<Double> labels = new ArrayList<>();
		for (Example example : examples) {
			double label = example.safeguarding() ? 1.0 : 0.0;
			// An example is not its own neighbour, nor its parts' neighbour.
			rows.add(withNearest(features(example.vector(), words.of(example.text()), dimensions), example.vector(),
					example.vector(), safeguarding, other, dimensions));
			labels.add(label);
			for (Part part : example.parts()) {
				rows.add(withNearest(features(part.vector(), words.of(part.text()), dimensions), part.vector(),
						example.vector(), safeguarding, other, dimensions));
				labels.add(label);
			}
		}
		Problem problem = new Problem();
		problem.l = rows.size();
		problem.n = dimensions + 1;
		problem.bias = 1;
		problem.x = rows.toArray(Feature[][]::new);
		problem.y = labels.stream().mapToDouble(Double::doubleValue).toArray();
		Linear.disableDebugOutput();
		Model model = Linear.train(problem, new Parameter(SolverType.L2R_LR, cost, 0.001));
		double[] w = model.getFeatureWeights();
		// The first label is the side a positive decision value points to.
		double sign = (model.getLabels()[0] == 1) ? 1 : -1;
		double[] weights = new double[dimensions];
		for (int i = 0; i < weights.length; i++) {
			weights[i] = sign * w[i];
		}
		return new MeaningScreen(examples, words, weights, sign * w[dimensions], safeguarding, other);
	}

	/**
	 * The row with the two nearest-example features before its bias, when they are on.
	 */
	private static Feature[] withNearest(Feature[] row, float[] vector, float[] self, float[][] safeguarding,
			float[][] other, int dimensions) {
		if (safeguarding == null) {
			return row;
		}
		Feature[] x = new Feature[row.length + 2];
		System.arraycopy(row, 0, x, 0, row.length - 1);
		x[row.length - 1] = new FeatureNode(dimensions - 1, NEAREST_WEIGHT * nearest(vector, self, safeguarding));
		x[row.length] = new FeatureNode(dimensions, NEAREST_WEIGHT * nearest(vector, self, other));
		x[row.length + 1] = row[row.length - 1];
		return x;
	}

	/**
	 * The mean similarity of the {@link #NEAREST} closest of {@code against}, not
	 * {@code self}.
	 */
	static double nearest(float[] vector, float[] self, float[][] against) {
		double[] top = new double[NEAREST];
		java.util.Arrays.fill(top, -1);
		for (float[] example : against) {
			if (example == self) {
				continue;
			}
			double s = SentenceMeaning.similarity(vector, example);
			if (s > top[NEAREST - 1]) {
				int i = NEAREST - 1;
				while (i > 0 && top[i - 1] < s) {
					top[i] = top[i - 1];
					i--;
				}
				top[i] = s;
			}
		}
		double sum = 0;
		for (double t : top) {
			sum += t;
		}
		return sum / NEAREST;
	}

	/** The meaning, then the words (sparse, in order of index), then the bias. */
	static Feature[] features(float[] vector, java.util.SortedMap<Integer, Double> words, int dimensions) {
		Feature[] x = new Feature[vector.length + words.size() + 1];
		int at = 0;
		for (int i = 0; i < vector.length; i++) {
			x[at++] = new FeatureNode(i + 1, vector[i]);
		}
		for (var word : words.entrySet()) {
			x[at++] = new FeatureNode(SentenceMeaning.DIMENSIONS + word.getKey() + 1, word.getValue());
		}
		x[at] = new FeatureNode(dimensions + 1, 1);
		return x;
	}

	/**
	 * Sets the threshold: the highest score that, with the phrase rules, finds
	 * {@link #CHECK_RECALL_TARGET} of the check set's safeguarding reports.
	 * @param scores the score of each safeguarding report of the check set the phrase
	 * rules did not flag
	 * @param safeguardingReports how many safeguarding reports the check set has
	 */
	MeaningScreen calibrate(List<Double> scores, int safeguardingReports) {
		int mayMiss = (int) Math.floor((1 - CHECK_RECALL_TARGET) * safeguardingReports);
		List<Double> sorted = new ArrayList<>(scores);
		sorted.sort(null);
		this.threshold = sorted.isEmpty() ? 0 : sorted.get(Math.min(mayMiss, sorted.size() - 1));
		return this;
	}

	List<Example> examples() {
		return this.examples;
	}

	double threshold() {
		return this.threshold;
	}

	/** Learns again with one more example, for trying it before it is saved. */
	MeaningScreen with(Example example) {
		List<Example> more = new ArrayList<>(this.examples);
		more.add(example);
		return learn(more, COST, WordFeatures.WEIGHT, this.safeguarding != null);
	}

	Judgement judge(String text) {
		return judge(text, SentenceMeaning::of);
	}

	/** As {@link #judge(String)}, with the meanings found by {@code meaningOf}. */
	Judgement judge(String text, Function<String, float[]> meaningOf) {
		float[] best = meaningOf.apply(text);
		double bestScore = score(text, best);
		for (String part : parts(text)) {
			float[] vector = meaningOf.apply(part);
			double score = score(part, vector);
			if (score > bestScore) {
				best = vector;
				bestScore = score;
			}
		}
		Example closest = null;
		double similarity = -1;
		for (Example example : this.examples) {
			if (example.safeguarding()) {
				double s = SentenceMeaning.similarity(best, example.vector());
				if (s > similarity) {
					closest = example;
					similarity = s;
				}
			}
		}
		return new Judgement(bestScore, bestScore >= this.threshold, closest, Math.max(0, similarity));
	}

	double score(String text, float[] vector) {
		double score = this.bias;
		for (int i = 0; i < vector.length; i++) {
			score += this.weights[i] * vector[i];
		}
		for (var word : this.words.of(text).entrySet()) {
			score += this.weights[SentenceMeaning.DIMENSIONS + word.getKey()] * word.getValue();
		}
		if (this.safeguarding != null) {
			int at = this.weights.length - 2;
			score += this.weights[at] * NEAREST_WEIGHT * nearest(vector, null, this.safeguarding);
			score += this.weights[at + 1] * NEAREST_WEIGHT * nearest(vector, null, this.other);
		}
		return score;
	}

	/** The text's sentences in overlapping pairs, at most {@link #MAX_PARTS}. */
	static List<String> parts(String text) {
		String cut = (text.length() > SentenceMeaning.MAX_CHARACTERS)
				? text.substring(0, SentenceMeaning.MAX_CHARACTERS) : text;
		List<String> sentences = new ArrayList<>();
		for (String sentence : SENTENCE_END.split(cut.strip())) {
			if (!sentence.isBlank()) {
				sentences.add(sentence.strip());
			}
		}
		if (sentences.size() <= 2) {
			return List.of();
		}
		List<String> parts = new ArrayList<>();
		for (int i = 0; i + 1 < sentences.size() && parts.size() < MAX_PARTS; i++) {
			parts.add(sentences.get(i) + " " + sentences.get(i + 1));
		}
		return parts;
	}

	static Example example(String id, String text, AbuseType type) {
		List<Part> parts = parts(text).stream().map(part -> new Part(part, SentenceMeaning.remembered(part))).toList();
		return new Example(id, text, type, SentenceMeaning.remembered(text), parts);
	}

}
