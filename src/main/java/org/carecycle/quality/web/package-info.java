/**
 * The quality module's pages for officers, senior officers, administrators and providers.
 */
package org.carecycle.quality.web;
