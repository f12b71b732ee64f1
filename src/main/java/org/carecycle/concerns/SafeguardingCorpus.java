package org.carecycle.concerns;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The labelled concern texts the safeguarding screen is built and measured on (see
 * {@code safeguarding/corpus/LABELLING.md}): the examples it compares a concern with, and
 * the check set its thresholds are chosen on. The held-out test set lives with the tests.
 */
public final class SafeguardingCorpus {

	/** The examples the screen compares a concern with. */
	public static final String EXAMPLES = "safeguarding/corpus/examples.csv";

	/** The check set: thresholds are chosen on it and new examples are tried on it. */
	public static final String CHECK = "safeguarding/corpus/check.csv";

	private SafeguardingCorpus() {
	}

	/**
	 * One labelled text.
	 *
	 * @param id its id in the set
	 * @param type the type of risk it suggests, or null when it is not safeguarding
	 * @param text what the person wrote
	 */
	public record Labelled(String id, AbuseType type, String text) {

		public boolean safeguarding() {
			return this.type != null;
		}

	}

	/** The rows of a labelled set on the class path. */
	public static List<Labelled> read(String resource) {
		try (InputStream in = SafeguardingCorpus.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("The labelled set " + resource + " is missing");
			}
			return read(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<Labelled> read(Reader reader) throws IOException {
		List<Labelled> rows = new ArrayList<>();
		CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
		for (CSVRecord row : format.parse(reader)) {
			String label = row.get("label").strip();
			AbuseType type = "NONE".equals(label) ? null : AbuseType.valueOf(label);
			rows.add(new Labelled(row.get("id").strip(), type, row.get("text").strip()));
		}
		return rows;
	}

}
