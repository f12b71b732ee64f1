package org.carecycle.providers.imports;

/**
 * How an import went, row by row.
 *
 * @param read data rows read
 * @param created records created
 * @param updated records changed
 * @param unchanged records already as the file says
 * @param skipped rows not for the register
 * @param rejected rows refused
 */
record ImportCounts(long read, long created, long updated, long unchanged, long skipped, long rejected) {

	static ImportCounts none() {
		return new ImportCounts(0, 0, 0, 0, 0, 0);
	}

}
