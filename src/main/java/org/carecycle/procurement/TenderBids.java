package org.carecycle.procurement;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.SecretKey;

import org.carecycle.identity.AuditAction;
import org.carecycle.identity.AuditLog;
import org.carecycle.identity.CurrentUser;
import org.carecycle.identity.SignedInUser;
import org.carecycle.procurement.BidViews.BidDocumentRow;
import org.carecycle.procurement.BidViews.BidFile;
import org.carecycle.procurement.BidViews.BidReceipt;
import org.carecycle.procurement.BidViews.OpenedBid;
import org.carecycle.procurement.BidViews.OpenedBids;
import org.carecycle.procurement.TenderViews.TenderView;
import org.carecycle.shared.ProviderId;
import org.carecycle.shared.RecordNotFoundException;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sealed bids (ADR 0042): received until the tender's deadline by the database's clock,
 * sealed as they arrive, kept version by version, and opened only after the deadline.
 * Every attempt to read them, granted or not, goes through the database's
 * {@code procurement_unseal} (which logs it) and the audit log, each in a transaction of
 * its own so that a refusal is recorded even though nothing is read.
 */
@Service
public class TenderBids {

	/** The database's error when a bid arrives after the deadline (V43). */
	static final String LATE = "P0042";

	private final JdbcClient jdbc;

	private final TenderSeal seal;

	private final Tenders tenders;

	private final AuditLog auditLog;

