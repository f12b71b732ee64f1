package org.carecycle.procurement;

/**
 * How a tender is run, in the Procurement Act 2023's terms: the open procedure (a single
 * stage, anyone may bid) or a competitive flexible procedure the council designs itself,
 * which the light-touch regime for social care allows great freedom in.
 */
public enum TenderProcedure {

	OPEN, COMPETITIVE_FLEXIBLE

}
