package org.carecycle.safeguarding;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.carecycle.concerns.AbuseType;

/**
 * One safeguarding concern as its page shows it: the adult at risk by the least that
 * identifies them, what happened, the service as it was called when the concern came in
 * (so a service that has since closed still reads), the categories the Safeguarding
 * Adults Collection counts, and the section 42 decision.
 */
public record SafeguardingCase(UUID id, int version, String reference, String source, PartnerAgency partnerAgency,
		String partnerName, UUID ppmfConcernId, String ppmfReference, Instant receivedAt, String summary,
		String screenReasons, boolean seriousIncident, String adultInitials, String adultReference, AgeBand ageBand,
		Gender gender, Ethnicity ethnicity, SupportReason supportReason, Answer autism, UUID careServiceId,
		UUID providerId, String serviceName, String providerName, List<AbuseType> riskTypes,
		LocationOfRisk locationOfRisk, List<SourceOfRisk> sourcesOfRisk, CaseStatus status, Instant decisionDueAt,
		Boolean hasCareNeeds, Boolean experiencingAbuse, Boolean unableToProtect, String decisionReasons,
		String nfaInformation, Instant decidedAt, String decidedByName, UUID mergedInto, Instant closedAt,
		UUID createdBy) {

	public String sourceKey() {
		return "safeguarding.case.source." + this.source;
	}

	public boolean decided() {
		return this.decidedAt != null;
	}

}
