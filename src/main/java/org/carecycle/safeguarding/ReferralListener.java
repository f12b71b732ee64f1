package org.carecycle.safeguarding;

import org.carecycle.concerns.ConcernEvents.ConcernReferred;
import org.carecycle.identity.AuditLog;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A concern referred to safeguarding (flagged by the screen, or by an officer's
 * assessment) becomes a safeguarding concern awaiting the section 42 decision, and every
 * safeguarding lead is emailed at once. It runs after the concern is saved; the event
 * publication registry retries it if it fails.
 */
@Component
class ReferralListener {

	private final SafeguardingCases cases;

	ReferralListener(SafeguardingCases cases) {
		this.cases = cases;
	}

	@ApplicationModuleListener
	void on(ConcernReferred event) {
		AuditLog.asSystem("Safeguarding referral",
				() -> this.cases.openFromConcern(event.concernId(), event.reference(), event.careServiceId(),
						event.serviceDescription(), event.receivedAt(), event.reasons()));
	}

}
