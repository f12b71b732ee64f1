/**
 * Files people upload: stored in the database with their checksum, accepted only when
 * their content (not their name) shows they are what they claim to be.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents",
		allowedDependencies = { "shared", "identity" })
package org.carecycle.documents;
