package org.carecycle.procurement;

/**
 * Where a tender is: being planned, published (open for bids until its deadline, then
 * closed but still sealed), opened after the deadline, or cancelled.
 */
public enum TenderStatus {

	PLANNING, PUBLISHED, OPENED, CANCELLED

}
