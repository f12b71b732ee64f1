/**
 * Quality assurance reviews: the framework they are scored against, the annual programme
 * that keeps every commissioned service reviewed within twelve months, each review from
 * planned to closed, its report and the provider's action plan.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Quality assurance reviews", allowedDependencies = {
		"shared", "web", "identity", "geography", "documents", "providers", "mail", "concerns" })
package org.carecycle.quality;
