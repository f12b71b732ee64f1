package org.carecycle.quality;

import java.time.Instant;

import org.springframework.data.relational.core.mapping.Table;

/**
 * What a review found for one standard: the officer's rating and findings, the provider's
 * factual-accuracy comment, and the senior officer's decision where the provider
 * challenged it. Part of the {@link Review} aggregate.
 */
@Table("qa_finding")
public class Finding {

	private String standardKey;

	private QaRating rating;

	private String findings;

	private String providerComment;

	private Instant providerCommentedAt;

	private DisputeOutcome disputeOutcome;

	private String disputeResponse;

	private QaRating ratingBeforeDispute;

	/** The senior officer's decision on a provider's comment. */
	public enum DisputeOutcome {

		UPHELD, NOT_UPHELD;

		public String messageKey() {
			return "disputeOutcome." + name();
		}

	}

	Finding() {
	}

	Finding(String standardKey) {
		this.standardKey = standardKey;
	}

	void rate(QaRating rating, String findings) {
		this.rating = rating;
		this.findings = findings;
	}

	void comment(String comment, Instant at) {
		if (comment != null && comment.isBlank()) {
			comment = null;
		}
		this.providerComment = comment;
		this.providerCommentedAt = (comment != null) ? at : null;
	}

	void decide(DisputeOutcome outcome, String response, QaRating newRating, String newFindings) {
		this.disputeOutcome = outcome;
		this.disputeResponse = response;
		if (outcome == DisputeOutcome.UPHELD) {
			if (this.ratingBeforeDispute == null && newRating != this.rating) {
				this.ratingBeforeDispute = this.rating;
			}
			this.rating = newRating;
			if (newFindings != null) {
				this.findings = newFindings;
			}
		}
	}

	public String standardKey() {
		return this.standardKey;
	}

	public QaRating rating() {
		return this.rating;
	}

	public String findings() {
		return this.findings;
	}

	public String providerComment() {
		return this.providerComment;
	}

	public Instant providerCommentedAt() {
		return this.providerCommentedAt;
	}

	public DisputeOutcome disputeOutcome() {
		return this.disputeOutcome;
	}

	public String disputeResponse() {
		return this.disputeResponse;
	}

	public QaRating ratingBeforeDispute() {
		return this.ratingBeforeDispute;
	}

	public boolean isChallenged() {
		return this.providerComment != null;
	}

}
