package org.carecycle.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Dates and times written the GOV.UK way ("4 June 2026", "4 June 2026 at 3:15pm"), in UK
 * time. Available to templates as {@code dates}.
 */
@Component("dates")
public class Dates {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

	private final ZoneId zone;

	Dates(Clock clock) {
		this.zone = clock.getZone();
	}

	public String date(LocalDate date) {
		return (date != null) ? DATE.format(date) : "";
	}

	public String date(Instant instant) {
		return (instant != null) ? DATE.format(instant.atZone(this.zone)) : "";
	}

	public String dateTime(Instant instant) {
		if (instant == null) {
			return "";
		}
		var local = instant.atZone(this.zone);
		return DATE.format(local) + " at " + TIME.format(local).toLowerCase(Locale.UK);
	}

}
