/**
 * Matching people to services: vacancies kept current by providers, the needs-based
 * search for case managers (and, without prices or risk detail, for self-funders and
 * families), package requests with offers ranked by a published quality and price
 * weighting, and placements.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Matching", allowedDependencies = { "shared", "web",
		"identity", "geography", "mail", "providers", "quality", "oversight", "commissioning", "procurement" })
package org.carecycle.matching;
