package org.carecycle.concerns.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SubmissionLimiterTests {

	static class MovableClock extends Clock {

		Instant now = Instant.parse("2026-11-22T10:00:00Z");

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

	@Test
	void oneAddressSendsItsHourlyShareThenWaits() {
		MovableClock clock = new MovableClock();
		SubmissionLimiter limiter = new SubmissionLimiter(3, clock);
		assertThat(limiter.tryAcquire("203.0.113.7")).isTrue();
		assertThat(limiter.tryAcquire("203.0.113.7")).isTrue();
		assertThat(limiter.tryAcquire("203.0.113.7")).isTrue();
		assertThat(limiter.tryAcquire("203.0.113.7")).isFalse();
		assertThat(limiter.tryAcquire("198.51.100.1")).as("another address").isTrue();
		clock.now = clock.now.plus(Duration.ofMinutes(61));
		assertThat(limiter.tryAcquire("203.0.113.7")).isTrue();
	}

}
