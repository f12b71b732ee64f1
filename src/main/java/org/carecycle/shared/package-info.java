/**
 * Value types and vocabulary that every module speaks: roles, identifiers, postcodes, the
 * clock.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared", allowedDependencies = {},
		type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.carecycle.shared;