	private final CurrentUser currentUser;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	TenderBids(JdbcClient jdbc, TenderSeal seal, Tenders tenders, AuditLog auditLog, CurrentUser currentUser,
			Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.seal = seal;
		this.tenders = tenders;
		this.auditLog = auditLog;
		this.currentUser = currentUser;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	// Receiving
	// --------------------

	/**
	 * Receives a bid for a lot, or a new version of the provider's bid for it; the
	 * documents of its previous version stay with it, and the new files are added.
	 * @throws BidDeadlinePassedException when the database's clock says it is too late
	 */
	@Transactional
	public BidReceipt submit(UUID tenderId, UUID lotId, ProviderId provider, BigDecimal price,
			Map<UUID, String> answers, List<BidFile> files) {
		TenderView tender = this.tenders.require(tenderId);
		if (this.tenders.lots(tenderId).stream().noneMatch(lot -> lot.id().equals(lotId))) {
			throw new RecordNotFoundException("No such lot");
		}
		if (tender.status() != TenderStatus.PUBLISHED) {
			throw new BidDeadlinePassedException(null);
		}
		byte[] publicKey = this.jdbc.sql("select seal_public_key from procurement_tender where id = :t")
			.param("t", tenderId)
			.query(byte[].class)
			.single();
		try {
			this.jdbc.sql("""
					insert into procurement_bid (id, tender_id, lot_id, provider_id, created_at)
					values (:id, :t, :lot, :provider, clock_timestamp())
					on conflict (lot_id, provider_id) do nothing""")
				.param("id", UUID.randomUUID())
				.param("t", tenderId)
				.param("lot", lotId)
				.param("provider", provider.value())
				.update();
			UUID bidId = this.jdbc
				.sql("select id from procurement_bid where lot_id = :lot and provider_id = :provider for update")
				.param("lot", lotId)
				.param("provider", provider.value())
				.query(UUID.class)
				.single();
			int number = this.jdbc
				.sql("select coalesce(max(number), 0) + 1 from procurement_bid_version where bid_id = :bid")
				.param("bid", bidId)
				.query(Integer.class)
				.single();
			List<UUID> kept = (number == 1) ? List.of()
					: this.jdbc.sql("""
							select d.document_id from procurement_bid_version_document d
							join procurement_bid_version v on v.id = d.bid_version_id
							where v.bid_id = :bid and v.number = :previous""")
						.param("bid", bidId)
						.param("previous", number - 1)
						.query(UUID.class)
						.list();
			TenderSeal.SealedKey key = this.seal.newBidKey(publicKey);
			byte[] sealed = this.seal.seal(key.key(), encode(price, answers));
			UUID versionId = UUID.randomUUID();
			Instant receivedAt = this.jdbc.sql("""
					insert into procurement_bid_version (id, bid_id, number, received_at, submitted_by, sealed_key,
					    sealed_content, fingerprint)
					values (:id, :bid, :number, clock_timestamp(), :by, :key, :content, :fingerprint)
					returning received_at""")
				.param("id", versionId)
				.param("bid", bidId)
				.param("number", number)
				.param("by", this.currentUser.get().map(SignedInUser::id).orElse(null))
				.param("key", key.sealed())
				.param("content", sealed)
				.param("fingerprint", sha256(sealed))
				.query((rs, row) -> rs.getTimestamp(1).toInstant())
				.single();
			List<UUID> documents = new ArrayList<>(kept);
			for (BidFile file : files) {
				TenderSeal.SealedKey fileKey = this.seal.newBidKey(publicKey);
				byte[] sealedFile = this.seal.seal(fileKey.key(), file.content());
				UUID documentId = UUID.randomUUID();
				this.jdbc.sql("""
						insert into procurement_bid_document (id, bid_id, file_name, kind, size_bytes, fingerprint,
						    received_at, sealed_key, sealed_content)
						values (:id, :bid, :name, :kind, :size, :fingerprint, clock_timestamp(), :key, :content)""")
					.param("id", documentId)
					.param("bid", bidId)
					.param("name", file.fileName())
					.param("kind", file.kind())
					.param("size", (long) file.content().length)
					.param("fingerprint", sha256(sealedFile))
					.param("key", fileKey.sealed())
					.param("content", sealedFile)
					.update();
				documents.add(documentId);
			}
			for (UUID documentId : documents) {
				this.jdbc
					.sql("insert into procurement_bid_version_document (bid_version_id, document_id) values (:v, :d)")
					.param("v", versionId)
					.param("d", documentId)
					.update();
			}
			Map<String, Object> audit = new LinkedHashMap<>();
			audit.put("tender", tenderId);
			audit.put("lot", lotId);
			audit.put("provider", provider.value());
			audit.put("version", number);
			audit.put("receivedAt", receivedAt);
			audit.put("documents", documents.size());
			this.auditLog.created("tender-bid-version", versionId, audit);
			return receipts(tenderId, provider).stream()
				.filter(receipt -> receipt.bidId().equals(bidId) && receipt.version() == number)
				.findFirst()
				.orElseThrow();
		}
		catch (DataAccessException ex) {
			if (isLate(ex)) {
				throw new BidDeadlinePassedException(ex);
			}
			throw ex;
		}
	}

	/** Records a refused late bid, in a transaction of its own. */
	public void recordLateBid(UUID tenderId, ProviderId provider) {
		this.ownTransaction.executeWithoutResult(
				status -> this.auditLog.record(AuditAction.SEALED_READ_REFUSED, "tender-bid", tenderId,
						"A late bid by provider " + provider.value() + " was refused: it arrived after the deadline"));
	}

	static boolean isLate(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && LATE.equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	// What bidders and the council may see while sealed
	// --------------------

	/** A provider's own bids for a tender, version by version, newest first. */
	public List<BidReceipt> receipts(UUID tenderId, ProviderId provider) {
		return this.jdbc.sql("""
				select b.id as bid_id, l.id as lot_id, l.number as lot_number, l.title as lot_title, v.id as version_id,
				       v.number, v.received_at, v.fingerprint
				from procurement_bid b
				join procurement_tender_lot l on l.id = b.lot_id
				join procurement_bid_version v on v.bid_id = b.id
				where b.tender_id = :t and b.provider_id = :provider
				order by l.number, v.number desc""")
			.param("t", tenderId)
			.param("provider", provider.value())
			.query((rs, row) -> new BidReceipt(rs.getObject("bid_id", UUID.class), rs.getObject("lot_id", UUID.class),
					rs.getInt("lot_number"), rs.getString("lot_title"), rs.getInt("number"),
					rs.getTimestamp("received_at").toInstant(), rs.getString("fingerprint"),
					documentsOf(rs.getObject("version_id", UUID.class))))
			.list();
	}

	private List<BidDocumentRow> documentsOf(UUID versionId) {
		return this.jdbc.sql("""
				select d.id, d.file_name, d.kind, d.size_bytes, d.fingerprint
				from procurement_bid_document d join procurement_bid_version_document vd on vd.document_id = d.id
				where vd.bid_version_id = :v order by d.received_at, d.file_name""")
			.param("v", versionId)
			.query(BidDocumentRow.class)
			.list();
	}

	/** How many bids a tender has had (what the council may know before opening). */
	public int count(UUID tenderId) {
		return this.jdbc.sql("select count(*) from procurement_bid where tender_id = :t")
			.param("t", tenderId)
			.query(Integer.class)
			.single();
	}

	/** Every attempt to unseal the tender's bids, newest first. */
	public record AccessAttempt(Instant attemptedAt, String applicationUser, String purpose, boolean granted) {
	}

	public List<AccessAttempt> attempts(UUID tenderId) {
		return this.jdbc.sql("""
				select attempted_at, application_user, purpose, granted from procurement_bid_access
				where tender_id = :t order by attempted_at desc limit 200""")
			.param("t", tenderId)
			.query(AccessAttempt.class)
			.list();
	}

	// Opening and reading
	// --------------------

	/**
	 * Opens the bids after the deadline: the database gives out the tender's key only
	 * from the millisecond after it, and from then on refuses any bid.
	 * @throws BidsSealedException before the deadline (the attempt is logged)
	 */
	public OpenedBids open(UUID tenderId) {
		TenderView tender = this.tenders.require(tenderId);
		if (tender.status() == TenderStatus.OPENED) {
			return read(tenderId);
		}
		if (tender.status() != TenderStatus.PUBLISHED) {
			throw new IllegalStateException("Only a published tender's bids can be opened.");
		}
		byte[] key = unseal(tenderId, "open the bids");
		if (key == null) {
			throw new BidsSealedException("The bids are sealed until the deadline has passed.");
		}
		Instant openedAt = this.ownTransaction.execute(status -> {
			Instant at = this.jdbc.sql("""
					update procurement_tender set status = 'OPENED', opened_at = clock_timestamp(), opened_by = :by,
					    version = version + 1, updated_at = clock_timestamp()
					where id = :t and status = 'PUBLISHED' and clock_timestamp() > closes_at
					returning opened_at""")
				.param("t", tenderId)
				.param("by", this.currentUser.get().map(SignedInUser::id).orElse(null))
				.query((rs, row) -> rs.getTimestamp(1).toInstant())
				.optional()
				.orElse(null);
			if (at != null) {
				this.auditLog.changed("tender", tenderId, Map.of("status", TenderStatus.PUBLISHED.name()),
						Map.of("status", TenderStatus.OPENED.name(), "openedAt", at));
			}
			return at;
		});
		return new OpenedBids(openedAt, opened(tenderId, key));
	}

	/**
	 * The opened bids, each read logged.
	 * @throws BidsSealedException when they have not been opened (the attempt is logged)
	 */
	public OpenedBids read(UUID tenderId) {
		TenderView tender = this.tenders.require(tenderId);
		if (tender.status() != TenderStatus.OPENED) {
			refuse(tenderId, "read the bids before they were opened");
			throw new BidsSealedException("The bids have not been opened.");
		}
		byte[] key = unseal(tenderId, "read the opened bids");
		if (key == null) {
			throw new BidsSealedException("The bids are sealed until the deadline has passed.");
		}
		return new OpenedBids(tender.openedAt(), opened(tenderId, key));
	}

	/** An opened bid's document, for download. */
	public record OpenedDocument(String fileName, String kind, byte[] content) {
	}

	public OpenedDocument document(UUID tenderId, UUID documentId) {
		TenderView tender = this.tenders.require(tenderId);
		record Row(String fileName, String kind, byte[] sealedKey, byte[] sealedContent) {
		}
		Row row = this.jdbc.sql("""
				select d.file_name, d.kind, d.sealed_key, d.sealed_content
				from procurement_bid_document d join procurement_bid b on b.id = d.bid_id
				where d.id = :d and b.tender_id = :t""")
			.param("d", documentId)
			.param("t", tenderId)
			.query(Row.class)
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("No such document"));
		if (tender.status() != TenderStatus.OPENED) {
			refuse(tenderId, "download a bid document before the bids were opened");
			throw new BidsSealedException("The bids have not been opened.");
		}
		byte[] key = unseal(tenderId, "download bid document " + documentId);
		if (key == null) {
			throw new BidsSealedException("The bids are sealed until the deadline has passed.");
		}
		SecretKey fileKey = this.seal.openBidKey(key, row.sealedKey());
		return new OpenedDocument(row.fileName(), row.kind(), this.seal.open(fileKey, row.sealedContent()));
	}

	private List<OpenedBid> opened(UUID tenderId, byte[] wrappedKey) {
		record Row(UUID bidId, UUID lotId, UUID providerId, UUID versionId, int number, Instant receivedAt,
				byte[] sealedKey, byte[] sealedContent) {
		}
		List<Row> rows = this.jdbc.sql("""
				select b.id as bid_id, b.lot_id, b.provider_id, v.id as version_id, v.number, v.received_at,
				       v.sealed_key, v.sealed_content
				from procurement_bid b
				join procurement_bid_version v on v.bid_id = b.id
				    and v.number = (select max(number) from procurement_bid_version w where w.bid_id = b.id)
				where b.tender_id = :t
				order by b.lot_id, v.received_at""")
			.param("t", tenderId)
			.query((rs, n) -> new Row(rs.getObject("bid_id", UUID.class), rs.getObject("lot_id", UUID.class),
					rs.getObject("provider_id", UUID.class), rs.getObject("version_id", UUID.class),
					rs.getInt("number"), rs.getTimestamp("received_at").toInstant(), rs.getBytes("sealed_key"),
					rs.getBytes("sealed_content")))
			.list();
		List<OpenedBid> bids = new ArrayList<>();
		for (Row row : rows) {
			SecretKey key = this.seal.openBidKey(wrappedKey, row.sealedKey());
			Content content = decode(this.seal.open(key, row.sealedContent()));
			bids.add(new OpenedBid(row.bidId(), row.lotId(), row.providerId(), row.number(), row.receivedAt(),
					content.price(), content.answers(), documentsOf(row.versionId()), row.number() - 1));
		}
		return bids;
	}

	/**
	 * Asks the database for the tender's wrapped key: logged there and here, granted or
	 * not.
	 */
	private byte[] unseal(UUID tenderId, String purpose) {
		String who = who();
		return this.ownTransaction.execute(status -> {
			byte[] key = this.jdbc.sql("select procurement_unseal(:t, :who, :purpose)")
				.param("t", tenderId)
				.param("who", who)
				.param("purpose", purpose)
				.query((rs, row) -> java.util.Optional.ofNullable(rs.getBytes(1)))
				.single()
				.orElse(null);
			this.auditLog.record((key != null) ? AuditAction.SEALED_READ : AuditAction.SEALED_READ_REFUSED,
					"tender-bids", tenderId, ((key != null) ? "Granted: " : "Refused: ") + purpose);
			return key;
		});
	}

	/** Logs an attempt refused before asking the database (the bids not yet opened). */
	private void refuse(UUID tenderId, String purpose) {
		String who = who();
		this.ownTransaction.executeWithoutResult(status -> {
			this.jdbc
				.sql("""
						insert into procurement_bid_access (tender_id, attempted_at, database_user, application_user, purpose, granted)
						values (:t, clock_timestamp(), session_user, :who, :purpose, false)""")
				.param("t", tenderId)
				.param("who", who)
				.param("purpose", purpose)
				.update();
			this.auditLog.record(AuditAction.SEALED_READ_REFUSED, "tender-bids", tenderId, "Refused: " + purpose);
		});
	}

	private String who() {
		return this.currentUser.get().map(SignedInUser::email).orElse("system");
	}

	// The sealed content
	// --------------------

	record Content(BigDecimal price, Map<UUID, String> answers) {
	}

	static byte[] encode(BigDecimal price, Map<UUID, String> answers) {
		try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
				DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeInt(1);
			out.writeUTF((price != null) ? price.toPlainString() : "");
			out.writeInt(answers.size());
			for (Map.Entry<UUID, String> answer : answers.entrySet()) {
				out.writeUTF(answer.getKey().toString());
				byte[] text = answer.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8);
				out.writeInt(text.length);
				out.write(text);
			}
			out.flush();
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Content decode(byte[] content) {
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(content))) {
			in.readInt();
			String price = in.readUTF();
			int count = in.readInt();
			Map<UUID, String> answers = new LinkedHashMap<>();
			for (int i = 0; i < count; i++) {
				UUID id = UUID.fromString(in.readUTF());
				byte[] text = new byte[in.readInt()];
				in.readFully(text);
				answers.put(id, new String(text, java.nio.charset.StandardCharsets.UTF_8));
			}
			return new Content(price.isEmpty() ? null : new BigDecimal(price), answers);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	Optional<Instant> now() {
		return Optional.of(this.clock.instant());
	}

}
