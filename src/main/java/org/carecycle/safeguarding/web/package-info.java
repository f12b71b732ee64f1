/**
 * The safeguarding module's pages: an enquiry step by step for the case's staff, and the
 * provider portal's enquiries caused to the provider.
 */
package org.carecycle.safeguarding.web;
