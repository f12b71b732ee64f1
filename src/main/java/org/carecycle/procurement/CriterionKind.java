package org.carecycle.procurement;

/**
 * What an award criterion measures. Quality, price and social value carry the weights
 * (100 between them); a pass/fail question carries none and excludes a bid that fails it.
 */
public enum CriterionKind {

	QUALITY, PRICE, SOCIAL_VALUE, PASS_FAIL;

	public boolean weighted() {
		return this != PASS_FAIL;
	}

}
