/**
 * The demo county: a deterministic generator of a realistic, fictional Cornwall-scale
 * market of care providers (or, scaled up, a national one for benchmarks) with its
 * concerns and its quality assurance review history, loaded into an empty database in
 * demo mode, with one sign-in for each role and a team of quality assurance officers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo county",
		allowedDependencies = { "shared", "identity", "geography", "providers", "concerns", "safeguarding", "quality",
				"oversight", "commissioning", "procurement", "matching" })
package org.carecycle.demo;
