package org.carecycle.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo mode.
 *
 * @param enabled whether an empty database is filled with the demo county and the sign-in
 * page lists the demo sign-ins (never in production)
 * @param scale how big a county: 1 is Cornwall-sized (about 300 providers and 600
 * services); 50 is about England's 30,000 services, spread over every English local
 * authority
 * @param seed the seed of the generator: the same seed and scale always give the same
 * county
 * @param password the password of every demo sign-in
 */
@ConfigurationProperties("carecycle.demo")
record DemoProperties(@DefaultValue("false") boolean enabled, @DefaultValue("1") double scale,
		@DefaultValue("2026") long seed, @DefaultValue("Demo-CareCycle-2026") String password) {

	DemoProperties {
		if (scale <= 0 || scale > 200) {
			throw new IllegalArgumentException("carecycle.demo.scale must be above 0 and at most 200");
		}
	}

	/** Whether the county is spread over all of England rather than Cornwall's areas. */
	boolean national() {
		return this.scale > 2;
	}

}
