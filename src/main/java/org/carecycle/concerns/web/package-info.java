/**
 * The concerns module's pages: the public "tell us" form, the triage queue, a concern's
 * page with its assessment and closure, and the safeguarding rules.
 */
package org.carecycle.concerns.web;
