/**
 * The commissioning pages: needs data, outcome measures, demand against supply.
 */
package org.carecycle.commissioning.web;
