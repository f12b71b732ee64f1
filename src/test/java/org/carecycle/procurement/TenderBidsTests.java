package org.carecycle.procurement;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.carecycle.ApplicationTest;
import org.carecycle.identity.AuditLog;
import org.carecycle.procurement.BidViews.BidReceipt;
import org.carecycle.procurement.BidViews.OpenedBids;
import org.carecycle.procurement.TenderViews.Criterion;
import org.carecycle.shared.ProviderId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sealed bids (ADR 0042): nobody reads a bid before the deadline, by the application or
 * straight from the database; every attempt is logged; a bid in the deadline's
 * millisecond is in time and one a millisecond later is not; and with many bidders at
 * once around the deadline nothing is lost and nothing late is accepted.
 */
@ApplicationTest
class TenderBidsTests {

	@Autowired
	Tenders tenders;

	@Autowired
	TenderBids bids;

	@Autowired
	JdbcClient jdbc;

	/** A published tender whose deadline is the given time after the database's now. */
	private UUID tenderClosingIn(long millis) {
		return AuditLog.asSystem("Tender test", () -> {
			Instant dbNow = this.jdbc.sql("select clock_timestamp()")
				.query((rs, row) -> rs.getTimestamp(1).toInstant())
				.single();
			UUID id = this.tenders.create(new Tenders.TenderDetails("Sealed bids test", "A test tender", null,
					TenderProcedure.OPEN, null, null, dbNow.plusMillis(millis)));
			this.tenders.addLot(id, "Lot", "The only lot", null);
			this.tenders.addCriterion(id, null, CriterionKind.QUALITY, "Quality", null, 70);
			this.tenders.addCriterion(id, null, CriterionKind.PRICE, "Price", null, 30);
			this.tenders.publish(id, false);
			return id;
		});
	}

	private BidReceipt bid(UUID tender, UUID provider, String price) {
		UUID lot = this.tenders.lots(tender).get(0).id();
		UUID quality = this.tenders.criteria(tender).get(0).id();
		return AuditLog.asSystem("Tender test",
				() -> this.bids.submit(tender, lot, new ProviderId(provider), new BigDecimal(price),
						Map.of(quality, "Our answer about quality"),
						List.of(new BidViews.BidFile("method.pdf", "PDF", "%PDF-1.4 method statement".getBytes()))));
	}

	private Instant closesAt(UUID tender) {
		return this.tenders.require(tender).closesAt();
	}

	private int attempts(UUID tender, boolean granted) {
		return this.jdbc.sql("select count(*) from procurement_bid_access where tender_id = :t and granted = :g")
			.param("t", tender)
			.param("g", granted)
			.query(Integer.class)
			.single();
	}

