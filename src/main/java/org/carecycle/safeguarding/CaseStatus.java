package org.carecycle.safeguarding;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a safeguarding concern stands: awaiting the section 42 decision, decided (an
 * enquiry or no further action), closed, or merged into the case it duplicated. The
 * transitions are guarded here, so no page or service can skip one.
 */
public enum CaseStatus {

	AWAITING_DECISION, S42_ENQUIRY, OTHER_ENQUIRY, NO_FURTHER_ACTION, CLOSED, MERGED;

	/** The statuses of the queue's tabs. */
	public enum Tab {

		AWAITING(EnumSet.of(AWAITING_DECISION)), ENQUIRY(EnumSet.of(S42_ENQUIRY, OTHER_ENQUIRY)),
		CLOSED(EnumSet.of(NO_FURTHER_ACTION, CaseStatus.CLOSED, MERGED));

		private final Set<CaseStatus> statuses;

		Tab(Set<CaseStatus> statuses) {
			this.statuses = statuses;
		}

		public Set<CaseStatus> statuses() {
			return this.statuses;
		}

		public String messageKey() {
			return "safeguarding.queue.tab." + name();
		}

	}

	public String messageKey() {
		return "safeguarding.case.status." + name();
	}

	/** The GOV.UK tag colour of the status. */
	public String colour() {
		return switch (this) {
			case AWAITING_DECISION -> "orange";
			case S42_ENQUIRY, OTHER_ENQUIRY -> "blue";
			case NO_FURTHER_ACTION -> "grey";
			case CLOSED, MERGED -> "grey";
		};
	}

	public boolean awaitingDecision() {
		return this == AWAITING_DECISION;
	}

	/** Whether the details of the case (the adult, what happened) may still change. */
	public boolean editable() {
		return this != CLOSED && this != MERGED;
	}

	void requireDecidable() {
		if (this != AWAITING_DECISION) {
			throw new IllegalStateException("This case has already been decided");
		}
	}

	void requireEditable() {
		if (!editable()) {
			throw new IllegalStateException("A closed or merged case cannot change");
		}
	}

	void requireClosable() {
		if (this != NO_FURTHER_ACTION) {
			throw new IllegalStateException("Only a case decided as no further action can be closed here");
		}
	}

	void requireMergeable() {
		if (this != AWAITING_DECISION && this != NO_FURTHER_ACTION) {
			throw new IllegalStateException("Only a case awaiting a decision or with no further action can be merged");
		}
	}

}
