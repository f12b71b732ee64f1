/**
 * The Analyse and Plan quarters of the commissioning cycle: needs data (population,
 * prevalence, uptake assumptions, outcome measures), demand against supply, area
 * profiles, commissioning strategies and intentions, the public Market Position
 * Statement, and the cycle view that joins Analyse, Plan, Do and Review for each care
 * group.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Commissioning", allowedDependencies = { "shared", "web",
		"identity", "geography", "mail", "documents", "providers", "concerns", "quality", "oversight", "safeguarding" })
package org.carecycle.commissioning;
