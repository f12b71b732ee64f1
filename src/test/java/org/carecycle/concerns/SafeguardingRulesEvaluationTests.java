package org.carecycle.concerns;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.carecycle.ApplicationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The safeguarding rules measured against the simplest sensible baseline on the same
 * data: a labelled set of 60 realistic concerns (30 that suggest abuse or neglect, 30
 * that do not), written for this test. The baseline flags a concern only when the person
 * said someone is at risk of harm right now. The rules must find far more of the real
 * ones while keeping false alarms low, since every flag emails the safeguarding leads.
 */
@ApplicationTest
class SafeguardingRulesEvaluationTests {

	@Autowired
	SafeguardingScreen screen;

	private record Labelled(boolean abuse, AtRisk atRisk, String text) {
	}

	private record Score(int truePositives, int falsePositives, int falseNegatives) {

		double recall() {
			return this.truePositives / (double) (this.truePositives + this.falseNegatives);
		}

		double precision() {
			return (this.truePositives + this.falsePositives == 0) ? 0
					: this.truePositives / (double) (this.truePositives + this.falsePositives);
		}

	}

	@Test
	void theRulesFindMostAbuseAndNeglectWhereTheAtRiskAnswerAloneFindsFew() throws IOException {
		List<Labelled> concerns = read();
		int tp = 0;
		int fp = 0;
		int fn = 0;
		int btp = 0;
		int bfp = 0;
		int bfn = 0;
		for (Labelled concern : concerns) {
			// The phrase rules and the answer, as this test has always measured them; the
			// whole
			// screen is measured on a far larger held-out set by
			// SafeguardingScreenHeldOutTests.
			boolean flagged = this.screen.flaggedByRules(concern.text()) || concern.atRisk() == AtRisk.YES;
			boolean baseline = concern.atRisk() == AtRisk.YES;
			tp += (flagged && concern.abuse()) ? 1 : 0;
			fp += (flagged && !concern.abuse()) ? 1 : 0;
			fn += (!flagged && concern.abuse()) ? 1 : 0;
			if (flagged != concern.abuse()) {
				System.out.println((flagged ? "False alarm: " : "Missed: ") + concern.text());
			}
			btp += (baseline && concern.abuse()) ? 1 : 0;
			bfp += (baseline && !concern.abuse()) ? 1 : 0;
			bfn += (!baseline && concern.abuse()) ? 1 : 0;
		}
		Score rules = new Score(tp, fp, fn);
		Score atRiskOnly = new Score(btp, bfp, bfn);
		System.out.printf(
				"Safeguarding rules on %d labelled concerns: recall %.2f, precision %.2f "
						+ "(at-risk answer alone: recall %.2f, precision %.2f)%n",
				concerns.size(), rules.recall(), rules.precision(), atRiskOnly.recall(), atRiskOnly.precision());
		assertThat(concerns).hasSize(60);
		assertThat(rules.recall()).as("recall of the rules").isGreaterThanOrEqualTo(0.8);
		assertThat(rules.recall()).as("better than the at-risk answer alone").isGreaterThan(atRiskOnly.recall() + 0.5);
		assertThat(rules.precision()).as("precision of the rules").isGreaterThanOrEqualTo(0.8);
	}

	private static List<Labelled> read() throws IOException {
		List<Labelled> rows = new ArrayList<>();
		try (InputStream in = SafeguardingRulesEvaluationTests.class
			.getResourceAsStream("/concerns/labelled-concerns.csv")) {
			String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
			for (int i = 1; i < lines.length; i++) {
				String line = lines[i].strip();
				if (line.isEmpty()) {
					continue;
				}
				String[] parts = line.split(",", 3);
				String text = parts[2].strip();
				rows.add(new Labelled(parts[0].equals("abuse"), AtRisk.valueOf(parts[1]),
						text.substring(1, text.length() - 1)));
			}
		}
		return rows;
	}

}
