package org.carecycle.concerns;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The screen's figures on the held-out test set, as the measuring test last found them
 * ({@code SafeguardingScreenHeldOutTests} fails when they are not what this file says).
 *
 * @param measuredOn the day they were measured
 * @param model the meaning layer's model
 * @param screen the screen's figures
 * @param todaysRules the figures of the phrase rules as they were before the meaning
 * layer, on the same set
 */
public record HeldOutFigures(LocalDate measuredOn, String model, SafeguardingExamples.Figures screen,
		SafeguardingExamples.Figures todaysRules) {

	/** Where the figures are kept. */
	public static final String RESOURCE = "safeguarding/heldout-figures.csv";

	/** The columns of the file. */
	public static final String[] HEADER = { "measured_on", "model", "type", "reports", "flagged",
			"flagged_by_phrase_rules_alone" };

	/** The figures, if the file is there. */
	public static Optional<HeldOutFigures> published() {
		try (InputStream in = HeldOutFigures.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				return Optional.empty();
			}
			LocalDate on = null;
			String model = null;
			Map<AbuseType, SafeguardingExamples.Count> screen = new EnumMap<>(AbuseType.class);
			Map<AbuseType, SafeguardingExamples.Count> rules = new EnumMap<>(AbuseType.class);
			int none = 0;
			int falseFlags = 0;
			int rulesFalseFlags = 0;
			CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
			for (CSVRecord row : format.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
				on = LocalDate.parse(row.get("measured_on"));
				model = row.get("model");
				int reports = Integer.parseInt(row.get("reports"));
				int flagged = Integer.parseInt(row.get("flagged"));
				int byRules = Integer.parseInt(row.get("flagged_by_phrase_rules_alone"));
				if ("NONE".equals(row.get("type"))) {
					none = reports;
					falseFlags = flagged;
					rulesFalseFlags = byRules;
				}
				else {
					AbuseType type = AbuseType.valueOf(row.get("type"));
					screen.put(type, new SafeguardingExamples.Count(reports, flagged));
					rules.put(type, new SafeguardingExamples.Count(reports, byRules));
				}
			}
			return Optional.of(new HeldOutFigures(on, model, new SafeguardingExamples.Figures(screen, none, falseFlags),
					new SafeguardingExamples.Figures(rules, none, rulesFalseFlags)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
