package org.carecycle.demo;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.carecycle.providers.RegisterLoader.NewService;
import org.carecycle.providers.ServiceStatus;
import org.carecycle.providers.ServiceType;
import org.carecycle.shared.UkTime;

/**
 * What the demo county's care homes last said about their vacancies, dated from today:
 * most have a bed or three free, about a quarter are full, a few bigger homes have more,
 * some have never said, and about one in eight last said so weeks ago, so that a case
 * manager sees both fresh and stale reports.
 */
final class DemoVacancies {

	/** One home's latest report. */
	record Report(UUID serviceId, int vacancies, Timestamp reportedAt) {
	}

	private DemoVacancies() {
	}

	static List<Report> of(List<NewService> services, java.time.Clock clock, long seed) {
		LocalDate today = UkTime.today(clock);
		java.time.Instant now = clock.instant();
		Random random = new Random(seed ^ 0x7ac4_9e11L);
		List<Report> reports = new ArrayList<>();
		for (NewService service : services) {
			boolean careHome = service.type() == ServiceType.CARE_HOME
					|| service.type() == ServiceType.CARE_HOME_NURSING;
			if (!careHome || service.status() != ServiceStatus.ACTIVE || service.beds() == null) {
				continue;
			}
			double draw = random.nextDouble();
			if (draw < 0.07) {
				// never reported
				continue;
			}
			int vacancies;
			if (draw < 0.32) {
				vacancies = 0;
			}
			else if (draw < 0.60) {
				vacancies = 1;
			}
			else if (draw < 0.80) {
				vacancies = 2;
			}
			else if (draw < 0.93) {
				vacancies = 3;
			}
			else {
				vacancies = 4 + random.nextInt(3);
			}
			vacancies = Math.min(vacancies, service.beds());
			// most homes update every week or so; some stopped weeks ago
			int daysAgo = (random.nextDouble() < 0.12) ? 15 + random.nextInt(46) : random.nextInt(11);
			LocalTime time = LocalTime.of(8 + random.nextInt(9), random.nextInt(60));
			java.time.Instant at = today.minusDays(daysAgo).atTime(time).atZone(UkTime.ZONE).toInstant();
			if (at.isAfter(now)) {
				// earlier today, never later than now
				at = now.minusSeconds(60 + random.nextInt(3600));
			}
			reports.add(new Report(service.id(), vacancies, Timestamp.from(at)));
		}
		return reports;
	}

}
