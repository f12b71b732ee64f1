package org.carecycle.procurement;

/**
 * The two standing arrangements of the Procurement Act 2023 the council buys care
 * through. A framework admits its providers when it is awarded and is closed to newcomers
 * for its term (at most four years); a dynamic market (which replaced the Dynamic
 * Purchasing System) takes applications at any time while it is open.
 */
public enum FrameworkKind {

	FRAMEWORK, DYNAMIC_MARKET;

	public String messageKey() {
		return "frameworkKind." + name();
	}

}
