package org.carecycle.quality;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The questions a {@link Review} asks of its findings, one a standard: which are rated,
 * written, below Good or still challenged. The findings stay in the aggregate (Spring
 * Data JDBC maps them with it); these read them, so the review's rules read as rules.
 */
final class ReviewFindings {

	private ReviewFindings() {
	}

	static Optional<Finding> find(Collection<Finding> findings, String standardKey) {
		return findings.stream().filter(finding -> finding.standardKey().equals(standardKey)).findFirst();
	}

	/** Each standard's rating, null where it is not rated yet. */
	static Map<String, QaRating> ratings(Collection<Finding> findings) {
		Map<String, QaRating> ratings = new HashMap<>();
		findings.forEach(finding -> ratings.put(finding.standardKey(), finding.rating()));
		return ratings;
	}

	/** The findings rated below Good, those an action plan must answer. */
	static List<Finding> belowGood(Collection<Finding> findings) {
		return findings.stream().filter(finding -> finding.rating() != null && finding.rating().isBelowGood()).toList();
	}

	/** Whether every standard has its findings written. */
	static boolean allWritten(Collection<Finding> findings) {
		return findings.stream().allMatch(finding -> finding.findings() != null && !finding.findings().isBlank());
	}

	/** Whether a senior officer has decided each of the provider's comments. */
	static boolean allDecided(Collection<Finding> findings) {
		return findings.stream().filter(Finding::isChallenged).allMatch(finding -> finding.disputeOutcome() != null);
	}

}
