package org.carecycle.procurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the tender pages show: read models of a tender and its parts. */
public final class TenderViews {

	private TenderViews() {
	}

	/** A tender, without its parts. */
	public record TenderView(UUID id, int version, String reference, String title, String description,
			String intentionReference, TenderProcedure procedure, BigDecimal estimatedValue, Integer contractMonths,
			TenderStatus status, Instant closesAt, Instant publishedAt, Instant openedAt, Instant createdAt) {

		/** Whether bids may still arrive, by the given instant (the page's clock). */
		public boolean openForBids(Instant now) {
			return this.status == TenderStatus.PUBLISHED && this.closesAt != null && !now.isAfter(this.closesAt);
		}

		/** Whether the deadline has passed and the bids wait to be opened. */
		public boolean closedAndSealed(Instant now) {
			return this.status == TenderStatus.PUBLISHED && this.closesAt != null && now.isAfter(this.closesAt);
		}

	}

	/** A row of a list of tenders. */
	public record TenderRow(UUID id, String reference, String title, TenderProcedure procedure, TenderStatus status,
			Instant publishedAt, Instant closesAt, BigDecimal estimatedValue, int lots, int bids) {
	}

	public record Lot(UUID id, int number, String title, String description, BigDecimal estimatedValue) {
	}

	/** An award criterion; sub-criteria have a parent. */
	public record Criterion(UUID id, UUID parentId, CriterionKind kind, String title, String guidance, Integer weight,
			int position) {

		public boolean topLevel() {
			return this.parentId == null;
		}

	}

	public record TenderDocument(UUID documentId, String title, String fileName, String size, Instant addedAt) {
	}

	/** A clarification question; the asker is never part of what bidders see. */
	public record Clarification(UUID id, int number, String question, Instant askedAt, String answer,
			Instant answeredAt, boolean askedByViewer) {

		public boolean answered() {
			return this.answer != null;
		}

	}

	/** The tender with everything a page about it shows. */
	public record TenderPage(TenderView tender, List<Lot> lots, List<Criterion> criteria,
			List<TenderDocument> documents, List<Clarification> clarifications) {
	}

}
