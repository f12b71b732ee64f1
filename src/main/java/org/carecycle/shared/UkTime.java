package org.carecycle.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.stereotype.Component;

/**
 * Today and now in the UK, the only place that names the UK's time zone. Dates are shown,
 * deadlines counted and days begin in UK time whatever the zone of the server or of the
 * clock a test sets. Inject it ({@code ukTime.today()}), or, in a class that already
 * holds the application's {@link Clock}, call {@link #today(Clock)}.
 */
@Component
public class UkTime {

	/** The zone's name, for annotations such as {@code @Scheduled(zone = ...)}. */
	public static final String ZONE_NAME = "Europe/London";

	/** The zone in which dates are shown and deadlines counted. */
	public static final ZoneId ZONE = ZoneId.of(ZONE_NAME);

	private final Clock clock;

	UkTime(Clock clock) {
		this.clock = clock;
	}

	/** UK time on the given clock, for tests and code that is not a bean. */
	public static UkTime of(Clock clock) {
		return new UkTime(clock);
	}

	/** The date in the UK now. */
	public LocalDate today() {
		return today(this.clock);
	}

	/** This instant. */
	public Instant now() {
		return this.clock.instant();
	}

	/** The zone, {@link #ZONE}. */
	public ZoneId zone() {
		return ZONE;
	}

	/** The application's clock, seen in UK time. */
	public Clock clock() {
		return this.clock.withZone(ZONE);
	}

	/** The date in the UK now by the given clock, whatever that clock's zone. */
	public static LocalDate today(Clock clock) {
		return LocalDate.now(clock.withZone(ZONE));
	}

	/** The moment a day begins in the UK. */
	public static Instant startOf(LocalDate day) {
		return day.atStartOfDay(ZONE).toInstant();
	}

	/** The UK date of an instant. */
	public static LocalDate dateOf(Instant instant) {
		return LocalDate.ofInstant(instant, ZONE);
	}

}
