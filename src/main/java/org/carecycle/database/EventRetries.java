package org.carecycle.database;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tries failed work between modules again every few minutes (and work that never ran,
 * once the registry has marked it stale), so that a risk recompute missed while the
 * database was busy is not left for the nightly run.
 */
@Component
class EventRetries {

	private static final Logger log = LoggerFactory.getLogger(EventRetries.class);

	/**
	 * Work that has just failed is left a minute, so that a busy database can recover.
	 */
	static final Duration SETTLE = Duration.ofMinutes(1);

	private final EventPublications publications;

	EventRetries(EventPublications publications) {
		this.publications = publications;
	}

	@Scheduled(fixedDelayString = "${carecycle.events.retry-interval:PT5M}",
			initialDelayString = "${carecycle.events.retry-interval:PT5M}")
	void retry() {
		try {
			long failed = this.publications.retryFailed(SETTLE);
			if (failed > 0) {
				log.info("Tried again {} failed pieces of work between modules", failed);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Failed work between modules could not be tried again", ex);
		}
	}

}
