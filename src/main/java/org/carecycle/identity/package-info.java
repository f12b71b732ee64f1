/**
 * Who is signed in and what they may see: user accounts and roles, sign-in (with
 * throttling and optional single sign-on), the provider scope that keeps provider users
 * to their own organisation, and the append-only audit log.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity and access",
		allowedDependencies = { "shared", "web" })
package org.carecycle.identity;
