package org.carecycle.providers.imports;

import java.time.Instant;
import java.util.UUID;

/**
 * An import, as its progress page shows it.
 *
 * @param id the job's id
 * @param kind what the file holds, once known
 * @param fileName the file's name as uploaded
 * @param format CSV, XLSX or ODS
 * @param areaOnly whether only the council's area was imported
 * @param status where the job is
 * @param rowsRead data rows read so far
 * @param created records created
 * @param updated records changed
 * @param unchanged records already as the file says
 * @param skipped rows that are not for the register (another sector or area)
 * @param rejected rows refused, each with a reason in the report
 * @param message what happened, in a sentence
 * @param requestedByName who started it
 * @param requestedAt when
 * @param startedAt when it started running
 * @param finishedAt when it finished
 */
public record ImportJob(UUID id, ImportKind kind, String fileName, String format, boolean areaOnly, ImportStatus status,
		long rowsRead, long created, long updated, long unchanged, long skipped, long rejected, String message,
		String requestedByName, Instant requestedAt, Instant startedAt, Instant finishedAt) {

}