	@Test
	void nobodyReadsABidBeforeTheDeadlineAndEveryAttemptIsLogged() throws Exception {
		UUID tender = tenderClosingIn(3_000);
		UUID provider = UUID.randomUUID();
		bid(tender, provider, "123456.78");

		// through the application: reading and opening are refused, and logged
		assertThatThrownBy(() -> this.bids.read(tender)).isInstanceOf(BidsSealedException.class);
		assertThatThrownBy(() -> AuditLog.asSystem("Tender test", () -> this.bids.open(tender)))
			.isInstanceOf(BidsSealedException.class);
		assertThat(attempts(tender, false)).isEqualTo(2);
		// straight from the database, as the application's own (superuser) connection:
		// the stored content is ciphertext, and the key function refuses and logs
		List<byte[]> stored = this.jdbc.sql("""
				select v.sealed_content from procurement_bid_version v join procurement_bid b on b.id = v.bid_id
				where b.tender_id = :t
				union all
				select d.sealed_content from procurement_bid_document d join procurement_bid b on b.id = d.bid_id
				where b.tender_id = :t""").param("t", tender).query(byte[].class).list();
		assertThat(stored).hasSize(2);
		for (byte[] content : stored) {
			String text = new String(content, StandardCharsets.ISO_8859_1);
			assertThat(text).doesNotContain("123456.78")
				.doesNotContain("Our answer")
				.doesNotContain("method statement");
		}
		byte[] key = this.jdbc.sql("select procurement_unseal(:t, 'someone at psql', 'curiosity')")
			.param("t", tender)
			.query((rs, row) -> java.util.Optional.ofNullable(rs.getBytes(1)))
			.single()
			.orElse(null);
		assertThat(key).isNull();
		assertThat(attempts(tender, false)).isEqualTo(3);
		assertThat(this.bids.attempts(tender))
			.anySatisfy(a -> assertThat(a.applicationUser()).isEqualTo("someone at psql"));
		// the wrapped key itself is no use without the seal key held outside the database
		byte[] wrapped = this.jdbc.sql("select wrapped_private_key from procurement_tender_seal where tender_id = :t")
			.param("t", tender)
			.query(byte[].class)
			.single();
		assertThat(new String(wrapped, StandardCharsets.ISO_8859_1)).doesNotContain("PRIVATE");

		waitUntilAfter(closesAt(tender));
		OpenedBids opened = AuditLog.asSystem("Tender test", () -> this.bids.open(tender));
		assertThat(opened.bids()).singleElement().satisfies(b -> {
			assertThat(b.price()).isEqualByComparingTo("123456.78");
			assertThat(b.answers()).containsValue("Our answer about quality");
			assertThat(b.providerId()).isEqualTo(provider);
		});
		UUID document = opened.bids().get(0).documents().get(0).id();
		assertThat(new String(this.bids.document(tender, document).content(), StandardCharsets.UTF_8))
			.isEqualTo("%PDF-1.4 method statement");
		assertThat(attempts(tender, true)).isGreaterThanOrEqualTo(2);
		assertThat(this.tenders.require(tender).status()).isEqualTo(TenderStatus.OPENED);
	}

	@Test
	void aBidInTheDeadlinesMillisecondIsInTimeAndOneAMillisecondLaterIsNot() {
		Instant closes = Instant.parse("2027-03-26T12:00:00.000Z");
		assertThat(inTime(closes, closes)).isTrue();
		assertThat(inTime(closes.plusNanos(999_000), closes)).as("later in the same millisecond").isTrue();
		assertThat(inTime(closes.minusMillis(1), closes)).isTrue();
		assertThat(inTime(closes.plusMillis(1), closes)).as("a millisecond late").isFalse();
	}

	private boolean inTime(Instant received, Instant closes) {
		return this.jdbc.sql("select procurement_bid_in_time(:received, :closes)")
			.param("received", java.sql.Timestamp.from(received))
			.param("closes", java.sql.Timestamp.from(closes))
			.query(Boolean.class)
			.single();
	}

	@Test
	void aBidAfterTheDeadlineIsRefusedByTheDatabaseEvenIfTheApplicationLetsItThrough() throws Exception {
		UUID tender = tenderClosingIn(800);
		waitUntilAfter(closesAt(tender));
		assertThatThrownBy(() -> bid(tender, UUID.randomUUID(), "1000")).isInstanceOf(BidDeadlinePassedException.class);
		assertThat(this.bids.count(tender)).isZero();
	}

	@Test
	void aChangedBidIsANewVersionAndNoVersionCanBeChangedOrDeleted() {
		UUID tender = tenderClosingIn(60_000);
		UUID provider = UUID.randomUUID();
		bid(tender, provider, "1000");
		BidReceipt second = bid(tender, provider, "900");
		assertThat(second.version()).isEqualTo(2);
		assertThat(second.documents()).as("the first version's document is kept, and the new one added").hasSize(2);
		assertThat(this.bids.receipts(tender, new ProviderId(provider))).extracting(BidReceipt::version)
			.containsExactly(2, 1);
		assertThat(this.bids.receipts(tender, new ProviderId(UUID.randomUUID()))).isEmpty();
		assertThatThrownBy(() -> this.jdbc.sql("""
				update procurement_bid_version set sealed_content = '\\x00'
				where bid_id in (select id from procurement_bid where tender_id = :t)""").param("t", tender).update())
			.hasMessageContaining("kept as it was received");
		assertThatThrownBy(() -> this.jdbc
			.sql("""
					delete from procurement_bid_version where bid_id in (select id from procurement_bid where tender_id = :t)""")
			.param("t", tender)
			.update()).hasMessageContaining("kept as it was received");
	}

