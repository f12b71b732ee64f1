package org.carecycle.providers.imports;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.carecycle.providers.imports.table.HeaderRow;

/**
 * Best guesses of which column of a file holds which field: each header, normalised, is
 * compared with the names the field is usually given (Jaro-Winkler similarity from
 * Commons Text, which favours names that start alike, as "inspection_date" and
 * "inspectiondate" do), and the closest pairs are taken first, each column once.
 */
final class ColumnGuesses {

	/** Below this, a header is not taken for a field. */
	static final double THRESHOLD = 0.88;

	private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();

	private ColumnGuesses() {
	}

	private record Pair(MappedField field, int column, double score) {
	}

	/** The guessed column index of each field that has a likely column. */
	static Map<MappedField, Integer> guess(List<String> headers) {
		List<Pair> pairs = new ArrayList<>();
		for (int column = 0; column < headers.size(); column++) {
			String header = HeaderRow.normalise(headers.get(column));
			if (header.isEmpty()) {
				continue;
			}
			for (MappedField field : MappedField.values()) {
				double best = 0;
				for (String usual : field.usualNames()) {
					best = Math.max(best, score(header, usual));
				}
				if (best >= THRESHOLD) {
					pairs.add(new Pair(field, column, best));
				}
			}
		}
		pairs.sort((a, b) -> (a.score() != b.score()) ? Double.compare(b.score(), a.score())
				: (a.field() != b.field()) ? a.field().compareTo(b.field()) : Integer.compare(a.column(), b.column()));
		Map<MappedField, Integer> guesses = new EnumMap<>(MappedField.class);
		Set<Integer> taken = new HashSet<>();
		for (Pair pair : pairs) {
			if (!guesses.containsKey(pair.field()) && taken.add(pair.column())) {
				guesses.put(pair.field(), pair.column());
			}
		}
		return guesses;
	}

	private static double score(String header, String usual) {
		if (header.equals(usual)) {
			return 1.0;
		}
		return SIMILARITY.apply(header, usual);
	}

}
