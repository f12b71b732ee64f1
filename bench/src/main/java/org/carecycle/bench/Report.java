package org.carecycle.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a run's results: bench/results/<date>-<scale>[-N].md and .json beside it. */
final class Report {

	private Report() {
	}

	/** A line of the summary table. */
	record Row(String figure, String value, String floor, String ratio, String goal, String result) {

		static Row ratio(String figure, double value, String unit, String floor, double floorValue, double atLeast) {
			double ratio = value / floorValue;
			return new Row(figure, number(value) + " " + unit, floor, decimal(ratio, 3), "≥ " + atLeast + " × floor",
					(ratio >= atLeast) ? "pass" : "miss");
		}

		static Row below(String figure, double value, String unit, String floor, double floorValue, double below) {
			return new Row(figure, decimal(value, 1) + " " + unit, floor, decimal(value / floorValue, 1) + " ×",
					"< " + number(below) + " " + unit, (value < below) ? "pass" : "miss");
		}

		static Row zero(String figure, long count) {
			return new Row(figure, String.valueOf(count), "—", "—", "0", (count == 0) ? "pass" : "miss");
		}

		static Row informative(String figure, double value, String unit, String floor, double floorValue) {
			return new Row(figure, decimal(value, 1) + " " + unit, floor, decimal(value / floorValue, 2) + " ×", "—",
					"info");
		}

		static Row info(String figure, String value) {
			return new Row(figure, value, "—", "—", "—", "info");
		}

		Map<String, Object> toMap() {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("figure", this.figure);
			map.put("value", this.value);
			map.put("floor", this.floor);
			map.put("ratio", this.ratio);
			map.put("goal", this.goal);
			map.put("result", this.result);
			return map;
		}

	}

	static Path write(Path repo, Options options, Map<String, Object> json, List<Row> summary,
			Map<String, Object> failures) throws IOException {
		Path dir = Files.createDirectories(repo.resolve("bench/results"));
		String base = Bench.today() + "-" + options.scale;
		String name = base;
		for (int n = 2; Files.exists(dir.resolve(name + ".md")) || Files.exists(dir.resolve(name + ".json")); n++) {
			name = base + "-" + n;
		}
		String markdown = markdown(json, summary, failures, name);
		String root = repo.toString();
		Files.writeString(dir.resolve(name + ".md"), markdown.replace(root, "."), StandardCharsets.UTF_8);
		Files.writeString(dir.resolve(name + ".json"), Json.write(json).replace(root, "."), StandardCharsets.UTF_8);
		return dir.resolve(name + ".md");
	}

