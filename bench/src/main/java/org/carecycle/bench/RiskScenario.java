package org.carecycle.bench;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code risk-recompute}: the oversight module's full recompute of every active service's
 * risk profile, asked for as an officer would (POST /oversight/risk/recompute), its own time
 * read from the risk register ({@code <p id="risk-timing" data-full-millis=...>}), five
 * times; and the single-service update that follows each new concern (its median and
 * slowest since start-up, from the same paragraph: run it after ppmf-intake to have some).
 */
final class RiskScenario {

	static final String NAME = "risk-recompute";

	static final String RECOMPUTE_PATH = "/oversight/risk/recompute";

	static final String REGISTER_PATH = "/oversight/risk";

	static final double FULL_GOAL_MS = 2_000;

	static final double FULL_GOAL_RATIO = 3;

	static final double SINGLE_GOAL_MS = 10;

	private static final Pattern TIMING = Pattern.compile("<p\\b[^>]*\\bid=\"risk-timing\"[^>]*>");

	private RiskScenario() {
	}

	static long attribute(String tag, String name) {
		Matcher m = Pattern.compile("\\b" + name + "=\"(\\d+)\"").matcher(tag);
		if (!m.find()) {
			throw new IllegalStateException("The risk-timing paragraph has no " + name + ": " + tag);
		}
		return Long.parseLong(m.group(1));
	}

	static String timingTag(WebClient officer) throws Exception {
		HttpResponse<byte[]> page = officer.fetch(REGISTER_PATH);
		if (page.statusCode() != 200) {
			throw new IllegalStateException("GET " + REGISTER_PATH + " answered " + page.statusCode());
		}
		Matcher tag = TIMING.matcher(new String(page.body(), StandardCharsets.UTF_8));
		if (!tag.find()) {
			throw new IllegalStateException("The risk register has no <p id=\"risk-timing\">: no full recompute yet");
		}
		return tag.group();
	}

	/** Five full recomputes, one at a time, then the single-service figures. */
	static Map<String, Object> run(WebClient officer, int runs) throws Exception {
		List<Long> full = new ArrayList<>();
		List<Long> gather = new ArrayList<>();
		List<Long> score = new ArrayList<>();
		List<Long> write = new ArrayList<>();
		List<Long> request = new ArrayList<>();
		long services = 0;
		for (int i = 0; i < runs; i++) {
			long sent = System.nanoTime();
			HttpResponse<String> answer = officer.post(RECOMPUTE_PATH, Map.of());
			request.add((System.nanoTime() - sent) / 1_000_000);
			if (answer.statusCode() != 302 && answer.statusCode() != 303 && answer.statusCode() != 200) {
				throw new IllegalStateException("POST " + RECOMPUTE_PATH + " answered " + answer.statusCode());
			}
			String tag = timingTag(officer);
			full.add(attribute(tag, "data-full-millis"));
			gather.add(attribute(tag, "data-gather-millis"));
			score.add(attribute(tag, "data-score-millis"));
			write.add(attribute(tag, "data-write-millis"));
			services = attribute(tag, "data-services");
		}
		String tag = timingTag(officer);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("services", services);
		result.put("fullMs", full);
		result.put("gatherMs", gather);
		result.put("scoreMs", score);
		result.put("writeMs", write);
		result.put("requestMs", request);
		result.put("fullMsBest", full.stream().mapToLong(Long::longValue).min().orElse(0));
		result.put("fullMsMedian", full.stream().sorted().toList().get(full.size() / 2));
		result.put("singleUpdates", attribute(tag, "data-single-count"));
		result.put("singleMedianMicros", attribute(tag, "data-single-median-micros"));
		result.put("singleMaxMicros", attribute(tag, "data-single-max-micros"));
		Bench.log(NAME + ": " + services + " services, full " + full + " ms (gather " + gather + ", score " + score
				+ ", write " + write + "); single updates " + result.get("singleUpdates") + ", median "
				+ result.get("singleMedianMicros") + " µs, max " + result.get("singleMaxMicros") + " µs");
		return result;
	}

}
