package org.carecycle.safeguarding.web;

/** A step with nothing to type, such as closing: the version the page was drawn from. */
record VersionForm(String version) {

}
