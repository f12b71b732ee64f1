package org.carecycle.quality;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock in tests that need days to pass: real time, moved on by
 * {@link #move(Duration)} until {@link #reset()}. Every view of it in another zone moves
 * with it.
 */
final class MovableClock extends Clock {

	private final AtomicReference<Duration> offset;

	private final ZoneId zone;

	MovableClock(ZoneId zone) {
		this(new AtomicReference<>(Duration.ZERO), zone);
	}

	private MovableClock(AtomicReference<Duration> offset, ZoneId zone) {
		this.offset = offset;
		this.zone = zone;
	}

	void move(Duration by) {
		this.offset.accumulateAndGet(by, Duration::plus);
	}

	void reset() {
		this.offset.set(Duration.ZERO);
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new MovableClock(this.offset, zone);
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(this.offset.get());
	}

}
