/**
 * The provider register: provider organisations, the services they run at their
 * locations, and how good CQC says those services are.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Provider register",
		allowedDependencies = { "shared", "web", "identity", "geography", "documents" })
package org.carecycle.providers;
