package org.carecycle.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;

class ReadCacheTests {

	static final class MovableClock extends Clock {

		Instant now = Instant.parse("2026-11-22T10:00:00Z");

		@Override
		public ZoneId getZone() {
			return ZoneId.of("UTC");
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

	private final MovableClock clock = new MovableClock();

	private final ReadCache<String, Integer> cache = new ReadCache<>(this.clock, Duration.ofSeconds(30), 10);

	private final AtomicInteger database = new AtomicInteger(1);

	private final AtomicInteger reads = new AtomicInteger();

	private Integer read() {
		this.reads.incrementAndGet();
		return this.database.get();
	}

	@Test
	void answersFromMemoryUntilTheDataChanges() {
		assertThat(this.cache.get("count", this::read)).isEqualTo(1);
		assertThat(this.cache.get("count", this::read)).isEqualTo(1);
		assertThat(this.reads).hasValue(1);

		this.database.set(2);
		this.cache.changed();

		assertThat(this.cache.get("count", this::read)).isEqualTo(2);
		assertThat(this.reads).hasValue(2);
	}

	@Test
	void readsAgainOnceTheTimeLimitHasPassed() {
		this.cache.get("count", this::read);
		this.database.set(2);
		this.clock.now = this.clock.now.plusSeconds(29);
		assertThat(this.cache.get("count", this::read)).as("within the limit").isEqualTo(1);
		this.clock.now = this.clock.now.plusSeconds(2);
		assertThat(this.cache.get("count", this::read)).as("past the limit").isEqualTo(2);
	}

	@Test
	void anAnswerReadBeforeAChangeCommitsIsNotKeptAfterIt() {
		TransactionSynchronizationManager.initSynchronization();
		try {
			this.cache.changed();
			// another visitor reads now: the database does not show the change yet
			assertThat(this.cache.get("count", this::read)).isEqualTo(1);
			this.database.set(2);
			TransactionSynchronizationManager.getSynchronizations()
				.forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
		}
		finally {
			TransactionSynchronizationManager.clearSynchronization();
		}
		assertThat(this.cache.get("count", this::read)).as("read again after the commit").isEqualTo(2);
	}

	@Test
	void keepsAtMostItsNumberOfAnswers() {
		for (int i = 0; i < 25; i++) {
			this.cache.get("page " + i, this::read);
		}
		this.reads.set(0);
		for (int i = 20; i < 25; i++) {
			this.cache.get("page " + i, this::read);
		}
		assertThat(this.reads).as("the latest pages are still kept").hasValue(0);
		this.cache.get("page 0", this::read);
		assertThat(this.reads).as("the earliest were forgotten").hasValue(1);
	}

}
