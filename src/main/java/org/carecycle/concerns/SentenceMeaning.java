package org.carecycle.concerns;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * The meaning of a piece of text as a point in space: all-MiniLM-L6-v2, quantised, run in
 * this process by ONNX Runtime (no network, no service). Texts close in meaning land
 * close together, whatever words they use. One model serves the whole process; the
 * vectors of fixed texts (the labelled examples) are kept, so they are computed once.
 */
final class SentenceMeaning {

	/** How many numbers a meaning has. */
	static final int DIMENSIONS = 384;

	/** The model's name, as the rules page and the measurements say it. */
	static final String MODEL = "all-MiniLM-L6-v2 (quantised)";

	/** Longer texts are cut here: the model reads at most 256 word pieces anyway. */
	static final int MAX_CHARACTERS = 2_000;

	private static final int MAX_REMEMBERED = 20_000;

	private static volatile EmbeddingModel model;

	private static final Map<String, float[]> remembered = new ConcurrentHashMap<>();

	private SentenceMeaning() {
	}

	/** The text's vector, of unit length, so a dot product is the cosine similarity. */
	static float[] of(String text) {
		String cut = (text.length() > MAX_CHARACTERS) ? text.substring(0, MAX_CHARACTERS) : text;
		float[] vector = model().embed(cut.isBlank() ? "." : cut).content().vector();
		double norm = Math.sqrt(similarity(vector, vector));
		if (norm > 0) {
			for (int i = 0; i < vector.length; i++) {
				vector[i] = (float) (vector[i] / norm);
			}
		}
		return vector;
	}

	/** As {@link #of}, remembered: for the examples, which do not change. */
	static float[] remembered(String text) {
		float[] vector = remembered.get(text);
		if (vector == null) {
			vector = of(text);
			if (remembered.size() < MAX_REMEMBERED) {
				remembered.put(text, vector);
			}
		}
		return vector;
	}

	static double similarity(float[] a, float[] b) {
		double dot = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
		}
		return dot;
	}

	private static EmbeddingModel model() {
		EmbeddingModel loaded = model;
		if (loaded == null) {
			synchronized (SentenceMeaning.class) {
				loaded = model;
				if (loaded == null) {
					// Embedded in the caller's thread: no pool of threads of its own to
					// outlive the
					// application.
					loaded = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
					model = loaded;
				}
			}
		}
		return loaded;
	}

}
