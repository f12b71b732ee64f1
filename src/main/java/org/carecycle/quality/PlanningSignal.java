package org.carecycle.quality;

import java.util.Map;
import java.util.UUID;

/**
 * Intelligence from a later module (such as the oversight module's escalation status)
 * that makes a service's review more urgent. The annual programme adds each signal's
 * points to a service's priority and names it in the reasons.
 */
public interface PlanningSignal {

	/** Message key of the reason shown next to a service the signal applies to. */
	String reasonKey();

	/** Extra priority points, by service, for the services this signal applies to. */
	Map<UUID, Integer> points();

}
