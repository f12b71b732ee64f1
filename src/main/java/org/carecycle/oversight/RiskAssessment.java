package org.carecycle.oversight;

import java.util.List;
import java.util.Objects;

/**
 * A service's risk score with its explanation: the points each known signal added (they
 * sum to the score), the signals that were not known, and caveats about the evidence.
 *
 * @param score from 0 to 100, the sum of the contributions' points
 * @param band the band the score falls in
 * @param contributions every known signal in a fixed order, with the points it added (0
 * when it gave no cause for concern)
 * @param unknown the codes of the signals that were not known, in the same order
 * @param caveats message-key-like codes of warnings about the evidence itself (old or
 * missing CQC evidence), which add no points
 */
public record RiskAssessment(int score, RiskBand band, List<Contribution> contributions, List<String> unknown,
		List<String> caveats) {

	/**
	 * What one signal added to the score.
	 *
	 * @param signal a message-key-like code, such as {@code risk.cqc.overall}
	 * @param value the value the model saw, as plain text (a rating's constant name, a
	 * count, {@code true})
	 * @param points the points it added; only the {@code risk.cap} entry, which keeps the
	 * score at 100 when the signals add up to more, is negative
	 */
	public record Contribution(String signal, String value, int points) {

		public Contribution {
			Objects.requireNonNull(signal, "signal");
			Objects.requireNonNull(value, "value");
		}

	}

	public RiskAssessment {
		Objects.requireNonNull(band, "band");
		contributions = List.copyOf(contributions);
		unknown = List.copyOf(unknown);
		caveats = List.copyOf(caveats);
		int sum = contributions.stream().mapToInt(Contribution::points).sum();
		if (sum != score) {
			throw new IllegalArgumentException("The contributions add up to " + sum + ", not the score " + score);
		}
		if (band != RiskBand.forScore(score)) {
			throw new IllegalArgumentException(
					"A score of " + score + " is " + RiskBand.forScore(score) + ", not " + band);
		}
	}

	/** Whether the service is at or above the alert threshold (HIGH or CRITICAL). */
	public boolean isAlert() {
		return this.band.isAlert();
	}

	/** The points one signal added, 0 when it added none or was unknown. */
	public int pointsFor(String signal) {
		return this.contributions.stream()
			.filter(contribution -> contribution.signal().equals(signal))
			.mapToInt(Contribution::points)
			.sum();
	}

}
