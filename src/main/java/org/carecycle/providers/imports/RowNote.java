package org.carecycle.providers.imports;

/**
 * What a mapped import did with one row, or what is wrong with it.
 *
 * @param rowNumber its row in the file
 * @param locationId its location id as written, if it had one
 * @param name its location name as written, if it had one
 * @param note a sentence: "Added Rosewarne House. Created provider Kernow Homes Ltd."
 */
public record RowNote(long rowNumber, String locationId, String name, String note) {

}
