/**
 * The oversight module's pages.
 */
package org.carecycle.oversight.web;
