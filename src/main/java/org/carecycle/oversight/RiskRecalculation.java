package org.carecycle.oversight;

import org.carecycle.concerns.ConcernEvents.ConcernAssessed;
import org.carecycle.concerns.ConcernEvents.ConcernClosed;
import org.carecycle.concerns.ConcernEvents.ConcernRaised;
import org.carecycle.concerns.ConcernEvents.ConcernReferred;
import org.carecycle.identity.AuditLog;
import org.carecycle.quality.ReviewEvents.ReviewPublished;
import org.carecycle.shared.UkTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps risk profiles current: one service is recomputed after anything that changes its
 * signals commits (a concern raised, assessed, referred or closed; a review published; a
 * KPI return sent; the escalation ladder moved), every service once at start-up and every
 * night, and the early warnings are looked for after each full run.
 * <p>
 * The recomputes after a change are module listeners: each event is written to the event
 * publication registry with the change that raised it, the recompute runs after the
 * commit in its own transaction and thread, and one that fails (or never ran, because the
 * server stopped) stays in the registry, is tried again by {@code EventRetries} and is
 * listed for administrators until it succeeds, rather than waiting for the nightly run.
 */
@Component
class RiskRecalculation {

	private static final Logger log = LoggerFactory.getLogger(RiskRecalculation.class);

	private final RiskProfiles profiles;

	private final EarlyWarnings warnings;

	RiskRecalculation(RiskProfiles profiles, EarlyWarnings warnings) {
		this.profiles = profiles;
		this.warnings = warnings;
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		Thread thread = new Thread(this::full, "risk-recompute");
		thread.setDaemon(true);
		thread.start();
	}

	@Scheduled(cron = "${carecycle.oversight.recompute-cron:0 30 2 * * *}", zone = UkTime.ZONE_NAME)
	void nightly() {
		full();
	}

	void full() {
		try {
			AuditLog.asSystem("Risk profiles", () -> {
				RiskProfiles.Recomputed done = this.profiles.recomputeAll();
				int raised = this.warnings.scan();
				log.info("Risk profiles of {} services recomputed in {} ms; {} new early warnings", done.services(),
						done.totalMillis(), raised);
				return null;
			});
		}
		catch (RuntimeException ex) {
			log.warn("Risk profiles could not be recomputed", ex);
		}
	}

	@ApplicationModuleListener
	void on(ConcernRaised event) {
		one(event.careServiceId());
	}

	@ApplicationModuleListener
	void on(ConcernAssessed event) {
		one(event.careServiceId());
	}

	@ApplicationModuleListener
	void on(ConcernReferred event) {
		one(event.careServiceId());
	}

	/** A safeguarding concern was opened, decided, closed or merged. */
	@ApplicationModuleListener
	void on(org.carecycle.safeguarding.SafeguardingEvents.CaseChanged event) {
		if (event.careServiceId() != null) {
			one(event.careServiceId());
		}
	}

	@ApplicationModuleListener
	void on(ConcernClosed event) {
		one(event.careServiceId());
	}

	@ApplicationModuleListener
	void on(ReviewPublished event) {
		one(event.careServiceId());
	}

	@ApplicationModuleListener
	void on(KpiReturns.KpiReturnSent event) {
		one(event.careServiceId());
	}

	/**
	 * Contract action counts towards the risk of the service, or of all its provider's.
	 */
	@ApplicationModuleListener
	void on(EscalationEvents.EscalationMoved event) {
		if (event.careServiceId() != null) {
			one(event.careServiceId());
			return;
		}
		for (java.util.UUID service : this.profiles.servicesOf(event.providerId())) {
			one(service);
		}
	}

	private void one(java.util.UUID serviceId) {
		if (serviceId != null) {
			this.profiles.recompute(serviceId);
		}
	}

}
