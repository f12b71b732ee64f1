package org.carecycle.shared;

import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token bucket for each key (a client address, an API token): a key may make
 * {@code burst} requests at once, and one more each time {@code perSecond} has refilled a
 * token. The buckets are kept in memory, so the limit is per server and starts again when
 * the server does; that is enough to keep one client from monopolising a server, which is
 * what these limits are for.
 * <p>
 * At most {@code maxKeys} buckets are kept, whatever anyone sends: when the map is full
 * the key least recently seen is forgotten. A key whose bucket has filled up again is
 * forgotten too, a few at every request, since it is the same as a key never seen; so
 * after a spray of addresses the map shrinks back to the clients still active.
 */
public final class RateLimiter {

	/** How many idle keys each request tidies away at most. */
	private static final int TIDY_PER_REQUEST = 2;

	private final double burst;

	private final double perMilli;

	private final int maxKeys;

	private final Clock clock;

	private final LinkedHashMap<String, Bucket> buckets;

	/**
	 * @param burst the requests a key may make at once
	 * @param perSecond the requests a key may make each second once its burst is spent
	 * @param maxKeys the most keys remembered at once
	 * @param clock the time
	 */
	public RateLimiter(int burst, double perSecond, int maxKeys, Clock clock) {
		if (burst < 1 || !(perSecond > 0) || maxKeys < 1) {
			throw new IllegalArgumentException(
					"A rate limit needs a burst of at least 1, a positive rate and room for at least one key");
		}
		this.burst = burst;
		this.perMilli = perSecond / 1000;
		this.maxKeys = maxKeys;
		this.clock = clock;
		this.buckets = new LinkedHashMap<>(64, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
				return size() > RateLimiter.this.maxKeys;
			}

		};
	}

	/** What the limiter decided about one request. */
	public record Decision(boolean allowed, Duration retryAfter) {

		static final Decision ALLOWED = new Decision(true, Duration.ZERO);

		/**
		 * Whole seconds until the next request would be allowed, at least one, for a
		 * {@code Retry-After} header.
		 */
		public long retryAfterSeconds() {
			return Math.max(1, (this.retryAfter.toMillis() + 999) / 1000);
		}

	}

	/** Takes one request from the key's bucket, if there is one left. */
	public Decision acquire(String key) {
		long now = this.clock.millis();
		synchronized (this.buckets) {
			tidy(now);
			Bucket bucket = this.buckets.get(key);
			if (bucket == null) {
				bucket = new Bucket(this.burst, now);
				this.buckets.put(key, bucket);
			}
			bucket.refill(now, this.burst, this.perMilli);
			if (bucket.tokens >= 1) {
				bucket.tokens -= 1;
				return Decision.ALLOWED;
			}
			return refused(bucket);
		}
	}

	/**
	 * Whether the key has a request left, without taking it; a key never seen has, and is
	 * not remembered.
	 */
	public Decision check(String key) {
		long now = this.clock.millis();
		synchronized (this.buckets) {
			Bucket bucket = this.buckets.get(key);
			if (bucket == null) {
				return Decision.ALLOWED;
			}
			bucket.refill(now, this.burst, this.perMilli);
			return (bucket.tokens >= 1) ? Decision.ALLOWED : refused(bucket);
		}
	}

	/** How many keys are remembered now. */
	public int size() {
		synchronized (this.buckets) {
			return this.buckets.size();
		}
	}

	private Decision refused(Bucket bucket) {
		return new Decision(false, Duration.ofMillis((long) Math.ceil((1 - bucket.tokens) / this.perMilli)));
	}

	/** Forgets the least recently seen keys whose buckets are full again. */
	private void tidy(long now) {
		Iterator<Bucket> eldest = this.buckets.values().iterator();
		for (int i = 0; i < TIDY_PER_REQUEST && eldest.hasNext(); i++) {
			Bucket bucket = eldest.next();
			bucket.refill(now, this.burst, this.perMilli);
			if (bucket.tokens < this.burst) {
				return;
			}
			eldest.remove();
		}
	}

	/**
	 * The key for a client address: the address itself for IPv4, and the /64 network for
	 * IPv6, since one household or server is given a whole /64 and could otherwise take a
	 * fresh address for every request.
	 */
	public static String clientKey(String address) {
		if (address == null || address.indexOf(':') < 0) {
			return String.valueOf(address);
		}
		return AddressRange.bytes(address).map(bytes -> {
			if (bytes.length == 4) {
				return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
			}
			return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
		}).orElse(address);
	}

	private static final class Bucket {

		private double tokens;

		private long refilledAt;

		Bucket(double tokens, long now) {
			this.tokens = tokens;
			this.refilledAt = now;
		}

		/** The clock may be moved back (in tests): time never runs backwards here. */
		void refill(long now, double burst, double perMilli) {
			if (now > this.refilledAt) {
				this.tokens = Math.min(burst, this.tokens + (now - this.refilledAt) * perMilli);
				this.refilledAt = now;
			}
		}

	}

}
