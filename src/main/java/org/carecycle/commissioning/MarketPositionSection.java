package org.carecycle.commissioning;

/**
 * The sections of a Market Position Statement, in the order councils publish them. Each
 * has the commissioners' narrative; most also show live figures.
 */
public enum MarketPositionSection {

	BACKGROUND, INTENTIONS, DEMOGRAPHY, SELF_FUNDERS, WORKFORCE, SUPPLY_AND_DEMAND, OPPORTUNITIES;

	public String messageKey() {
		return "mps.section." + name();
	}

	public String anchor() {
		return name().toLowerCase().replace('_', '-');
	}

}
