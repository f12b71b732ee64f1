package org.carecycle.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code jmh}: the JMH microbenchmarks of bench/jmh (risk scoring, the QA rating rule,
 * the CQC import's and the KPI upload's CSV parsing), run by JMH in JVMs of their own
 * before PostgreSQL and the application start, so that nothing else of the bench competes
 * with them. Each benchmark class has a benchmark called {@code floor}, measured in the
 * same run, and every other benchmark of the class is divided by it.
 */
final class Microbenchmarks {

	static final String NAME = "jmh";

	/**
	 * JMH's settings: one fork per benchmark, 6 warm-up iterations of 2 s (on two busy
	 * cores the JIT needs them), then 5 measured iterations of 1 s.
	 */
	static final List<String> SETTINGS = List.of("-f", "1", "-wi", "6", "-w", "2s", "-i", "5", "-r", "1s");

	/**
	 * CQC's real rating history (in the repository: src/test/resources/data/README.md), used when it is there.
	 */
	static final String CQC_FILE = "src/test/resources/data/cqc/cqc_inspections_community_social_care.csv";

	/**
	 * The rows of the file the CQC benchmarks generate when the real one is not there.
	 */
	static final long GENERATED_CQC_ROWS = 29_459;

	private static final Duration TIMEOUT = Duration.ofMinutes(10);

	/**
	 * What a benchmark measures, how many items one operation handles, and what an item
	 * is.
	 */
	record Figure(String label, long items, String item) {
	}

	/** What each class's floor does. */
	private static final Map<String, String> FLOORS = Map.of("RiskScoring", "every signal read and summed",
			"RatingRules", "points × weights summed over the same ratings", "CqcCsvParsing",
			"readLine + split of the same bytes", "KpiCsvParsing", "readLine + split of the same bytes");

	private Microbenchmarks() {
	}

	private static Map<String, Figure> figures(long cqcRows) {
		String rows = String.format(Locale.ROOT, "%,d rows", cqcRows);
		return Map.of("RiskScoring.score",
				new Figure("risk scoring: 30,792 services' signals scored (the recompute's score phase)", 30_792,
						"service"),
				"RatingRules.calculate", new Figure("QA rating rule: one review's overall rating", 1, "review"),
				"CqcCsvParsing.read", new Figure("CQC rating history CSV (" + rows + "): table reader", cqcRows, "row"),
				"CqcCsvParsing.stage",
				new Figure("CQC rating history CSV (" + rows + "): reader, rating rows, COPY formatting", cqcRows,
						"row"),
				"KpiCsvParsing.parse",
				new Figure("KPI returns CSV (20,000 rows): the upload's decoding and parsing", 20_000, "row"));
	}

	/**
	 * Runs every benchmark, adds a row per figure to the summary and returns the results
	 * for the JSON.
	 */
	static Map<String, Object> run(Path repo, List<Report.Row> summary) throws Exception {
		Path work = repo.resolve("bench/work");
		Path appClasspath = work.resolve("app-classpath");
		Path jar = repo.resolve("bench/jmh/target/carecycle-jmh.jar");
		if (!Files.exists(appClasspath) || !Files.exists(jar)) {
			throw new IllegalStateException("The microbenchmarks are not built: run them with bench/run");
		}
		String classpath = String.join(java.io.File.pathSeparator, "bench/jmh/target/carecycle-jmh.jar",
				"bench/jmh/target/lib/*", "target/classes", Files.readString(appClasspath).strip());
		Path results = work.resolve("jmh-result.json");
		Path log = work.resolve("jmh.log");
		Files.deleteIfExists(results);
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.add("-cp");
		command.add(classpath);
		command.add("org.openjdk.jmh.Main");
		command.addAll(SETTINGS);
		command.addAll(List.of("-foe", "true", "-rf", "json", "-rff", repo.relativize(results).toString()));
		Path cqc = repo.resolve(CQC_FILE).normalize();
		Map<String, Object> result = new LinkedHashMap<>();
		long cqcRows = GENERATED_CQC_ROWS;
		if (Files.isReadable(cqc)) {
			command.addAll(List.of("-jvmArgsAppend", "-Dcarecycle.cqcFile=" + cqc));
			try (Stream<String> lines = Files.lines(cqc)) {
				cqcRows = lines.count() - 1;
			}
			result.put("cqcFile", String.format(Locale.ROOT, "%s (CQC's real rating history: %,d rows, %,d KiB)",
					CQC_FILE, cqcRows, Files.size(cqc) / 1024));
		}
		else {
			result.put("cqcFile",
					String.format(Locale.ROOT,
							"generated in memory (%s is not there): %,d rows shaped as CQC's rating history", CQC_FILE,
							cqcRows));
		}
		result.put("settings", String.join(" ", SETTINGS) + " (forks, warm-up iterations and time, "
				+ "measured iterations and time), average time per operation");
		Bench.log(NAME + ": running JMH (" + String.join(" ", SETTINGS) + "), log bench/work/" + log.getFileName());
		long started = System.nanoTime();
		run(command, repo, log);
		result.put("seconds", LoadRun.round((System.nanoTime() - started) / 1e9, 1));
		result.put("benchmarks", figures(Files.readString(results), figures(cqcRows), summary));
		return result;
	}

