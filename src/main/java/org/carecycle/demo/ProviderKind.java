package org.carecycle.demo;

/** The kinds of provider organisation, with their share of the market. */
enum ProviderKind {

	CARE_HOME_OPERATOR(44), HOME_CARE_AGENCY(30), SPECIALIST_SUPPORT(16), DAY_OPPORTUNITIES(9), SHARED_LIVES(1);

	final int weight;

	ProviderKind(int weight) {
		this.weight = weight;
	}

}