	@Test
	void manyBiddersAtOnceAroundTheDeadlineLoseNothingAndNothingLateIsAccepted() throws Exception {
		UUID tender = tenderClosingIn(4_000);
		Instant closes = closesAt(tender);
		int bidders = 30;
		record Attempt(Instant sentAt, BidReceipt receipt, boolean refused) {
		}
		List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
		ExecutorService pool = Executors.newFixedThreadPool(bidders);
		CountDownLatch ready = new CountDownLatch(bidders);
		List<Future<?>> futures = new ArrayList<>();
		for (int i = 0; i < bidders; i++) {
			// from 300 ms before the deadline to 280 ms after it, 20 ms apart
			Instant target = closes.plusMillis(-300 + 20L * i);
			UUID provider = UUID.randomUUID();
			futures.add(pool.submit(() -> {
				ready.countDown();
				ready.await();
				while (Instant.now().isBefore(target)) {
					Thread.onSpinWait();
				}
				Instant sent = Instant.now();
				try {
					attempts.add(new Attempt(sent, bid(tender, provider, "5000"), false));
				}
				catch (BidDeadlinePassedException ex) {
					attempts.add(new Attempt(sent, null, true));
				}
				return null;
			}));
		}
		for (Future<?> future : futures) {
			future.get(60, TimeUnit.SECONDS);
		}
		pool.shutdown();
		assertThat(attempts).hasSize(bidders);
		List<Attempt> accepted = attempts.stream().filter(a -> !a.refused()).toList();
		assertThat(accepted).as("every accepted bid was received by the deadline")
			.allSatisfy(a -> assertThat(a.receipt().receivedAt()).isBeforeOrEqualTo(closes));
		assertThat(attempts.stream().filter(a -> a.sentAt().isAfter(closes)))
			.as("every bid sent after the deadline is refused")
			.allSatisfy(a -> assertThat(a.refused()).isTrue());
		assertThat(accepted).as("bids sent before the deadline are received").isNotEmpty();
		assertThat(this.bids.count(tender)).as("nothing accepted is lost").isEqualTo(accepted.size());
		assertThat(this.jdbc.sql("""
				select count(*) from procurement_bid_version v join procurement_bid b on b.id = v.bid_id
				where b.tender_id = :t and v.received_at > :closes""")
			.param("t", tender)
			.param("closes", java.sql.Timestamp.from(closes))
			.query(Integer.class)
			.single()).as("nothing late is stored").isZero();
	}

	@Test
	void weightsMustAddUpToAHundredAndSubCriteriaToTheirCriterion() {
		UUID quality = UUID.randomUUID();
		List<Criterion> criteria = List.of(new Criterion(quality, null, CriterionKind.QUALITY, "Quality", null, 60, 1),
				new Criterion(UUID.randomUUID(), quality, CriterionKind.QUALITY, "Outcomes", null, 30, 2),
				new Criterion(UUID.randomUUID(), quality, CriterionKind.QUALITY, "Workforce", null, 20, 3),
				new Criterion(UUID.randomUUID(), null, CriterionKind.PRICE, "Price", null, 30, 4),
				new Criterion(UUID.randomUUID(), null, CriterionKind.PASS_FAIL, "Insurance", null, null, 5));
		assertThat(Tenders.weightProblems(criteria)).extracting(Tenders.WeightProblem::messageKey)
			.containsExactlyInAnyOrder("tenders.weights.total", "tenders.weights.children");
		List<Criterion> right = List.of(criteria.get(0), criteria.get(1),
				new Criterion(UUID.randomUUID(), quality, CriterionKind.QUALITY, "Workforce", null, 30, 3),
				new Criterion(UUID.randomUUID(), null, CriterionKind.PRICE, "Price", null, 40, 4), criteria.get(4));
		assertThat(Tenders.weightProblems(right)).isEmpty();
	}

	private static void waitUntilAfter(Instant instant) throws InterruptedException {
		while (!Instant.now().isAfter(instant.plusMillis(5))) {
			Thread.sleep(20);
		}
	}

}
