package org.carecycle.safeguarding;

/**
 * Primary support reason, as the Safeguarding Adults Collection counts it (SG1).
 */
public enum SupportReason {

	PHYSICAL, SENSORY, MEMORY_AND_COGNITION, LEARNING_DISABILITY, MENTAL_HEALTH, SOCIAL, NO_SUPPORT_REASON, NOT_KNOWN;

	public String messageKey() {
		return "safeguarding.supportReason." + name();
	}

}
