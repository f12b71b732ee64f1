package org.carecycle.oversight;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.carecycle.identity.AuditLog;
import org.carecycle.safeguarding.WholeServiceEvents.WholeServiceEnquiryOpened;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The escalation ladder's side of a whole-service safeguarding enquiry: when one opens
 * and its senior manager asks for placements to be suspended, the service's ladder moves
 * to suspension (started if it had none), with no appeal as after serious safeguarding
 * concerns. The ladder page shows the open enquiry from safeguarding's read side.
 */
@Component
class WholeServiceEnquiryListener {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private final Escalations escalations;

	WholeServiceEnquiryListener(Escalations escalations) {
		this.escalations = escalations;
	}

	@ApplicationModuleListener
	void on(WholeServiceEnquiryOpened event) {
		if (!event.suspendPlacements()) {
			return;
		}
		AuditLog.asSystem("Whole-service safeguarding enquiry", () -> {
			this.escalations.suspendAfterSafeguarding(
					event.careServiceId(), event.decidedBy(), event.decidedByName(), this.escalations
						.text("safeguarding.wse.ladder.evidence", event.reference(), event.openedOn().format(DATE)),
					this.escalations.text("safeguarding.wse.ladder.rationale"));
			return null;
		});
	}

}
