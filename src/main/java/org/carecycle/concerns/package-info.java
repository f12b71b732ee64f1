/**
 * Compliments and concerns (the Provider Performance Monitoring Form): what anyone tells
 * the council about a care service, the quality assurance team's triage, assessment and
 * action, the same-day safeguarding route, and the provider's response.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Compliments and concerns",
		allowedDependencies = { "shared", "web", "identity", "providers", "mail", "documents" })
package org.carecycle.concerns;
