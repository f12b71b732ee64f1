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
 * @param concernYears how many years of concerns and compliments to generate
 * @param concernRate a multiplier of the concerns generated for each service (1 is about
 * two concerns a year for a service rated Good; the national benchmark uses more)
 * @param reviewYears how many years of quality assurance reviews to generate for each
 * commissioned service (the national benchmark uses 5: about 120,000 reviews)
 */
@ConfigurationProperties("carecycle.demo")
record DemoProperties(@DefaultValue("false") boolean enabled, @DefaultValue("1") double scale,
		@DefaultValue("2026") long seed, @DefaultValue("Demo-CareCycle-2026") String password,
		@DefaultValue("2") int concernYears, @DefaultValue("1") double concernRate,
		@DefaultValue("3") int reviewYears) {

	DemoProperties {
		if (scale <= 0 || scale > 200) {
			throw new IllegalArgumentException("carecycle.demo.scale must be above 0 and at most 200");
		}
		if (concernYears < 0 || concernYears > 10 || concernRate < 0 || concernRate > 50) {
			throw new IllegalArgumentException(
					"carecycle.demo.concern-years is 0 to 10 and carecycle.demo.concern-rate 0 to 50");
		}
		if (reviewYears < 1 || reviewYears > 10) {
			throw new IllegalArgumentException("carecycle.demo.review-years is 1 to 10");
		}
	}

	/** Whether the county is spread over all of England rather than Cornwall's areas. */
	boolean national() {
		return this.scale > 2;
	}

}
