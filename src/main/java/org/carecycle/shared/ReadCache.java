package org.carecycle.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the answers of a read model's costly queries (a dashboard's counts, the first
 * page of a queue) until the module that owns the data changes it, or for {@code ttl} at
 * most. The module calls {@link #changed()} wherever it writes; the time limit covers
 * writes this server cannot see (another server, a database administrator) and answers
 * that depend on the date.
 * <p>
 * A change is counted twice: when it is made and again when its transaction commits, so
 * an answer read from the database between the two (which cannot see the change yet) is
 * never kept under the newer count.
 *
 * @param <K> what the answer depends on (the view, the page, the date)
 * @param <V> the answer
 */
public final class ReadCache<K, V> {

	private record Entry<V>(V value, long version, Instant until) {
	}

	private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

	private final AtomicLong version = new AtomicLong();

	private final Clock clock;

	private final Duration ttl;

	private final int maxEntries;

	public ReadCache(Clock clock, Duration ttl, int maxEntries) {
		this.clock = clock;
		this.ttl = ttl;
		this.maxEntries = maxEntries;
	}

	/** The answer for {@code key}: kept, or read by {@code read} and kept. */
	public V get(K key, Supplier<V> read) {
		long current = this.version.get();
		Instant now = this.clock.instant();
		Entry<V> entry = this.entries.get(key);
		if (entry != null && entry.version() == current && now.isBefore(entry.until())) {
			return entry.value();
		}
		V value = read.get();
		if (value != null && this.version.get() == current) {
			if (this.entries.size() >= this.maxEntries) {
				this.entries.clear();
			}
			this.entries.put(key, new Entry<>(value, current, now.plus(this.ttl)));
		}
		return value;
	}

	/** The data behind the answers is changing: forget them now and after the commit. */
	public void changed() {
		this.version.incrementAndGet();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					ReadCache.this.version.incrementAndGet();
				}
			});
		}
	}

}
