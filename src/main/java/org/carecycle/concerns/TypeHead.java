package org.carecycle.concerns;

import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

/**
 * A logistic regression for each type of risk against everything else (one against the
 * rest, LIBLINEAR), over the same features as {@link MeaningScreen}: the sentence's
 * meaning and its words. Where one regression must draw a single line between eleven
 * kinds of harm and everything else, these draw one around each kind, so a type the
 * examples describe in its own way (a home's regime, a worker's passport held) is not
 * outweighed by the commoner ones. A text's score is its highest type's; the type and its
 * probability are a reason a lead can read ("reads like: organisational abuse, 83%").
 */
final class TypeHead {

	/**
	 * What the head made of a text.
	 *
	 * @param score the highest type's decision value (a log-odds)
	 * @param type that type
	 */
	record Reading(double score, AbuseType type) {

		/** The type's probability, from 0 to 1. */
		double probability() {
			return 1 / (1 + Math.exp(-this.score));
		}

	}

	private static final AbuseType[] TYPES = AbuseType.values();

	private final WordFeatures words;

	/**
	 * For each class (the index of an {@link AbuseType}, or -1 for none): its weights.
	 */
	private final double[][] weights;

	private final AbuseType[] classes;

	private TypeHead(WordFeatures words, double[][] weights, AbuseType[] classes) {
		this.words = words;
		this.weights = weights;
		this.classes = classes;
	}

	static TypeHead learn(List<MeaningScreen.Example> examples, double cost, double wordWeight) {
		WordFeatures words = WordFeatures.of(examples.stream().map(MeaningScreen.Example::text).toList(), wordWeight);
		int dimensions = SentenceMeaning.DIMENSIONS + words.size();
		List<Feature[]> rows = new ArrayList<>();
		List<Double> labels = new ArrayList<>();
		for (MeaningScreen.Example example : examples) {
			double label = example.safeguarding() ? example.type().ordinal() : -1;
			rows.add(MeaningScreen.features(example.vector(), words.of(example.text()), dimensions));
			labels.add(label);
			for (MeaningScreen.Part part : example.parts()) {
				rows.add(MeaningScreen.features(part.vector(), words.of(part.text()), dimensions));
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
		int[] labelsOf = model.getLabels();
		int classCount = model.getNrClass();
		double[] w = model.getFeatureWeights();
		int features = dimensions + 1;
		// LIBLINEAR keeps one weight vector per class, interleaved: w[feature * classes +
		// class]. With two classes there is one vector, for the first label.
		List<double[]> weights = new ArrayList<>();
		List<AbuseType> classes = new ArrayList<>();
		for (int c = 0; c < classCount; c++) {
			if (labelsOf[c] < 0) {
				continue;
			}
			double[] v = new double[features];
			for (int f = 0; f < features; f++) {
				v[f] = (classCount == 2) ? ((c == 0) ? 1 : -1) * w[f] : w[f * classCount + c];
			}
			weights.add(v);
			classes.add(TYPES[labelsOf[c]]);
		}
		return new TypeHead(words, weights.toArray(double[][]::new), classes.toArray(AbuseType[]::new));
	}

	/** The type the text reads most like, and how strongly. */
	Reading judge(String text, float[] vector) {
		var features = this.words.of(text);
		double best = Double.NEGATIVE_INFINITY;
		AbuseType type = null;
		for (int c = 0; c < this.weights.length; c++) {
			double[] w = this.weights[c];
			double score = w[w.length - 1];
			for (int i = 0; i < vector.length; i++) {
				score += w[i] * vector[i];
			}
			for (var word : features.entrySet()) {
				score += w[SentenceMeaning.DIMENSIONS + word.getKey()] * word.getValue();
			}
			if (score > best) {
				best = score;
				type = this.classes[c];
			}
		}
		return new Reading(best, type);
	}

}
