package org.carecycle.concerns;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What someone tells us, as the form or a member of staff collected it.
 *
 * @param kind compliment or concern
 * @param careServiceId the service, when they found it in the register
 * @param serviceDescription the service in their words, when they could not find it
 * @param whatHappened what happened
 * @param happenedOn the date, when they know it
 * @param happenedWhenText roughly when, in their words, when they do not know the date
 * @param peopleAffected who was affected (names are not needed)
 * @param atRiskNow whether someone is at risk of harm right now (concerns only)
 * @param reporterRole who they are
 * @param anonymous whether they keep their name to themselves
 * @param reporterName their name
 * @param reporterEmail their email address, for the acknowledgement
 * @param reporterPhone their phone number
 * @param consentToContact whether the council may contact them about it
 */
public record Report(ConcernKind kind, UUID careServiceId, String serviceDescription, String whatHappened,
		LocalDate happenedOn, String happenedWhenText, String peopleAffected, AtRisk atRiskNow,
		ReporterRole reporterRole, boolean anonymous, String reporterName, String reporterEmail, String reporterPhone,
		boolean consentToContact) {

}
