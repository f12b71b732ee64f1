package org.carecycle.shared;

import java.time.Clock;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many requests one client may make ({@code carecycle.rate-limit.*}). The defaults
 * are far above what a person browsing ever needs, and low enough that one client cannot
 * keep the database busy for everyone else.
 *
 * @param publicBurst the requests one client address that is not signed in may make at
 * once (pages, searches, forms, signing in; static files are never counted)
 * @param publicPerSecond the requests a second it may make after that
 * @param apiPerMinute the requests a minute one API token may make, all at once or spread
 * out
 * @param apiFailuresPerMinute the requests with a wrong or revoked API token one client
 * address may make in a minute, before it is refused whatever token it sends
 * @param unlimitedAddresses client addresses or networks never limited (a monitoring
 * probe, or the council's own network when all its staff share one address)
 * @param trackedAddresses the most clients each limit remembers at once, so that memory
 * stays bounded whatever anyone sends
 */
@ConfigurationProperties("carecycle.rate-limit")
public record RateLimits(@DefaultValue("60") int publicBurst, @DefaultValue("2") double publicPerSecond,
		@DefaultValue("120") int apiPerMinute, @DefaultValue("10") int apiFailuresPerMinute,
		@DefaultValue List<AddressRange> unlimitedAddresses, @DefaultValue("100000") int trackedAddresses) {

	public RateLimits {
		unlimitedAddresses = List.copyOf(unlimitedAddresses);
	}

	/** Whether requests from this client address are never limited. */
	public boolean isUnlimited(String address) {
		for (AddressRange range : this.unlimitedAddresses) {
			if (range.contains(address)) {
				return true;
			}
		}
		return false;
	}

	/** The limit for visitors who are not signed in, one bucket per client address. */
	public RateLimiter publicLimiter(Clock clock) {
		return new RateLimiter(this.publicBurst, this.publicPerSecond, this.trackedAddresses, clock);
	}

	/** The limit for each API token. */
	public RateLimiter apiLimiter(Clock clock) {
		return new RateLimiter(this.apiPerMinute, this.apiPerMinute / 60.0, this.trackedAddresses, clock);
	}

	/** The limit on wrong API tokens, one bucket per client address. */
	public RateLimiter apiFailureLimiter(Clock clock) {
		return new RateLimiter(this.apiFailuresPerMinute, this.apiFailuresPerMinute / 60.0, this.trackedAddresses,
				clock);
	}

}
