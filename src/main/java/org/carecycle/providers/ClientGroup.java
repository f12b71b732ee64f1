package org.carecycle.providers;

/** Who a service is for (CQC's service user bands). */
public enum ClientGroup {

	OLDER_PEOPLE, DEMENTIA, LEARNING_DISABILITY, AUTISM, MENTAL_HEALTH, PHYSICAL_DISABILITY, SENSORY_IMPAIRMENT,
	SUBSTANCE_MISUSE, YOUNGER_ADULTS;

	public String messageKey() {
		return "clientGroup." + name();
	}

}
