package org.carecycle.commissioning;

/** How the council expects to buy what an intention describes. */
public enum IntentionRoute {

	TENDER, FRAMEWORK_CALL_OFF, DYNAMIC_MARKET, GRANT, PARTNERSHIP;

	public String messageKey() {
		return "intention.route." + name();
	}

}
