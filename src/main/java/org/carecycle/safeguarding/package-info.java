/**
 * Safeguarding adults: safeguarding concerns about adults at risk (from a flagged PPMF
 * concern, staff or a partner agency), the section 42 decision, enquiries made or caused
 * to be made, whole-service (organisational) enquiries with their multi-agency meetings,
 * and the Safeguarding Adults Collection return. The tightest access rules in CareCycle:
 * safeguarding leads, and council staff named on a case.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Safeguarding adults", allowedDependencies = { "shared",
		"web", "identity", "geography", "providers", "mail", "documents", "concerns" })
package org.carecycle.safeguarding;
