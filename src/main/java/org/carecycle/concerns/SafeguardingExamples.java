package org.carecycle.concerns;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The screen measured on the check set, for the rules page and for trying an example
 * before it is saved. The check set is not the held-out test set: that one lives with the
 * tests and nothing here reads it.
 */
public final class SafeguardingExamples {

	/** The longest example sentence. */
	public static final int MAX_EXAMPLE = 500;

	private SafeguardingExamples() {
	}

	/**
	 * The screen's figures on a labelled set.
	 *
	 * @param byType for each type of risk: how many reports, and how many were flagged
	 * @param notSafeguarding how many reports were not safeguarding
	 * @param falseFlags how many of those were flagged
	 */
	public record Figures(Map<AbuseType, Count> byType, int notSafeguarding, int falseFlags) {

		public int reports() {
			return this.byType.values().stream().mapToInt(Count::reports).sum();
		}

		public int flagged() {
			return this.byType.values().stream().mapToInt(Count::flagged).sum();
		}

		/** The share of safeguarding reports flagged, in per cent. */
		public double recall() {
			return percent(flagged(), reports());
		}

		/** The share of other reports flagged, in per cent. */
		public double falseFlagRate() {
			return percent(this.falseFlags, this.notSafeguarding);
		}

	}

	/**
	 * Reports of one type and how many were flagged.
	 *
	 * @param reports how many
	 * @param flagged how many were flagged
	 */
	public record Count(int reports, int flagged) {

		public double recall() {
			return percent(this.flagged, this.reports);
		}

	}

	/**
	 * A report of the check set whose flag an example would change.
	 *
	 * @param id its id in the set
	 * @param type its label, or null when it is not safeguarding
	 * @param text what it says
	 * @param flaggedNow whether it would be flagged with the example
	 */
	public record Change(String id, AbuseType type, String text, boolean flaggedNow) {

		/**
		 * A change for the better: a safeguarding report now flagged, or a false flag
		 * gone.
		 */
		public boolean better() {
			return (this.type != null) == this.flaggedNow;
		}

	}

	/**
	 * What an example would do.
	 *
	 * @param before the figures without it
	 * @param after the figures with it
	 * @param changes the reports it changes
	 */
	public record Effect(Figures before, Figures after, List<Change> changes) {
	}

	static double percent(int part, int whole) {
		return (whole == 0) ? 0 : 100.0 * part / whole;
	}

	/**
	 * An example sentence as stored: trimmed, single spaces, at most
	 * {@link #MAX_EXAMPLE}.
	 */
	public static String normalise(String text) {
		String clean = (text == null) ? "" : text.strip().replaceAll("\\s+", " ");
		return (clean.length() > MAX_EXAMPLE) ? clean.substring(0, MAX_EXAMPLE) : clean;
	}

	/** The words of the labelled rows, commonest first, with their uses. */
	static java.util.LinkedHashMap<String, Integer> wordsByUse(List<SafeguardingCorpus.Labelled> rows) {
		Map<String, Integer> counts = new HashMap<>();
		for (SafeguardingCorpus.Labelled row : rows) {
			for (String word : row.text().toLowerCase(Locale.UK).split("[^\\p{L}'’]+")) {
				if (word.length() >= 2) {
					counts.merge(word, 1, Integer::sum);
				}
			}
		}
		List<String> words = new ArrayList<>(counts.keySet());
		words.sort((a, b) -> (counts.get(b).equals(counts.get(a))) ? a.compareTo(b) : counts.get(b) - counts.get(a));
		java.util.LinkedHashMap<String, Integer> byUse = new java.util.LinkedHashMap<>();
		words.forEach(word -> byUse.put(word, counts.get(word)));
		return byUse;
	}

	private static List<SafeguardingCorpus.Labelled> checkSet() {
		return SafeguardingCorpus.read(SafeguardingCorpus.CHECK);
	}

	static Figures figures(SafeguardingScreen screen, MeaningScreen meaning) {
		return measure(screen, meaning, checkSet(), null);
	}

	static Effect effect(SafeguardingScreen screen, MeaningScreen before, MeaningScreen after) {
		List<SafeguardingCorpus.Labelled> rows = checkSet();
		Map<String, Boolean> flaggedBefore = new HashMap<>();
		Figures without = measure(screen, before, rows, flaggedBefore);
		Map<String, Boolean> flaggedAfter = new HashMap<>();
		Figures with = measure(screen, after, rows, flaggedAfter);
		List<Change> changes = new ArrayList<>();
		for (SafeguardingCorpus.Labelled row : rows) {
			boolean now = flaggedAfter.get(row.id());
			if (now != flaggedBefore.get(row.id())) {
				changes.add(new Change(row.id(), row.type(), row.text(), now));
			}
		}
		return new Effect(without, with, changes);
	}

	/** Measures a screen on labelled rows: the phrase rules, then the meaning layer. */
	static Figures measure(SafeguardingScreen screen, MeaningScreen meaning, List<SafeguardingCorpus.Labelled> rows,
			Map<String, Boolean> flags) {
		Map<AbuseType, int[]> byType = new EnumMap<>(AbuseType.class);
		int none = 0;
		int falseFlags = 0;
		for (SafeguardingCorpus.Labelled row : rows) {
			String corrected = screen.corrected(row.text());
			boolean flagged = screen.flaggedByRules(row.text())
					|| meaning.judge(corrected, SentenceMeaning::remembered).flagged();
			if (flags != null) {
				flags.put(row.id(), flagged);
			}
			if (row.safeguarding()) {
				int[] count = byType.computeIfAbsent(row.type(), t -> new int[2]);
				count[0]++;
				count[1] += flagged ? 1 : 0;
			}
			else {
				none++;
				falseFlags += flagged ? 1 : 0;
			}
		}
		Map<AbuseType, Count> counts = new EnumMap<>(AbuseType.class);
		byType.forEach((type, count) -> counts.put(type, new Count(count[0], count[1])));
		return new Figures(counts, none, falseFlags);
	}

}
