package org.carecycle.procurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What bidders and the council see of bids. */
public final class BidViews {

	private BidViews() {
	}

	/** A file sent with a bid, as the upload checked it. */
	public record BidFile(String fileName, String kind, byte[] content) {
	}

	/** What a bidder gets for a version it sent: when it arrived, and its fingerprint. */
	public record BidReceipt(UUID bidId, UUID lotId, int lotNumber, String lotTitle, int version, Instant receivedAt,
			String fingerprint, List<BidDocumentRow> documents) {
	}

	/** A document of a bid: what may be shown while it is sealed. */
	public record BidDocumentRow(UUID id, String fileName, String kind, long sizeBytes, String fingerprint) {

		public String size() {
			return (this.sizeBytes < 1024) ? this.sizeBytes + " bytes" : (this.sizeBytes < 1024 * 1024)
					? (this.sizeBytes / 1024) + " KB" : String.format("%.1f MB", this.sizeBytes / (1024.0 * 1024.0));
		}

	}

	/** A bid after opening: its latest version's content and how many came before. */
	public record OpenedBid(UUID bidId, UUID lotId, UUID providerId, int version, Instant receivedAt, BigDecimal price,
			Map<UUID, String> answers, List<BidDocumentRow> documents, int earlierVersions) {
	}

	/** The opened bids of a tender, when and by whom they were opened. */
	public record OpenedBids(Instant openedAt, List<OpenedBid> bids) {
	}

}
