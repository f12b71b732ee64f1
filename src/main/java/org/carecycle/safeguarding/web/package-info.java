/**
 * The safeguarding module's pages: the queue, a case, entering and correcting one, the
 * section 42 decision, naming staff, merging and closing.
 */
package org.carecycle.safeguarding.web;
