package org.carecycle.commissioning;

/**
 * The needs demand is projected from, each with the age bands its rates cover. Labels are
 * in messages ({@code prevalenceNeed.NAME}).
 */
public enum PrevalenceNeed {

	/** Dementia, 65 and over (CFAS II rates). */
	DEMENTIA,
	/** Unable to manage at least one self-care activity alone, 65 and over. */
	SELF_CARE,
	/** Learning disability, 18 to 64. */
	LEARNING_DISABILITY;

	public String messageKey() {
		return "prevalenceNeed." + name();
	}

}