	private static void run(List<String> command, Path repo, Path log) throws Exception {
		Process process = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
		Thread copy = new Thread(() -> {
			try (BufferedReader out = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
					Writer file = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
				String line;
				while ((line = out.readLine()) != null) {
					file.write(line);
					file.write('\n');
					if (line.startsWith("# Benchmark: ")) {
						Bench.log(NAME + ": " + line.substring("# Benchmark: ".length()));
					}
				}
			}
			catch (IOException ex) {
				Bench.log(NAME + ": could not write its log: " + ex);
			}
		}, "jmh-output");
		copy.start();
		if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
			process.descendants().forEach(ProcessHandle::destroy);
			process.destroy();
			throw new IllegalStateException("JMH had not finished after " + TIMEOUT.toMinutes() + " minutes");
		}
		copy.join();
		if (process.exitValue() != 0) {
			throw new IllegalStateException(
					"JMH ended with " + process.exitValue() + ": see bench/work/" + log.getFileName());
		}
	}

	/**
	 * Each benchmark beside its class's floor, in the order JMH ran them. The headline is
	 * the best measured iteration of each, and their ratio: on a machine shared with
	 * other work the least disturbed iteration is the nearest to the code's own cost (as
	 * the bench's other floors take the best of several); JMH's mean and its error are
	 * kept beside it.
	 */
	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> figures(String json, Map<String, Figure> known, List<Report.Row> summary) {
		Map<String, Map<String, Object>> floors = new LinkedHashMap<>();
		List<Map<String, Object>> measured = new ArrayList<>();
		for (Object entry : (List<Object>) Json.parse(json)) {
			Map<String, Object> benchmark = (Map<String, Object>) entry;
			Map<String, Object> metric = (Map<String, Object>) benchmark.get("primaryMetric");
			String[] parts = ((String) benchmark.get("benchmark")).split("\\.");
			String className = parts[parts.length - 2];
			Map<String, Object> figure = new LinkedHashMap<>();
			figure.put("benchmark", className + "." + parts[parts.length - 1]);
			figure.put("best", ((Map<String, Object>) metric.get("scorePercentiles")).get("0.0"));
			figure.put("mean", metric.get("score"));
			figure.put("error", (metric.get("scoreError") instanceof Number error) ? error : null);
			figure.put("unit", metric.get("scoreUnit"));
			if (parts[parts.length - 1].equals("floor")) {
				floors.put(className, figure);
			}
			else {
				measured.add(figure);
			}
		}
		List<Map<String, Object>> figures = new ArrayList<>();
		for (Map<String, Object> figure : measured) {
			String benchmark = (String) figure.get("benchmark");
			String className = benchmark.substring(0, benchmark.indexOf('.'));
			Map<String, Object> floor = floors.get(className);
			if (floor == null) {
				throw new IllegalStateException("The benchmark class " + className + " has no floor");
			}
			Figure what = known.getOrDefault(benchmark, new Figure(benchmark, 1, "operation"));
			double best = number(figure, "best");
			double floorBest = number(floor, "best");
			String unit = (String) figure.get("unit");
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("benchmark", benchmark);
			row.put("figure", what.label());
			row.put("unit", unit);
			row.put("best", significant(best));
			row.put("mean", significant(number(figure, "mean")));
			row.put("error", (figure.get("error") != null) ? significant(number(figure, "error")) : null);
			row.put("floor", FLOORS.getOrDefault(className, "floor"));
			row.put("floorBest", significant(floorBest));
			row.put("floorMean", significant(number(floor, "mean")));
			row.put("floorError", (floor.get("error") != null) ? significant(number(floor, "error")) : null);
			row.put("ratio", significant(best / floorBest));
			row.put("ratioOfMeans", significant(number(figure, "mean") / number(floor, "mean")));
			row.put("items", what.items());
			row.put("item", what.item());
			row.put("microsPerItem", significant(micros(best, unit) / what.items()));
			figures.add(row);
			summary.add(new Report.Row(NAME + ": " + what.label() + ", best iteration", text(best) + " " + shown(unit),
					row.get("floor") + ": " + text(floorBest) + " " + shown(unit), text(best / floorBest) + " ×", "—",
					"info"));
		}
		return figures;
	}

	private static double number(Map<String, Object> map, String key) {
		return ((Number) map.get(key)).doubleValue();
	}

	/** The section of the results file. */
	@SuppressWarnings("unchecked")
	static void section(StringBuilder md, Map<String, Object> m) {
		md.append("\n## Microbenchmarks (JMH)\n\nJMH 1.37, ")
			.append(m.get("settings"))
			.append("; ")
			.append(m.get("seconds"))
			.append(" s in all, before PostgreSQL and the application started. CQC file: ")
			.append(m.get("cqcFile"))
			.append(". Each figure is divided by its class's floor, measured in the same run: the ratio is how "
					+ "many times the least work over the same data the application's code takes. The ratio is of "
					+ "the best measured iterations (the least disturbed by other work on the machine); JMH's mean "
					+ "± its 99.9% error, and the ratio of the means, are beside it.\n\n")
			.append("| Figure | Benchmark | Best | Mean ± 99.9% | Floor | Floor best | Floor mean ± 99.9% | Ratio "
					+ "| Ratio of means | Per item (best) |\n")
			.append("|---|---|---|---|---|---|---|---|---|---|\n");
		for (Map<String, Object> f : (List<Map<String, Object>>) m.get("benchmarks")) {
			String unit = " " + shown((String) f.get("unit"));
			md.append("| ")
				.append(f.get("figure"))
				.append(" | `")
				.append(f.get("benchmark"))
				.append("` | ")
				.append(text(number(f, "best")))
				.append(unit)
				.append(" | ")
				.append(withError(f.get("mean"), f.get("error")))
				.append(unit)
				.append(" | ")
				.append(f.get("floor"))
				.append(" | ")
				.append(text(number(f, "floorBest")))
				.append(unit)
				.append(" | ")
				.append(withError(f.get("floorMean"), f.get("floorError")))
				.append(unit)
				.append(" | **")
				.append(text(number(f, "ratio")))
				.append(" ×** | ")
				.append(text(number(f, "ratioOfMeans")))
				.append(" × | ")
				.append(text(number(f, "microsPerItem")))
				.append(" µs per ")
				.append(f.get("item"))
				.append(" |\n");
		}
	}

	private static String withError(Object score, Object error) {
		String value = text(((Number) score).doubleValue());
		return (error != null) ? value + " ± " + text(((Number) error).doubleValue()) : value;
	}

	/** JMH's unit as people write it: µs/op for us/op. */
	private static String shown(String unit) {
		return unit.replace("us/", "µs/");
	}

	private static double micros(double score, String unit) {
		return switch (unit) {
			case "s/op" -> score * 1e6;
			case "ms/op" -> score * 1e3;
			case "us/op" -> score;
			case "ns/op" -> score / 1e3;
			default -> throw new IllegalStateException("An average time in " + unit + ": not one JMH writes");
		};
	}

	/** Three significant figures, as a number for the JSON. */
	private static double significant(double value) {
		if (value == 0 || !Double.isFinite(value)) {
			return value;
		}
		int places = Math.max(0, 2 - (int) Math.floor(Math.log10(Math.abs(value))));
		return LoadRun.round(value, places);
	}

	/** Three significant figures, as text. */
	static String text(double value) {
		if (value == 0 || !Double.isFinite(value)) {
			return String.valueOf(value);
		}
		int places = Math.max(0, 2 - (int) Math.floor(Math.log10(Math.abs(value))));
		return String.format(Locale.ROOT, "%,." + places + "f", value);
	}

}
