/**
 * Provider oversight: how worried the council should be about each care service, scored
 * from its warning signals with the reasons shown, and later the early warnings and the
 * escalation ladder built on that score.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Provider oversight", allowedDependencies = { "shared",
		"web", "identity", "geography", "mail", "providers", "concerns", "quality", "safeguarding" })
package org.carecycle.oversight;
