package org.carecycle.safeguarding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A safeguarding enquiry as it stands, with the concern's reference and service. Its
 * guard methods say, in a sentence a user could read, why a step cannot be taken now;
 * {@link Enquiries} calls them before every change.
 */
public record Enquiry(UUID id, UUID concernId, String reference, String kind, EnquiryStatus status, Instant openedAt,
		String serviceName, String providerName, UUID concernProviderId, LocalDate planningHeldOn, String planningNotes,
		String planningParticipants, String madeBy, UUID causedToProviderId, String causedToName, String causedRequest,
		Instant causedAt, LocalDate causedDueOn, Instant lastChasedAt, int chaseCount, String causedResponse,
		Instant causedRespondedAt, String causedResponseBy, Answer lackedCapacity, Answer advocacySupport,
		OutcomesAsked outcomesAsked, String desiredOutcomes, OutcomesAchieved outcomesAchieved,
		ActionAndResult actionAndResult, RiskOutcome riskOutcome, String protectionPlan, String conclusion,
		LocalDate concludedOn, Instant closedAt, int version) {

	/** Who makes an enquiry. */
	public static final String COUNCIL = "COUNCIL";

	/** An enquiry caused to be made by another body. */
	public static final String CAUSED = "CAUSED";

	/**
	 * The SAC's rule for the risk outcome (SG2): it is recorded only for an enquiry where
	 * a risk was identified, or the risk assessment was inconclusive, and action was
	 * taken; for every other action and result it is not asked.
	 */
	public static boolean needsRiskOutcome(ActionAndResult actionAndResult) {
		return actionAndResult == ActionAndResult.RISK_IDENTIFIED_ACTION_TAKEN
				|| actionAndResult == ActionAndResult.INCONCLUSIVE_ACTION_TAKEN;
	}

	/**
	 * The SAC's rule for advocacy (SG3): whether support was provided by an advocate,
	 * family or friend is asked only when the adult lacked capacity.
	 */
	public static boolean needsAdvocacy(Answer lackedCapacity) {
		return lackedCapacity == Answer.YES;
	}

	/**
	 * The SAC's rule for Making Safeguarding Personal (SG4): whether outcomes were
	 * achieved is asked only when the adult (or their representative) expressed them.
	 */
	public static boolean needsOutcomesAchieved(OutcomesAsked asked) {
		return asked == OutcomesAsked.ASKED_EXPRESSED;
	}

	/** Whether the enquiry is caused to a provider on the register. */
	public boolean causedToProvider() {
		return CAUSED.equals(this.madeBy) && this.causedToProviderId != null;
	}

	/** Whether the enquiry was caused to another body (a provider or a named body). */
	public boolean caused() {
		return CAUSED.equals(this.madeBy) && this.causedAt != null;
	}

	/** Whether the provider has still to send its findings. */
	public boolean awaitingProvider() {
		return this.status == EnquiryStatus.AWAITING_PROVIDER;
	}

	void checkCanRecordPlanning() {
		if (!this.status.isOpen()) {
			throw new IllegalStateException(
					"This enquiry has concluded, so its planning discussion can no longer be changed.");
		}
	}

	void checkCanDecideMaker() {
		if (this.status != EnquiryStatus.PLANNING) {
			throw new IllegalStateException("Who makes this enquiry has already been decided.");
		}
		if (this.planningHeldOn == null) {
			throw new IllegalStateException("Record the planning discussion before deciding who makes the enquiry.");
		}
	}

	void checkCanRecordDuringEnquiry(String what) {
		if (this.status == EnquiryStatus.PLANNING) {
			throw new IllegalStateException("Decide who makes the enquiry before recording " + what + ".");
		}
		if (!this.status.isOpen()) {
			throw new IllegalStateException("This enquiry has concluded, so " + what + " can no longer be changed.");
		}
	}

	void checkCanConclude() {
		if (this.status == EnquiryStatus.PLANNING) {
			throw new IllegalStateException("Decide who makes the enquiry before concluding it.");
		}
		if (this.status == EnquiryStatus.AWAITING_PROVIDER) {
			throw new IllegalStateException(
					"The provider has not sent its findings yet, so the enquiry cannot be concluded.");
		}
		if (!this.status.isOpen()) {
			throw new IllegalStateException("This enquiry has already been concluded.");
		}
		if (this.lackedCapacity == null) {
			throw new IllegalStateException("Record whether the adult lacked capacity before concluding the enquiry.");
		}
		if (this.outcomesAsked == null) {
			throw new IllegalStateException(
					"Record whether the adult was asked about the outcomes they wanted before concluding the enquiry.");
		}
	}

	void checkCanClose() {
		if (this.status == EnquiryStatus.CLOSED) {
			throw new IllegalStateException("This enquiry is already closed.");
		}
		if (this.status != EnquiryStatus.CONCLUDED) {
			throw new IllegalStateException("Conclude the enquiry before closing it.");
		}
	}

	void checkCanReceiveFindings() {
		if (this.status != EnquiryStatus.AWAITING_PROVIDER) {
			throw new IllegalStateException("Your findings for this enquiry have already been sent.");
		}
	}

}
