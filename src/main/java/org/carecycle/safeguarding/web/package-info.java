/**
 * The safeguarding module's pages: the queue, a case, entering and correcting one, the
 * section 42 decision, naming staff, merging and closing; an enquiry step by step for the
 * case's staff; and the provider portal's enquiries caused to the provider.
 */
package org.carecycle.safeguarding.web;
