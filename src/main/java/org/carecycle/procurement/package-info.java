/**
 * Procurement under the Procurement Act 2023's light-touch regime: tenders with lots,
 * award criteria and sealed bids, evaluation and award, frameworks, dynamic markets and
 * preferred-provider partnerships, and open contracting (OCDS releases, the transparency
 * contract register).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Procurement", allowedDependencies = { "shared", "web",
		"identity", "geography", "mail", "documents", "providers", "quality", "oversight", "commissioning" })
package org.carecycle.procurement;
