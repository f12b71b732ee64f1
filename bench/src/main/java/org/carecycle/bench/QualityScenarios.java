package org.carecycle.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The quality module's staff pages that compute over every commissioned service:
 * {@code qa-planner} (the annual programme at /quality/programme, which proposes the next
 * twelve months' reviews for every service on each request and says how long that took in
 * its {@code Server-Timing: planner;dur=N} header) and {@code coverage} (the coverage
 * dashboard at /quality). Both are read as a quality assurance officer.
 */
final class QualityScenarios {

	static final String PLANNER = "qa-planner";

	static final String COVERAGE = "coverage";

	static final String PLANNER_PATH = "/quality/programme";

	static final String COVERAGE_PATH = "/quality";

	/** The planner's own time the goal is judged on (at national scale). */
	static final double PLANNER_GOAL_MS = 2_000;

	private static final Pattern MILLIS = Pattern.compile("\\bplanner;dur=(\\d+)");

	private QualityScenarios() {
	}

	/** The planner's time as the page reports it, or a sentence saying why there is none. */
	static long plannerMillis(HttpResponse<byte[]> response) {
		if (response.statusCode() != 200) {
			String location = response.headers().firstValue("Location").orElse("");
			throw new IllegalStateException("GET " + PLANNER_PATH + " answered " + response.statusCode()
					+ (location.isEmpty() ? "" : " to " + location)
					+ missing(response.statusCode(), "annual programme page"));
		}
		String timing = response.headers().firstValue("Server-Timing").orElse("");
		Matcher millis = MILLIS.matcher(timing);
		if (!millis.find()) {
			throw new IllegalStateException("GET " + PLANNER_PATH
					+ " answered 200 but has no Server-Timing header \"planner;dur=N\" with the planner's own time: "
					+ timing);
		}
		return Long.parseLong(millis.group(1));
	}

	/**
	 * GETs the programme page again and again, one request at a time (the planner's time is
	 * what is measured, not concurrency): a warm-up, then the measured runs.
	 */
	static Map<String, Object> planner(WebClient officer, int warmUp, int runs) throws Exception {
		for (int i = 0; i < warmUp; i++) {
			plannerMillis(officer.fetch(PLANNER_PATH));
		}
		long[] server = new long[runs];
		long[] page = new long[runs];
		List<Long> serverMs = new ArrayList<>();
		long bytes = 0;
		for (int i = 0; i < runs; i++) {
			long sent = System.nanoTime();
			HttpResponse<byte[]> response = officer.fetch(PLANNER_PATH);
			page[i] = System.nanoTime() - sent;
			long millis = plannerMillis(response);
			server[i] = millis * 1_000_000L;
			serverMs.add(millis);
			bytes += response.body().length;
		}
		LoadRun.Percentiles planner = LoadRun.Percentiles.of(server);
		LoadRun.Percentiles latency = LoadRun.Percentiles.of(page);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("path", PLANNER_PATH);
		result.put("warmUpRuns", warmUp);
		result.put("runs", runs);
		result.put("plannerMs", serverMs);
		result.put("plannerMsP50", LoadRun.round(planner.p50, 0));
		result.put("plannerMsMax", LoadRun.round(planner.max, 0));
		result.put("pageLatencyMs", latency.toMap());
		result.put("meanPageBytes", bytes / Math.max(1, runs));
		Bench.log(PLANNER + ": planner " + serverMs + " ms (p50 " + result.get("plannerMsP50") + ", max "
				+ result.get("plannerMsMax") + "); page p50 " + LoadRun.round(latency.p50, 1) + " ms, p95 "
				+ LoadRun.round(latency.p95, 1) + " ms");
		return result;
	}

	/**
	 * Why a page may not be there: an address no module serves is refused (403) to
	 * everyone, not found (404) only inside a section.
	 */
	private static String missing(int status, String page) {
		return (status == 403 || status == 404) ? ": either this build has no " + page
				+ " (it comes with the quality module's staff pages: merge them first) or it does not let a QA officer in"
				: "";
	}

	/** Fails with a clear sentence unless the coverage dashboard answers 200. */
	static void probeCoverage(WebClient officer) throws Exception {
		HttpResponse<byte[]> response = officer.fetch(COVERAGE_PATH);
		if (response.statusCode() != 200) {
			String location = response.headers().firstValue("Location").orElse("");
			throw new IllegalStateException("GET " + COVERAGE_PATH + " answered " + response.statusCode()
					+ (location.isEmpty() ? "" : " to " + location)
					+ missing(response.statusCode(), "coverage dashboard"));
		}
	}

}
