package org.carecycle.safeguarding;

import java.time.Instant;
import java.util.UUID;

/**
 * A whole-service (organisational) safeguarding enquiry as the pages show it: suggested
 * by CareCycle or raised by a lead, decided by a senior manager, run through multi-agency
 * meetings and closed at a closing meeting.
 */
public record WholeServiceEnquiry(UUID id, int version, String reference, UUID careServiceId, UUID providerId,
		String serviceName, String providerName, Status status, Instant suggestedAt, Reason suggestionReason,
		String suggestionDetail, Instant decidedAt, String decidedByName, String decisionReasons,
		boolean placementsSuspended, Instant openedAt, Instant closedAt, String closingSummary) {

	/** Where an enquiry is. */
	public enum Status {

		SUGGESTED("yellow"), DECLINED("grey"), OPEN("red"), CLOSED("green");

		private final String colour;

		Status(String colour) {
			this.colour = colour;
		}

		public String colour() {
			return this.colour;
		}

		public String messageKey() {
			return "safeguarding.wse.status." + name();
		}

	}

	/** Why it was suggested. */
	public enum Reason {

		/** Several safeguarding concerns about the service within the window. */
		CLUSTER,
		/** A concern marked as a serious incident. */
		SERIOUS_INCIDENT,
		/** An early warning raised by provider oversight. */
		EARLY_WARNING,
		/** A safeguarding lead raised it by hand. */
		RAISED_BY_STAFF;

		public String messageKey() {
			return "safeguarding.wse.reason." + name();
		}

	}

	/** The kinds of multi-agency meeting. */
	public enum MeetingKind {

		STRATEGY, REVIEW, CLOSING;

		public String messageKey() {
			return "safeguarding.wse.meetingKind." + name();
		}

	}

	/** The agencies people attend meetings for. */
	public enum Agency {

		COUNCIL, PROVIDER, CQC, POLICE, NHS, ICB, OTHER_COUNCIL, ADVOCACY, OTHER;

		public String messageKey() {
			return "safeguarding.wse.agency." + name();
		}

	}

	/** Who was told something during the enquiry. */
	public enum Audience {

		RESIDENT, FAMILY, PLACING_COUNCIL, PROVIDER, CQC, OTHER;

		public String messageKey() {
			return "safeguarding.wse.audience." + name();
		}

	}

	public boolean isSuggested() {
		return this.status == Status.SUGGESTED;
	}

	public boolean isOpen() {
		return this.status == Status.OPEN;
	}

}
