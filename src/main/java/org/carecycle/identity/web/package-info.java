/** The administrator's pages: people and the audit log. */
package org.carecycle.identity.web;
