package org.carecycle.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The token bucket behind every rate limit, on a clock the test moves: a burst, then a
 * steady rate, each key on its own, and memory that stays bounded whatever is sent.
 */
class RateLimiterTests {

	private final MovableClock clock = new MovableClock();

	@Test
	void aClientSpendsItsBurstThenGetsOneRequestEachTimeATokenRefills() {
		RateLimiter limiter = new RateLimiter(3, 2, 100, this.clock);
		for (int i = 0; i < 3; i++) {
			assertThat(limiter.acquire("203.0.113.7").allowed()).as("request %d of the burst", i + 1).isTrue();
		}
		RateLimiter.Decision refused = limiter.acquire("203.0.113.7");
		assertThat(refused.allowed()).isFalse();
		assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(500));
		assertThat(refused.retryAfterSeconds()).as("Retry-After is whole seconds, at least one").isEqualTo(1);

		this.clock.move(Duration.ofMillis(250));
		assertThat(limiter.acquire("203.0.113.7").allowed()).as("half a token").isFalse();
		this.clock.move(Duration.ofMillis(250));
		assertThat(limiter.acquire("203.0.113.7").allowed()).isTrue();
		assertThat(limiter.acquire("203.0.113.7").allowed()).isFalse();
	}

	@Test
	void eachKeyHasItsOwnBucket() {
		RateLimiter limiter = new RateLimiter(2, 1, 100, this.clock);
		limiter.acquire("203.0.113.7");
		limiter.acquire("203.0.113.7");
		assertThat(limiter.acquire("203.0.113.7").allowed()).isFalse();
		assertThat(limiter.acquire("198.51.100.1").allowed()).as("another address").isTrue();
	}

	@Test
	void anIdleClientGetsItsBurstBackButNoMore() {
		RateLimiter limiter = new RateLimiter(3, 1, 100, this.clock);
		for (int i = 0; i < 3; i++) {
			limiter.acquire("203.0.113.7");
		}
		this.clock.move(Duration.ofHours(1));
		for (int i = 0; i < 3; i++) {
			assertThat(limiter.acquire("203.0.113.7").allowed()).isTrue();
		}
		assertThat(limiter.acquire("203.0.113.7").allowed()).as("the burst is the most ever saved up").isFalse();
	}

	@Test
	void aClockMovedBackGivesNothingAndBreaksNothing() {
		RateLimiter limiter = new RateLimiter(1, 1, 100, this.clock);
		this.clock.move(Duration.ofMinutes(5));
		limiter.acquire("203.0.113.7");
		this.clock.move(Duration.ofMinutes(-5));
		RateLimiter.Decision refused = limiter.acquire("203.0.113.7");
		assertThat(refused.allowed()).isFalse();
		assertThat(refused.retryAfterSeconds()).isEqualTo(1);
	}

	@Test
	void checkingNeitherTakesARequestNorRemembersAStranger() {
		RateLimiter limiter = new RateLimiter(1, 1, 100, this.clock);
		assertThat(limiter.check("203.0.113.7").allowed()).isTrue();
		assertThat(limiter.size()).isZero();
		assertThat(limiter.acquire("203.0.113.7").allowed()).as("the check took nothing").isTrue();
		assertThat(limiter.check("203.0.113.7").allowed()).isFalse();
		assertThat(limiter.check("203.0.113.7").retryAfterSeconds()).isEqualTo(1);
	}

	@Test
	void remembersNoMoreThanItsMaximumWhateverAddressesAreSprayedAtIt() {
		RateLimiter limiter = new RateLimiter(5, 1, 1_000, this.clock);
		for (int i = 0; i < 5; i++) {
			limiter.acquire("198.51.100.1");
		}
		for (int i = 0; i < 100_000; i++) {
			limiter.acquire("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255));
			if (i % 500 == 0) {
				assertThat(limiter.acquire("198.51.100.1").allowed())
					.as("a client still sending keeps its spent bucket among the spray")
					.isFalse();
			}
			assertThat(limiter.size()).isLessThanOrEqualTo(1_000);
		}
	}

	@Test
	void forgetsIdleClientsSoThatMemoryShrinksAfterASpray() {
		RateLimiter limiter = new RateLimiter(5, 1, 10_000, this.clock);
		for (int i = 0; i < 1_000; i++) {
			limiter.acquire("10.0." + (i >> 8) + "." + (i & 255));
		}
		assertThat(limiter.size()).isEqualTo(1_000);
		this.clock.move(Duration.ofSeconds(10));
		for (int i = 0; i < 600; i++) {
			limiter.acquire("192.0.2." + (i % 2));
		}
		assertThat(limiter.size()).as("only the two clients still sending").isEqualTo(2);
	}

	@Test
	void anIpv6ClientIsLimitedByItsWholeNetwork() {
		assertThat(RateLimiter.clientKey("2001:db8:1:2:aaaa:0:0:1"))
			.isEqualTo(RateLimiter.clientKey("2001:db8:1:2:bbbb::2"))
			.isEqualTo(RateLimiter.clientKey("2001:DB8:1:2::%eth0"))
			.isNotEqualTo(RateLimiter.clientKey("2001:db8:1:3::1"));
		assertThat(RateLimiter.clientKey("203.0.113.7")).isEqualTo("203.0.113.7");
		assertThat(RateLimiter.clientKey("::ffff:203.0.113.7")).as("IPv4 written as IPv6").isEqualTo("203.0.113.7");
		assertThat(RateLimiter.clientKey("not:an-address")).as("never looked up by name").isEqualTo("not:an-address");
	}

	@Test
	void unlimitedAddressesAndNetworksMatchHoweverTheAddressIsWritten() {
		RateLimits limits = new RateLimits(60, 2, 120, 10, List.of(AddressRange.of(" ::1 "),
				AddressRange.of("192.0.2.10"), AddressRange.of("198.51.96.0/20"), AddressRange.of("2001:db8::/32")),
				1_000);
		assertThat(limits.isUnlimited("0:0:0:0:0:0:0:1")).isTrue();
		assertThat(limits.isUnlimited("192.0.2.10")).isTrue();
		assertThat(limits.isUnlimited("192.0.2.11")).isFalse();
		assertThat(limits.isUnlimited("198.51.96.1")).isTrue();
		assertThat(limits.isUnlimited("198.51.111.254")).isTrue();
		assertThat(limits.isUnlimited("198.51.112.1")).as("just outside the /20").isFalse();
		assertThat(limits.isUnlimited("2001:db8:ffff::1")).isTrue();
		assertThat(limits.isUnlimited("2001:db9::1")).isFalse();
		assertThat(limits.isUnlimited("::ffff:192.0.2.10")).as("IPv4 written as IPv6").isTrue();
		assertThat(limits.isUnlimited("localhost")).as("never looked up by name").isFalse();
		assertThat(limits.isUnlimited(null)).isFalse();
		assertThat(new RateLimits(60, 2, 120, 10, List.of(), 1_000).isUnlimited("127.0.0.1")).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> AddressRange.of("192.0.2.0/33"));
		assertThatIllegalArgumentException().isThrownBy(() -> AddressRange.of("council.example"));
	}

	static final class MovableClock extends Clock {

		private Instant now = Instant.parse("2026-11-22T10:00:00Z");

		void move(Duration by) {
			this.now = this.now.plus(by);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
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

}
