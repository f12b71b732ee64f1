/**
 * The GOV.UK-styled shell around every page: the layout, navigation by role, the home
 * page that other modules fill with panels, shared component fragments and error pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web shell", allowedDependencies = { "shared" })
package org.carecycle.web;
