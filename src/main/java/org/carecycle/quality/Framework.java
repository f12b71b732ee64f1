package org.carecycle.quality;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One version of the quality assurance framework: its domains and their standards, with
 * the prompts an officer works through, the evidence to look for and the CQC key
 * questions and quality statements each standard bears on. A review is scored against the
 * version it started with, whatever is published later.
 */
public record Framework(UUID id, int number, Status status, String notes, Instant publishedAt, List<Domain> domains) {

	/** Where a version is in its life. */
	public enum Status {

		DRAFT, PUBLISHED, RETIRED;

		public String messageKey() {
			return "qaFramework.status." + name();
		}

	}

	/**
	 * A domain of the framework.
	 *
	 * @param capsOverall whether a Poor standard in it caps the overall rating at
	 * Requires improvement
	 */
	public record Domain(String key, String name, int weight, boolean capsOverall, List<Standard> standards) {
	}

	/** A standard, rated on its own and counted in its domain with its weight. */
	public record Standard(String key, String domainKey, String name, String prompts, String evidence,
			List<String> keyQuestions, String cqcStatements, int weight) {

		public List<String> promptLines() {
			return lines(this.prompts);
		}

		public List<String> evidenceLines() {
			return lines(this.evidence);
		}

		public List<String> statementLines() {
			return lines(this.cqcStatements);
		}

		private static List<String> lines(String text) {
			return (text == null) ? List.of()
					: text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
		}

	}

	public List<Standard> standards() {
		return this.domains.stream().flatMap(domain -> domain.standards().stream()).toList();
	}

	public Optional<Standard> standard(String key) {
		return standards().stream().filter(standard -> standard.key().equals(key)).findFirst();
	}

	/** The name of a standard, or its key if this version has no such standard. */
	public String standardName(String key) {
		return standard(key).map(Standard::name).orElse(key);
	}

	public Optional<Domain> domain(String key) {
		return this.domains.stream().filter(domain -> domain.key().equals(key)).findFirst();
	}

}
