package org.carecycle.concerns.web;

import java.time.Clock;

import org.carecycle.shared.RateLimiter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits how many public forms one address may send in an hour, so that a flood cannot
 * bury the queue. A person with a lot to tell us can still phone or send more an hour
 * later. The hour's share may be sent at once; after that one more comes free every hour
 * divided by the share (every three minutes at 20 an hour).
 */
@Component
class SubmissionLimiter {

	/** The most client addresses remembered at once. */
	private static final int TRACKED_ADDRESSES = 100_000;

	private final RateLimiter limiter;

	SubmissionLimiter(@Value("${carecycle.concerns.submissions-per-hour:20}") int perHour, Clock clock) {
		this.limiter = new RateLimiter(perHour, perHour / 3600.0, TRACKED_ADDRESSES, clock);
	}

	/**
	 * Counts one submission from the address; false when it has sent its hour's share.
	 */
	boolean tryAcquire(String address) {
		return this.limiter.acquire(RateLimiter.clientKey(address)).allowed();
	}

}