	@SuppressWarnings("unchecked")
	private static String markdown(Map<String, Object> json, List<Row> summary, Map<String, Object> failures,
			String name) {
		Map<String, Object> run = (Map<String, Object>) json.get("run");
		Map<String, Object> machine = (Map<String, Object>) run.get("machine");
		StringBuilder md = new StringBuilder();
		md.append("# CareCycle bench: ").append(run.get("scale")).append(" scale, ").append(name).append("\n\n");
		md.append("Run ").append(run.get("startedAt")).append(" → ").append(run.get("finishedAt"));
		md.append(", scenarios: ").append(run.get("only"));
		md.append(", bench time ").append(seconds(run.get("benchSeconds")));
		if (run.get("buildSeconds") != null) {
			md.append(" (+ ").append(seconds(run.get("buildSeconds"))).append(" building the jars)");
		}
		md.append(", commit ").append(run.get("commit")).append(".\n");
		md.append("Every ratio is against a floor measured in the same run, on the same machine and PostgreSQL.\n\n");

		md.append("## Summary\n\n| Figure | Value | Floor | Ratio | Goal | Result |\n|---|---|---|---|---|---|\n");
		for (Row row : summary) {
			md.append("| ")
				.append(row.figure())
				.append(" | ")
				.append(row.value())
				.append(" | ")
				.append(row.floor())
				.append(" | ")
				.append(row.ratio())
				.append(" | ")
				.append(row.goal())
				.append(" | ")
				.append(row.result().equals("miss") ? "**miss**" : row.result())
				.append(" |\n");
		}
		if (!failures.isEmpty()) {
			md.append("\n**Failures:**\n\n");
			failures.forEach((what, why) -> md.append("- ")
				.append(what)
				.append(": ")
				.append(withoutPaths(String.valueOf(why)))
				.append("\n"));
		}

		Map<String, Object> floors = (Map<String, Object>) json.getOrDefault("floors", Map.of());
		if (!floors.isEmpty()) {
			md.append("\n## Floors\n\n| Floor | Value | How |\n|---|---|---|\n");
			Map<String, Object> copy = (Map<String, Object>) floors.get("copy");
			if (copy != null) {
				md.append("| COPY of the generated CQC CSV into a plain table | ")
					.append(number(copy.get("rowsPerSecond")))
					.append(" rows/s | ")
					.append(copy.get("rows"))
					.append(" rows, ")
					.append(kib(copy.get("bytes")))
					.append("; `COPY … FROM STDIN (FORMAT csv, HEADER true)` via the driver's CopyManager, best of ")
					.append(((List<?>) copy.get("attemptsSeconds")).size())
					.append(" (")
					.append(copy.get("attemptsSeconds"))
					.append(" s) |\n");
			}
			Map<String, Object> commits = (Map<String, Object>) floors.get("singleRowCommits");
			if (commits != null) {
				Map<String, Object> lat = (Map<String, Object>) commits.get("latencyMs");
				md.append("| One-row transactions into a plain table | ")
					.append(number(commits.get("commitsPerSecond")))
					.append(" commits/s | ")
					.append(commits.get("connections"))
					.append(" connections for ")
					.append(commits.get("seconds"))
					.append(" s, p50 ")
					.append(lat.get("p50"))
					.append(" ms, p95 ")
					.append(lat.get("p95"))
					.append(" ms per commit (fsync and synchronous_commit on); the floor of ppmf-intake's "
							+ "submissions |\n");
			}
			Map<String, Object> stat = (Map<String, Object>) floors.get("staticFile");
			if (stat != null) {
				for (String when : List.of("before", "after")) {
					Map<String, Object> r = (Map<String, Object>) stat.get(when);
					Map<String, Object> lat = (Map<String, Object>) r.get("latencyMs");
					md.append("| Static file ")
						.append(when)
						.append(" ")
						.append(stat.getOrDefault("around", "the page scenarios"))
						.append(when.equals(stat.get("used")) ? " (used)" : "")
						.append(" | ")
						.append(number(r.get("requestsPerSecond")))
						.append(" req/s | `")
						.append(stat.get("path"))
						.append("` (")
						.append(stat.get("bytes"))
						.append(" bytes), ")
						.append(r.get("virtualUsers"))
						.append(" users, ")
						.append(r.get("requests"))
						.append(" requests, p50 ")
						.append(lat.get("p50"))
						.append(" / p95 ")
						.append(lat.get("p95"))
						.append(" / p99 ")
						.append(lat.get("p99"))
						.append(" ms, errors ")
						.append(r.get("errors"))
						.append(" |\n");
				}
			}
			Map<String, Object> scans = (Map<String, Object>) floors.get("aggregateScan");
			if (scans != null) {
				scans.forEach((scanName, value) -> {
					Map<String, Object> scan = (Map<String, Object>) value;
					md.append("| Aggregate scan `")
						.append(scanName)
						.append("` | ")
						.append(scan.get("bestMs"))
						.append(" ms | best of ")
						.append(((List<?>) scan.get("attemptsMs")).size())
						.append(": `")
						.append(scan.get("sql"))
						.append("` |\n");
				});
			}
		}

		md.append("\n## Machine\n\n");
		machine.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append("\n"));
		md.append("- loadAverageAtEnd: ").append(run.get("loadAverageAtEnd")).append("\n");
		md.append("- Another engineer's test suites may share these cores: absolute figures are noisy, "
				+ "ratios less so.\n");
		if (json.containsKey("database")) {
			md.append("\n## Database and dataset\n\n");
			((Map<String, Object>) json.getOrDefault("database", Map.of()))
				.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append("\n"));
			((Map<String, Object>) json.getOrDefault("dataset", Map.of()))
				.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append("\n"));
		}

		if (json.containsKey("startup")) {
			md.append("\n## Start-up and memory\n\n");
			((Map<String, Object>) json.getOrDefault("startup", Map.of()))
				.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append("\n"));
			((Map<String, Object>) json.getOrDefault("memory", Map.of()))
				.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append("\n"));
		}

		Map<String, Object> scenarios = (Map<String, Object>) json.getOrDefault("scenarios", Map.of());
		for (Map.Entry<String, Object> entry : scenarios.entrySet()) {
			Map<String, Object> s = (Map<String, Object>) entry.getValue();
			md.append("\n## Scenario ").append(entry.getKey()).append("\n\n");
			if (entry.getKey().equals("import")) {
				importSection(md, s);
				continue;
			}
			if (entry.getKey().equals(IntakeScenario.NAME)) {
				intakeSection(md, s);
				continue;
			}
			if (entry.getKey().equals(QualityScenarios.PLANNER)) {
				plannerSection(md, s);
				continue;
			}
			if (entry.getKey().equals(SacScenario.NAME)) {
				sacSection(md, s);
				continue;
			}
			if (entry.getKey().equals(RiskScenario.NAME)) {
				md.append("Full recompute of ")
					.append(s.get("services"))
					.append(" services, five times (the server's own time, ms): ")
					.append(s.get("fullMs"))
					.append("; of which gathering the signals (one SQL query) ")
					.append(s.get("gatherMs"))
					.append(", scoring in memory ")
					.append(s.get("scoreMs"))
					.append(", writing profiles and history ")
					.append(s.get("writeMs"))
					.append(". Floor: one scan of the tables it reads, best ")
					.append(s.get("scanFloorMs"))
					.append(" ms (ratio ")
					.append(s.get("fullRatioToScan"))
					.append(" ×). Single-service updates after a new concern since start-up: ")
					.append(s.get("singleUpdates"))
					.append(", median ")
					.append(s.get("singleMedianMicros"))
					.append(" µs, slowest ")
					.append(s.get("singleMaxMicros"))
					.append(" µs.\n");
				continue;
			}
			Map<String, Object> lat = (Map<String, Object>) s.get("latencyMs");
			md.append(s.get("virtualUsers"))
				.append(" virtual users, ")
				.append(s.get("requests"))
				.append(" requests in ")
				.append(s.get("seconds"))
				.append(" s = ")
				.append(s.get("requestsPerSecond"))
				.append(" req/s (")
				.append(s.get("throughputRatioToStatic"))
				.append(" × static); latency p50 ")
				.append(lat.get("p50"))
				.append(" ms, p95 ")
				.append(lat.get("p95"))
				.append(" ms, p99 ")
				.append(lat.get("p99"))
				.append(" ms, max ")
				.append(lat.get("max"))
				.append(" ms; statuses ")
				.append(s.get("statuses"))
				.append("; mean page ")
				.append(s.get("meanResponseBytes"))
				.append(" bytes.\n");
			List<?> errors = (List<?>) s.get("firstErrors");
			if (errors != null && !errors.isEmpty()) {
				md.append("\nFirst errors: ").append(errors).append("\n");
			}
			md.append("\n| Kind of request | Count | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|\n");
			((Map<String, Object>) s.get("latencyMsByKind")).forEach((kind, value) -> {
				Map<String, Object> p = (Map<String, Object>) value;
				md.append("| ")
					.append(kind)
					.append(" | ")
					.append(p.get("count"))
					.append(" | ")
					.append(p.get("p50"))
					.append(" | ")
					.append(p.get("p95"))
					.append(" | ")
					.append(p.get("p99"))
					.append(" | ")
					.append(p.get("max"))
					.append(" |\n");
			});
		}

		Map<String, Object> microbenchmarks = (Map<String, Object>) json.get("microbenchmarks");
		if (microbenchmarks != null) {
			Microbenchmarks.section(md, microbenchmarks);
		}

		List<Map<String, Object>> slow = (List<Map<String, Object>>) json.get("slowStatements");
		if (slow != null) {
			md.append("\n## Slow statements\n\nThe slowest statements the bench's PostgreSQL logged during the run "
					+ "(`log_min_duration_statement` = " + Postgres.SLOW_STATEMENT_MS + " ms; the application's, "
					+ "the demo loader's and the bench's own):\n\n");
			if (slow.isEmpty()) {
				md.append("None.\n");
			}
			else {
				md.append("| ms | Statement |\n|---|---|\n");
				for (Map<String, Object> statement : slow) {
					md.append("| ")
						.append(number(statement.get("ms")))
						.append(" | `")
						.append(withoutPaths(String.valueOf(statement.get("statement"))).replace("|", "\\|").replace("`", "'"))
						.append("` |\n");
				}
			}
		}

		List<String> problems = (List<String>) json.get("appLogProblems");
		if (json.containsKey("startup")) {
			md.append("\n## Application log\n\n");
			if (problems == null || problems.isEmpty()) {
				md.append("No WARN or ERROR lines in the application's log since the last start.\n");
			}
			else {
				md.append("WARN/ERROR lines since the last start (first ")
					.append(problems.size())
					.append("):\n\n```\n");
				problems.forEach(line -> md.append(line).append("\n"));
				md.append("```\n");
			}
		}

		md.append("""

				## Reading the figures

				A ratio divides the application's figure by a floor measured in the same run: COPY for the
				import, a ~10 KB static file for page throughput and latency, one full aggregate scan of the
				register for search latency, one scan of every review and concern by service for the annual
				programme's planner, one-row commits at the same concurrency for the public form's
				submissions (one submission is one transaction of several rows plus ten HTTP requests). A miss says how far the application is from what the machine
				and PostgreSQL can do at best; compare ratios between runs, not absolute numbers. The
				microbenchmarks' ratios divide a JMH average time by its floor's, the least work over
				the same data in the same JMH run: lower is better.
				""");
		return md.toString();
	}

	@SuppressWarnings("unchecked")
	// the SAC return has no latencies of its own: the server's times against one scan
	private static void sacSection(StringBuilder md, Map<String, Object> s) {
		md.append("The Safeguarding Adults Collection return (`")
			.append(SacScenario.PATH)
			.append("`, the published version, signed in as the commissioner) for ")
			.append(s.get("concerns"))
			.append(" concerns and ")
			.append(s.get("enquiries"))
			.append(" enquiries generated in ")
			.append(SacScenario.YEAR)
			.append("-")
			.append((SacScenario.YEAR + 1) % 100)
			.append(" (in ")
			.append(s.get("generateMs"))
			.append(" ms), 2 warm-up runs then 5. The server's own time (ms, from `Server-Timing: sac;dur=N`): ")
			.append(s.get("returnMs"))
			.append(", median **")
			.append(s.get("returnMsMedian"))
			.append(" ms** (goal < ")
			.append(number(SacScenario.GOAL_MS))
			.append(" ms and ≤ ")
			.append(number(SacScenario.GOAL_RATIO))
			.append(" × the scan); one aggregate scan of the same rows, best of 5: ")
			.append(s.get("scanFloorMs"))
			.append(" ms (ratio ")
			.append(s.get("ratioToScan"))
			.append(" ×).\n");
	}

	private static void plannerSection(StringBuilder md, Map<String, Object> s) {
		Map<String, Object> page = (Map<String, Object>) s.get("pageLatencyMs");
		md.append("The annual programme (`")
			.append(s.get("path"))
			.append("`), signed in as the QA officer, one request at a time: each request proposes the next twelve "
					+ "months' reviews for every commissioned service and shows the first page of them; the page "
					+ "gives the planner's own time in `<p id=\"planner-time\" data-millis=\"N\">`. ")
			.append(s.get("warmUpRuns"))
			.append(" warm-up runs, then ")
			.append(s.get("runs"))
			.append(".\n\nPlanner's time (ms, from the page): ")
			.append(s.get("plannerMs"))
			.append(": p50 **")
			.append(s.get("plannerMsP50"))
			.append(" ms**, max ")
			.append(s.get("plannerMsMax"))
			.append(" ms (goal < ")
			.append(number(QualityScenarios.PLANNER_GOAL_MS))
			.append(" ms at national scale); ")
			.append(s.get("plannerRatioToScan"))
			.append(" × one scan of every review and concern by service (")
			.append(s.get("scanFloorMs"))
			.append(" ms).\n\nThe page as the browser waits for it: p50 ")
			.append(page.get("p50"))
			.append(" ms, p95 ")
			.append(page.get("p95"))
			.append(" ms, max ")
			.append(page.get("max"))
			.append(" ms; mean page ")
			.append(s.get("meanPageBytes"))
			.append(" bytes.\n");
	}

	@SuppressWarnings("unchecked")
	private static void importSection(StringBuilder md, Map<String, Object> s) {
		Map<String, Object> file = (Map<String, Object>) s.get("file");
		if (file != null) {
			md.append("Generated file `")
				.append(file.get("path"))
				.append("`: ")
				.append(file.get("rows"))
				.append(" locations of ")
				.append(file.get("providers"))
				.append(" providers, ")
				.append(kib(file.get("bytes")))
				.append(", spread over ")
				.append(file.get("englishPostcodeDistricts"))
				.append(" English postcode districts in ")
				.append(file.get("localAuthorities"))
				.append(" local authorities; uploaded as the QA officer with scope `all`.\n\n");
		}
		md.append("| Upload | Rows read | Created | Updated | Unchanged | Skipped | Rejected | Upload s | "
				+ "Upload→finished s | rows/s | Server s | Server rows/s | × COPY (end to end / server) |\n"
				+ "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
		for (String which : List.of("first", "again")) {
			Map<String, Object> u = (Map<String, Object>) s.get(which);
			if (u == null) {
				continue;
			}
			md.append("| ")
				.append(which.equals("first") ? "first (new rows)" : "same file again")
				.append(" | ")
				.append(u.get("rowsRead"))
				.append(" | ")
				.append(u.get("created"))
				.append(" | ")
				.append(u.get("updated"))
				.append(" | ")
				.append(u.get("unchanged"))
				.append(" | ")
				.append(u.get("skipped"))
				.append(" | ")
				.append(u.get("rejected"))
				.append(" | ")
				.append(u.get("uploadSeconds"))
				.append(" | ")
				.append(u.get("secondsUploadToFinished"))
				.append(" | ")
				.append(number(u.get("rowsPerSecondEndToEnd")))
				.append(" | ")
				.append(u.get("serverSeconds"))
				.append(" | ")
				.append(number(u.get("rowsPerSecondServer")))
				.append(" | ")
				.append(u.get("ratioToCopyEndToEnd"))
				.append(" / ")
				.append(u.get("ratioToCopyServer"))
				.append(" |\n");
			if (u.get("firstRefusals") != null) {
				md.append("\nFirst refusals: ").append(u.get("firstRefusals")).append("\n\n");
			}
		}
		for (String which : List.of("first", "again")) {
			Map<String, Object> u = (Map<String, Object>) s.get(which);
			if (u != null) {
				md.append("\n")
					.append(which.equals("first") ? "First upload" : "Same file again")
					.append(": reading and staging ≈ ")
					.append(u.get("secondsReadingAndStaging"))
					.append(" s, merging into the register ≈ ")
					.append(u.get("secondsMerging"))
					.append(" s (from the progress polls: the last time rows read grew).\n");
			}
		}
		md.append("\nRows removed before: ")
			.append(s.get("removedBefore"))
			.append("; after: ")
			.append(s.get("removedAfter"))
			.append(" (then `VACUUM ANALYZE`), so that every run imports into the same register.\n");
	}

	@SuppressWarnings("unchecked")
	private static void intakeSection(StringBuilder md, Map<String, Object> s) {
		Map<String, Object> m = (Map<String, Object>) s.get("measured");
		md.append("Concerns sent through the public form (`/tell-us`, no sign-in): each virtual user is one session "
				+ "that POSTs the ten pages of a concern (form-urlencoded with the session's CSRF token, each answered "
				+ "302 to the next page) and starts again; the tenth POST is the submission, one transaction saving "
				+ "the concern, its timeline event, an audit event and an acknowledgement email in the outbox. About "
				+ Math.round(IntakeScenario.FLAGGED_SHARE * 100)
				+ " % of the concerns name a bruise on purpose, so that they are flagged for safeguarding (a referral, "
				+ "a second timeline event and an email to each safeguarding lead, in the same transaction); the "
				+ "others avoid every safeguarding phrase. A browser's GET after each redirect is not sent. Services "
				+ "are picked at random from the ")
			.append(s.get("activeServices"))
			.append(" active ones.\n\n");
		Map<String, Object> warm = (Map<String, Object>) s.get("warmUp");
		if (warm != null) {
			md.append("Warm-up: ")
				.append(warm.get("submissions"))
				.append(" submissions in ")
				.append(warm.get("seconds"))
				.append(" s, errors ")
				.append(warm.get("errors"))
				.append(".\n\n");
		}
		if (m != null) {
			Map<String, Object> journey = (Map<String, Object>) m.get("journeyLatencyMs");
			md.append(m.get("virtualUsers"))
				.append(" virtual users, ")
				.append(m.get("submissions"))
				.append(" complete journeys (")
				.append(m.get("flaggedSubmissions"))
				.append(" flagged) and ")
				.append(m.get("failedJourneys"))
				.append(" failed, ")
				.append(m.get("requests"))
				.append(" requests in ")
				.append(m.get("seconds"))
				.append(" s = **")
				.append(m.get("journeysPerSecond"))
				.append(" submissions/s** (")
				.append(m.get("requestsPerSecond"))
				.append(" req/s); the step-10 POST alone: ")
				.append(m.get("sendsPerSecondAlone"))
				.append("/s (users ÷ its mean latency: as if every request were a submission; measured while the "
						+ "other users were mostly on cheaper pages, so an upper estimate). Complete journey p50 ")
				.append(journey.get("p50"))
				.append(" ms, p95 ")
				.append(journey.get("p95"))
				.append(" ms, p99 ")
				.append(journey.get("p99"))
				.append(" ms; statuses ")
				.append(m.get("statuses"))
				.append(".\n");
			List<?> errors = (List<?>) m.get("firstErrors");
			if (errors != null && !errors.isEmpty()) {
				md.append("\nFirst errors: ").append(errors).append("\n");
			}
			Map<String, Object> ratios = (Map<String, Object>) s.get("ratios");
			if (ratios != null) {
				md.append("\nAgainst the one-row commit floor: journeys ")
					.append(ratios.get("journeysToCommitFloor"))
					.append(" ×, step-10 POST alone ")
					.append(ratios.get("sendAloneToCommitFloor"))
					.append(" × (goal ≥ 0.5 ×, judged on journeys: the rate people see).\n");
			}
			md.append("\n| Step (POST) | Count | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|\n");
			Map<String, Object> rows = new LinkedHashMap<>((Map<String, Object>) m.get("latencyMsByStep"));
			rows.put("10, not flagged", m.get("sendLatencyMsNotFlagged"));
			rows.put("10, flagged for safeguarding", m.get("sendLatencyMsFlagged"));
			rows.put("complete journey", journey);
			rows.forEach((step, value) -> {
				Map<String, Object> p = (Map<String, Object>) value;
				md.append("| ")
					.append(step)
					.append(" | ")
					.append(p.get("count"))
					.append(" | ")
					.append(p.get("p50"))
					.append(" | ")
					.append(p.get("p95"))
					.append(" | ")
					.append(p.get("p99"))
					.append(" | ")
					.append(p.get("max"))
					.append(" |\n");
			});
		}
		Map<String, Object> cpu = (Map<String, Object>) s.get("cpu");
		if (cpu != null) {
			md.append("\nCPU during the measured phase: ").append(cpu).append(".\n");
		}
		Map<String, Object> ceiling = (Map<String, Object>) s.get("staticCeiling");
		if (ceiling != null) {
			md.append("\nHTTP ceiling: the static file at ")
				.append(number(ceiling.get("requestsPerSecond")))
				.append(" req/s (")
				.append(ceiling.get("source"))
				.append("), ÷ 10 requests a submission.\n");
		}
		if (s.get("database") != null) {
			md.append("\nIn the database afterwards: ").append(s.get("database")).append(".\n");
		}
		md.append("\nRemoved before: ")
			.append(s.get("removedBefore"))
			.append("; after: ")
			.append(s.get("removedAfter"))
			.append(" (then `VACUUM ANALYZE`). The concerns' audit events stay: the audit log is append-only.\n");
	}

	static String number(Object value) {
		if (value == null) {
			return "—";
		}
		double d = ((Number) value).doubleValue();
		return (Math.abs(d) >= 100) ? String.format(Locale.ROOT, "%,.0f", d) : decimal(d, 1);
	}

	static String decimal(double value, int places) {
		return String.format(Locale.ROOT, "%." + places + "f", value);
	}

	private static String seconds(Object value) {
		if (value == null) {
			return "—";
		}
		double s = ((Number) value).doubleValue();
		return String.format(Locale.ROOT, "%d min %02d s", (long) s / 60, Math.round(s) % 60);
	}

	private static String kib(Object bytes) {
		return String.format(Locale.ROOT, "%,.0f KiB", ((Number) bytes).doubleValue() / 1024);
	}

	/** A line without this machine's absolute paths. */
	static String withoutPaths(String text) {
		return text.replaceAll("(?<![\\w.])/(?:work|tmp|root|home|usr|var|opt|mnt|srv|etc)(?:/[\\w.@-]+)*", "<path>");
	}

}
