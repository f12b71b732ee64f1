package org.carecycle.concerns.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits how many public forms one address may send in an hour, so that a flood cannot
 * bury the queue. A person with a lot to tell us can still phone or send more an hour
 * later.
 */
@Component
class SubmissionLimiter {

	private static final Duration WINDOW = Duration.ofHours(1);

	private final int perHour;

	private final Clock clock;

	private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

	SubmissionLimiter(@Value("${carecycle.concerns.submissions-per-hour:20}") int perHour, Clock clock) {
		this.perHour = perHour;
		this.clock = clock;
	}

	/**
	 * Counts one submission from the address; false when it has sent its hour's share.
	 */
	boolean tryAcquire(String address) {
		Instant now = this.clock.instant();
		Instant since = now.minus(WINDOW);
		if (this.recent.size() > 100_000) {
			this.recent.values().removeIf(times -> {
				synchronized (times) {
					return times.isEmpty() || times.peekLast().isBefore(since);
				}
			});
		}
		Deque<Instant> times = this.recent.computeIfAbsent(address, key -> new ArrayDeque<>());
		synchronized (times) {
			while (!times.isEmpty() && times.peekFirst().isBefore(since)) {
				times.pollFirst();
			}
			if (times.size() >= this.perHour) {
				return false;
			}
			times.addLast(now);
			return true;
		}
	}

}
