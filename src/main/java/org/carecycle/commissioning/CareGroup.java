package org.carecycle.commissioning;

/**
 * The groups of people a council commissions for, as its strategies, intentions, tenders
 * and the cycle view are organised. Labels are in messages ({@code careGroup.NAME}).
 */
public enum CareGroup {

	OLDER_PEOPLE, LEARNING_DISABILITY, AUTISM, MENTAL_HEALTH, PHYSICAL_DISABILITY, CARERS, DAY_OPPORTUNITIES;

	public String messageKey() {
		return "careGroup." + name();
	}

}
