/**
 * The register's pages: lists and profiles for council staff, and the provider portal.
 */
package org.carecycle.providers.web;
