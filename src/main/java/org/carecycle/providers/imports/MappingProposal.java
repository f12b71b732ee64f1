package org.carecycle.providers.imports;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the mapping page shows for an upload whose headers are not CQC's: its columns, its
 * first rows, and the column proposed for each field, from the mapping saved for the same
 * source when there is one, otherwise from the closest header names.
 *
 * @param uploadId the upload waiting for its mapping
 * @param fileName its name as uploaded
 * @param headers its header row
 * @param preview its first rows, as many cells as the header
 * @param proposed the column index proposed for each field
 * @param savedByName who saved the mapping used, or null when the columns are guesses
 * @param savedAt when it was saved, or null
 */
public record MappingProposal(UUID uploadId, String fileName, List<String> headers, List<List<String>> preview,
		Map<MappedField, Integer> proposed, String savedByName, Instant savedAt) {

	/** Whether the proposal comes from a mapping saved for the same source. */
	public boolean isSaved() {
		return this.savedByName != null;
	}

}
