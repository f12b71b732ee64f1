package org.carecycle.providers.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The council's own extract of CQC-registered homes (src/test/resources/imports), with
 * ids and two provider names of its own for each test, so that each imports new
 * locations.
 *
 * @param prefix the first ten characters of its location ids (1-9 and seven digits)
 * @param tag the word added to the names of the providers it creates or matches
 * @param csv the file
 */
public record CouncilExtract(String prefix, String tag, byte[] csv) {

	public static CouncilExtract fresh() throws IOException {
		String digits = String.format("%07d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 10_000_000));
		String prefix = "1-9" + digits;
		String tag = "K" + digits;
		String text;
		try (InputStream in = CouncilExtract.class.getResourceAsStream("/imports/council-cqc-homes.csv")) {
			text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		text = text.replace("1-10000001", prefix)
			.replace("Trelawny Care Group", "Trelawny Care Group " + tag)
			.replace("TRELAWNY CARE GROUP", "TRELAWNY CARE GROUP " + tag)
			.replace("Fal Valley Care", "Fal Valley Care " + tag);
		return new CouncilExtract(prefix, tag, text.getBytes(StandardCharsets.UTF_8));
	}

	/** A location id of the extract: row 2 is location 01. */
	public String location(int number) {
		return this.prefix + String.format("%02d", number);
	}

}
