package org.carecycle.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The benchmark run: starts PostgreSQL and the application, measures the floors and the
 * scenarios, stops everything it started, and writes bench/results/<date>-<scale>.md and
 * .json. Run from the repository's root (bench/run does).
 */
public final class Bench {

	/**
	 * The needs-based search (issue 18, ADR 0039): its p95 goal is 20 ms, tighter than the
	 * other pages' 50 ms.
	 */
	static final String MATCHING_SEARCH = "matching-search";

	static final List<String> PAGE_SCENARIOS = List.of("service-search", "provider-profile", "service-profile",
			"public-directory", "concern-queue", "oversight-dashboard", "strategy-pages", "area-profile", MATCHING_SEARCH);

	static final List<String> SCENARIOS = List.of("startup", "service-search", "provider-profile", "service-profile",
			"public-directory", "concern-queue", "oversight-dashboard", "strategy-pages", "area-profile", MATCHING_SEARCH, IntakeScenario.NAME, "import", QualityScenarios.PLANNER, QualityScenarios.COVERAGE, RiskScenario.NAME, SacScenario.NAME, DemandScenario.NAME,
			Microbenchmarks.NAME, "floors");

	static final String COMMISSIONER = "commissioner@carecycle.example";

	static final String[] SPECIALISMS = { "DEMENTIA", "NURSING", "END_OF_LIFE", "BARIATRIC", "RESPITE" };

	static final String QA_OFFICER = "qa.officer@carecycle.example";

	/** A GOV.UK Frontend file of about 10 KB served by the application (the static floor). */
	static final String STATIC_FILE = "/webjars/govuk-frontend/dist/govuk/components/button/button.bundle.js";

	static final String[] SERVICE_TYPES = { "CARE_HOME", "CARE_HOME_NURSING", "HOME_CARE", "SUPPORTED_LIVING",
			"EXTRA_CARE", "SHARED_LIVES", "DAY_SERVICE" };

	static final String[] RATINGS = { "OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT", "INADEQUATE", "NOT_RATED" };

	private static final long STARTED = System.nanoTime();

	final Options options;

	final Path repo;

	final Path work;

	private Postgres postgres;

	private AppProcess app;

	private MailSink mail;

	private final Map<String, Object> json = new LinkedHashMap<>();

	private final List<Report.Row> summary = new ArrayList<>();

	private final Map<String, Object> failures = new LinkedHashMap<>();

	private Bench(Options options, Path repo) {
		this.options = options;
		this.repo = repo;
		this.work = repo.resolve("bench/work");
	}

	public static void main(String[] args) throws Exception {
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println(Options.USAGE);
			System.exit(2);
			return;
		}
		if (options.help) {
			System.out.println(Options.USAGE);
			return;
		}
		Path repo = Path.of("").toAbsolutePath();
		if (!Files.exists(repo.resolve("pom.xml")) || !Files.isDirectory(repo.resolve("bench"))) {
			System.err.println("Run the bench from the repository's root (bench/run does).");
			System.exit(2);
		}
		Files.createDirectories(repo.resolve("bench/work"));
		System.setProperty("org.slf4j.simpleLogger.logFile", "bench/work/pg-" + options.scale + ".log");
		System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
		Bench bench = new Bench(options, repo);
		Thread hook = new Thread(bench::stopAll, "bench-shutdown");
		Runtime.getRuntime().addShutdownHook(hook);
		int code = bench.run();
		Runtime.getRuntime().removeShutdownHook(hook);
		System.exit(code);
	}

	static void log(String message) {
		System.out.printf(Locale.ROOT, "[bench %6.1f s] %s%n", (System.nanoTime() - STARTED) / 1e9, message);
	}

	private boolean selected(String scenario) {
		return this.options.only.isEmpty() || this.options.only.contains(scenario);
	}

	private boolean anyPages() {
		return PAGE_SCENARIOS.stream().anyMatch(this::selected);
	}

	int run() {
		Instant startedAt = Instant.now();
		Throwable fatal = null;
		this.json.put("run", runInfo(startedAt));
		try {
			if (selected(Microbenchmarks.NAME)) {
				microbenchmarks();
			}
			if (this.options.only.isEmpty()
					|| this.options.only.stream().anyMatch(name -> !name.equals(Microbenchmarks.NAME))) {
				applicationScenarios();
			}
		}
		catch (Throwable ex) {
			fatal = ex;
			log("FAILED: " + ex);
			ex.printStackTrace(System.out);
			this.failures.put("run", String.valueOf(ex));
		}
		finally {
			stopAll();
		}
		double total = (System.nanoTime() - STARTED) / 1e9;
		@SuppressWarnings("unchecked")
		Map<String, Object> run = (Map<String, Object>) this.json.get("run");
		run.put("benchSeconds", LoadRun.round(total, 1));
		run.put("finishedAt", Instant.now().toString());
		run.put("loadAverageAtEnd", loadAverage());
		this.json.put("failures", this.failures);
		this.json.put("summary", this.summary.stream().map(Report.Row::toMap).toList());
		try {
			Path written = Report.write(this.repo, this.options, this.json, this.summary, this.failures);
			log("Results: " + this.repo.relativize(written) + " (and .json)");
		}
		catch (IOException ex) {
			log("Could not write the results: " + ex);
			return 1;
		}
		log(String.format(Locale.ROOT, "Done in %.0f s", total));
		return (fatal == null && this.failures.isEmpty()) ? 0 : 1;
	}

	/**
	 * Everything that needs PostgreSQL and the application: all but the microbenchmarks.
	 */
	private void applicationScenarios() throws Exception {
		startDatabase();
		startApplication();
		this.json.put("dataset", dataset());
		Samples samples = anyPages() ? samples() : null;
		if (anyPages()) {
			pageScenarios(samples);
		}
		if (this.options.only.isEmpty() || this.options.only.contains("floors") || selected(IntakeScenario.NAME)) {
			commitFloor();
		}
		if (this.options.only.contains("floors") && !anyPages()) {
			floors().put("aggregateScan", Floors.scans(this.postgres, 5));
		}
		if (selected(IntakeScenario.NAME)) {
			intakeScenario();
		}
		if (selected(QualityScenarios.PLANNER)) {
			plannerScenario();
		}
		if (selected(QualityScenarios.COVERAGE)) {
			coverageScenario();
		}
		if (selected(RiskScenario.NAME)) {
			riskScenario();
		}
		if (selected(SacScenario.NAME)) {
			sacScenario();
		}
		if (selected(DemandScenario.NAME)) {
			demandScenario();
		}
		if (selected("import")) {
			importScenario();
		}
		Map<String, Object> memory = memory();
		long[] after = this.app.residentMemoryMib();
		memory.put("afterLoadRssMib", after[0]);
		memory.put("peakRssMib", after[1]);
		this.summary.add(Report.Row.info("App JVM resident memory after the scenarios (VmRSS)", after[0] + " MiB"));
		this.summary.add(Report.Row.info("App JVM peak resident memory (VmHWM)", after[1] + " MiB"));
		this.json.put("appLogProblems", appLogProblems());
		this.json.put("slowStatements", this.postgres.slowStatements(15));
	}

	/**
	 * The JMH microbenchmarks, first: in JVMs of their own, with PostgreSQL and the
	 * application not yet started.
	 */
	private void microbenchmarks() {
		try {
			this.json.put("microbenchmarks", Microbenchmarks.run(this.repo, this.summary));
		}
		catch (Exception ex) {
			log(Microbenchmarks.NAME + " FAILED: " + ex.getMessage());
			this.failures.put(Microbenchmarks.NAME, String.valueOf(ex.getMessage()));
		}
	}

	// --- Start-up -----------------------------------------------------------------------

	private void startDatabase() throws Exception {
		Map<String, Object> database = new LinkedHashMap<>();
		long start = System.nanoTime();
		if (this.options.databaseUrl != null) {
			this.postgres = Postgres.external(this.options.databaseUrl, this.options.databaseUsername,
					this.options.databasePassword);
			database.put("kind", "given on the command line");
		}
		else {
			Path data = this.work.resolve("pg-" + this.options.scale);
			log("Starting embedded PostgreSQL on bench/work/pg-" + this.options.scale);
			this.postgres = Postgres.embedded(data);
			database.put("kind", "embedded (zonky), data directory bench/work/pg-" + this.options.scale
					+ ", fsync and synchronous_commit on");
		}
		database.put("startSeconds", LoadRun.round((System.nanoTime() - start) / 1e9, 1));
		try (Connection connection = this.postgres.connect(); Statement statement = connection.createStatement()) {
			database.put("version", single(statement, "select version()"));
			database.put("sharedBuffers", single(statement, "show shared_buffers"));
			database.put("maxConnections", single(statement, "show max_connections"));
			boolean hasRegister = Boolean.parseBoolean(single(statement,
					"select (to_regclass('public.care_service') is not null)::text"));
			long services = hasRegister ? Long.parseLong(single(statement, "select count(*) from care_service")) : 0;
			database.put("emptyAtStart", services == 0);
		}
		this.json.put("database", database);
	}

	private void startApplication() throws Exception {
		Path jar = applicationJar();
		Path log = this.work.resolve("app-" + this.options.scale + ".log");
		Path pidFile = this.work.resolve("app-" + this.options.scale + ".pid");
		AppProcess.stopOrphan(pidFile);
		Files.writeString(log, "");
		int port = freePort();
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>();
		command.add(java);
		command.addAll(this.options.appJvmOptions);
		command.add("-jar");
		command.add(this.repo.relativize(jar).toString());
		Map<String, String> env = new LinkedHashMap<>();
		env.put("DATABASE_URL", this.postgres.url);
		env.put("DATABASE_USERNAME", this.postgres.user);
		env.put("DATABASE_PASSWORD", (this.postgres.password != null) ? this.postgres.password : "");
		env.put("PORT", String.valueOf(port));
		env.put("CARECYCLE_DEMO", "true");
		env.put("CARECYCLE_DEMO_SCALE", this.options.scale.equals("national") ? "50" : "1");
		// National: five years of concerns at about 2 million in all, the volume of England's
		// services; county: the demo's two years.
		env.put("CARECYCLE_DEMO_CONCERN_YEARS", this.options.scale.equals("national") ? "5" : "2");
		env.put("CARECYCLE_DEMO_CONCERN_RATE", this.options.scale.equals("national") ? "7" : "1");
		// National: five years of quality assurance reviews of every commissioned service
		// (about 120,000); county: the demo's three.
		env.put("CARECYCLE_DEMO_REVIEW_YEARS", this.options.scale.equals("national") ? "5" : "3");
		// The public form allows 20 submissions an hour per client address; every virtual
		// user of ppmf-intake comes from 127.0.0.1.
		env.put("CARECYCLE_CONCERNS_SUBMISSIONS_PER_HOUR", "100000000");
		// Visitors who are not signed in may make 60 requests at once, then 2 a second, per
		// client address; the public-directory and ppmf-intake virtual users all come from
		// 127.0.0.1. Raised rather than switched off, so that the limiter's own work is
		// still measured.
		env.put("RATE_LIMIT_PUBLIC_BURST", "1000000000");
		env.put("RATE_LIMIT_PUBLIC_PER_SECOND", "1000000000");
		// A mail server that accepts everything, so that the outbox delivers as it would in
		// production rather than failing (and logging) after every commit that queues email.
		if (this.mail == null) {
			this.mail = MailSink.start();
		}
		env.put("MAIL_HOST", "127.0.0.1");
		env.put("MAIL_PORT", String.valueOf(this.mail.port()));
		@SuppressWarnings("unchecked")
		boolean empty = (Boolean) ((Map<String, Object>) this.json.get("database")).get("emptyAtStart");
		Map<String, Object> startup = new LinkedHashMap<>();
		startup.put("command", "java " + String.join(" ", this.options.appJvmOptions)
				+ (this.options.appJvmOptions.isEmpty() ? "" : " ") + "-jar " + this.repo.relativize(jar));
		startup.put("jvmOptions", this.options.appJvmOptions.isEmpty()
				? "none (default heap: a quarter of the machine's memory)" : String.join(" ", this.options.appJvmOptions));
		startup.put("environment", "DATABASE_URL (the bench's PostgreSQL), PORT=" + port + ", CARECYCLE_DEMO=true, "
				+ "CARECYCLE_DEMO_SCALE=" + env.get("CARECYCLE_DEMO_SCALE")
				+ ", CARECYCLE_CONCERNS_SUBMISSIONS_PER_HOUR=" + env.get("CARECYCLE_CONCERNS_SUBMISSIONS_PER_HOUR")
				+ ", RATE_LIMIT_PUBLIC_BURST=" + env.get("RATE_LIMIT_PUBLIC_BURST") + ", RATE_LIMIT_PUBLIC_PER_SECOND="
				+ env.get("RATE_LIMIT_PUBLIC_PER_SECOND")
				+ ", MAIL_HOST/MAIL_PORT (the bench's mail sink: accepts every message and discards it)");
		startup.put("jarBytes", Files.size(jar));
		startup.put("databaseWasEmpty", empty);
		this.json.put("startup", startup);

		log("Starting the application (" + (empty ? "empty database: the demo dataset is loaded now" : "dataset reused")
				+ "), log bench/work/" + log.getFileName());
		this.app = AppProcess.start(command, env, this.repo, log, pidFile, port, Duration.ofMinutes(this.options.startTimeoutMinutes), "first start");
		double[] logged = this.app.loggedStartSeconds();
		long[] memory = this.app.residentMemoryMib();
		log(String.format(Locale.ROOT, "First start: %.1f s to the first 200 on /sign-in, RSS %d MiB",
				this.app.secondsToFirst200, memory[0]));
		startup.put("firstStartSecondsToFirst200", LoadRun.round(this.app.secondsToFirst200, 2));
		startup.put("firstStartLoggedSeconds", (logged != null) ? logged[0] : null);
		startup.put("firstStartIncludedDatasetLoad", empty);
		Map<String, Object> mem = memory();
		mem.put("afterFirstStartRssMib", memory[0]);
		this.summary.add(Report.Row.info(
				"First start to first 200 on /sign-in (" + (empty ? "includes loading the demo dataset" : "dataset reused")
						+ ")",
				String.format(Locale.ROOT, "%.1f s", this.app.secondsToFirst200)));

		if (selected("startup")) {
			log("Stopping the application for a warm restart");
			long stopStart = System.nanoTime();
			this.app.close();
			startup.put("stopSeconds", LoadRun.round((System.nanoTime() - stopStart) / 1e9, 2));
			this.app = AppProcess.start(command, env, this.repo, log, pidFile, port, Duration.ofMinutes(10),
					"warm restart");
			logged = this.app.loggedStartSeconds();
			memory = this.app.residentMemoryMib();
			log(String.format(Locale.ROOT, "Warm restart: %.1f s to the first 200 on /sign-in, RSS %d MiB",
					this.app.secondsToFirst200, memory[0]));
			startup.put("warmRestartSecondsToFirst200", LoadRun.round(this.app.secondsToFirst200, 2));
			startup.put("warmRestartLoggedSeconds", (logged != null) ? logged[0] : null);
			mem.put("afterWarmRestartRssMib", memory[0]);
			this.summary.add(Report.Row.info("Warm restart to first 200 on /sign-in",
					String.format(Locale.ROOT, "%.1f s", this.app.secondsToFirst200)));
		}
		this.summary.add(Report.Row.info("App JVM resident memory after start (VmRSS)", memory[0] + " MiB"));
		// the application recomputes every risk profile in the background once started;
		// measuring before it has finished would charge that work to the first scenario
		log("Waiting for the start-up risk recompute to finish");
		String recomputed = this.app.awaitLogLine(STARTUP_RECOMPUTE, Duration.ofMinutes(10));
		if (recomputed != null) {
			startup.put("startupRecomputeLine", recomputed);
			this.summary.add(Report.Row.info("Start-up risk recompute (in the background, before any scenario)",
					recomputed));
		}
	}

	private static final java.util.regex.Pattern STARTUP_RECOMPUTE = java.util.regex.Pattern
		.compile("Risk profiles of \\d+ services recomputed in \\d+ ms");

	@SuppressWarnings("unchecked")
	private Map<String, Object> memory() {
		return (Map<String, Object>) this.json.computeIfAbsent("memory", key -> new LinkedHashMap<String, Object>());
	}

	private Path applicationJar() throws IOException {
		try (Stream<Path> files = Files.list(this.repo.resolve("target"))) {
			return files.filter(p -> p.getFileName().toString().matches("carecycle-.*\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(
						"No target/carecycle-*.jar: build it first (./mvnw -q -B -DskipTests package)"));
		}
	}

	// --- The dataset --------------------------------------------------------------------

	private Map<String, Object> dataset() throws SQLException {
		Map<String, Object> counts = new LinkedHashMap<>();
		try (Connection connection = this.postgres.connect(); Statement statement = connection.createStatement()) {
			counts.put("providers", Long.parseLong(single(statement, "select count(*) from provider")));
			counts.put("services", Long.parseLong(single(statement, "select count(*) from care_service")));
			counts.put("activeServices",
					Long.parseLong(single(statement, "select count(*) from care_service where status = 'ACTIVE'")));
			counts.put("cqcRatings", Long.parseLong(single(statement, "select count(*) from cqc_rating")));
			counts.put("contracts", Long.parseLong(single(statement, "select count(*) from contract")));
			counts.put("liveContracts", Long.parseLong(single(statement,
					"select count(*) from contract where starts_on <= current_date and ends_on >= current_date")));
			counts.put("localities", Long.parseLong(single(statement, "select count(*) from locality")));
			boolean hasReviews = Boolean.parseBoolean(
					single(statement, "select (to_regclass('public.qa_review') is not null)::text"));
			if (hasReviews) {
				counts.put("qaReviews", Long.parseLong(single(statement, "select count(*) from qa_review")));
				counts.put("qaReviewsInProgress", Long.parseLong(single(statement, "select count(*) from qa_review "
						+ "where status in ('PLANNED', 'EVIDENCE', 'DRAFT', 'FACTUAL_ACCURACY', 'DISPUTE_REVIEW')")));
				counts.put("qaFindings", Long.parseLong(single(statement, "select count(*) from qa_finding")));
				counts.put("concerns", Long.parseLong(single(statement, "select count(*) from concern")));
			}
			counts.put("databaseSize", single(statement, "select pg_size_pretty(pg_database_size(current_database()))"));
		}
		log("Dataset: " + counts);
		return counts;
	}

	/** What the page scenarios ask for, drawn from the database. */
	record Samples(List<UUID> providers, List<UUID> services, List<UUID> localities, List<String> localityCodes,
			List<String> nameFragments, List<String> outcodes, List<UUID> strategies) {
	}

	private Samples samples() throws SQLException {
		try (Connection connection = this.postgres.connect(); Statement statement = connection.createStatement()) {
			List<UUID> providers = uuids(statement, "select id from provider where cqc_provider_id is null "
					+ "or cqc_provider_id !~ '" + CqcFile.PROVIDER_IDS + "' order by id");
			List<UUID> services = uuids(statement, "select id from care_service where cqc_location_id is null "
					+ "or cqc_location_id !~ '" + CqcFile.LOCATION_IDS + "' order by id");
			List<UUID> localities = uuids(statement, "select l.id from locality l where exists "
					+ "(select 1 from care_service s where s.locality_id = l.id) order by l.id");
			List<String> localityCodes = strings(statement, "select l.code from locality l where exists "
					+ "(select 1 from care_service s where s.locality_id = l.id) order by l.code");
			List<String> names = strings(statement, "select name from care_service order by id");
			List<String> outcodes = strings(statement,
					"select distinct postcode_district from care_service where postcode_district is not null order by 1");
			Random random = new Random(2026);
			Set<String> fragments = new LinkedHashSet<>();
			for (int tries = 0; fragments.size() < 200 && tries < 100_000 && !names.isEmpty(); tries++) {
				String[] words = names.get(random.nextInt(names.size())).toLowerCase(Locale.ROOT).split("[^a-z]+");
				String word = words[random.nextInt(words.length)];
				if (word.length() >= 4) {
					fragments.add(word.substring(0, Math.min(word.length(), 4 + random.nextInt(4))));
				}
			}
			if (providers.isEmpty() || services.isEmpty() || localities.isEmpty() || outcodes.isEmpty()) {
				throw new IllegalStateException("The database holds no register to ask for (is the demo enabled?)");
			}
			// the commissioning strategies (issue 16): the demo writes a handful whatever the
			// scale, and their pages read the national register, concerns and reviews
			List<UUID> strategies = uuids(statement, "select id from commissioning_strategy order by id");
			return new Samples(providers, services, localities, localityCodes, List.copyOf(fragments), outcodes,
					strategies);
		}
	}

	// --- Page scenarios -----------------------------------------------------------------

	private void pageScenarios(Samples s) throws Exception {
		Map<String, Object> floors = floors();
		Map<String, Object> scans = Floors.scans(this.postgres, 5);
		floors.put("aggregateScan", scans);
		LoadRun.Result staticBefore = staticFloor("before the page scenarios");
		List<WebClient> signedIn = new ArrayList<>();
		if (PAGE_SCENARIOS.stream().filter(name -> !name.equals("public-directory")).anyMatch(this::selected)) {
			for (int i = 0; i < this.options.users; i++) {
				signedIn.add(new WebClient(this.app.base).signIn(COMMISSIONER));
			}
		}
		Map<String, LoadRun.Result> results = new LinkedHashMap<>();
		Map<String, Function<Random, LoadRun.Target>> mixes = new LinkedHashMap<>();
		mixes.put("service-search", serviceSearch(s));
		mixes.put("provider-profile",
				r -> new LoadRun.Target("provider", "/providers/" + s.providers().get(r.nextInt(s.providers().size()))));
		mixes.put("service-profile",
				r -> new LoadRun.Target("service", "/services/" + s.services().get(r.nextInt(s.services().size()))));
		mixes.put("public-directory", publicDirectory(s));
		mixes.put(MATCHING_SEARCH, matchingSearch(s));
		mixes.put("concern-queue", r -> {
			double x = r.nextDouble();
			if (x < 0.6) {
				return new LoadRun.Target("queue, first page", "/concerns");
			}
			return new LoadRun.Target("queue, a later page", "/concerns?page=" + (2 + r.nextInt(5)));
		});
		// area profiles (issue 16): a random locality's profile, 90%, or the list of every
		// locality with its headline figures
		mixes.put("area-profile", r -> (r.nextDouble() < 0.9)
				? new LoadRun.Target("locality profile",
						"/commissioning/areas/" + s.localityCodes().get(r.nextInt(s.localityCodes().size())))
				: new LoadRun.Target("list of localities", "/commissioning/areas"));
		mixes.put("oversight-dashboard", r -> (r.nextDouble() < 0.7) ? new LoadRun.Target("dashboard", "/oversight")
				: new LoadRun.Target("risk register", "/oversight/risk"));
		mixes.put("strategy-pages", r -> (s.strategies().isEmpty() || r.nextDouble() < 0.3)
				? new LoadRun.Target("strategies register", "/commissioning/strategies")
				: new LoadRun.Target("a strategy",
						"/commissioning/strategies/" + s.strategies().get(r.nextInt(s.strategies().size()))));
		long seed = 7;
		for (String name : PAGE_SCENARIOS) {
			seed++;
			if (!selected(name)) {
				continue;
			}
			try {
				List<WebClient> users = signedIn;
				if (name.equals("public-directory")) {
					users = new ArrayList<>();
					for (int i = 0; i < this.options.users; i++) {
						users.add(new WebClient(this.app.base));
					}
				}
				results.put(name, LoadRun.run(name, users, mixes.get(name), this.options.warmUp(),
						this.options.measured(), seed, this.app.pid(), this.postgres.postmasterPid()));
			}
			catch (Exception ex) {
				log(name + " FAILED: " + ex);
				this.failures.put(name, String.valueOf(ex));
			}
		}
		memory().put("afterPageScenariosRssMib", this.app.residentMemoryMib()[0]);
		LoadRun.Result staticAfter = staticFloor("after the page scenarios");
		LoadRun.Result best = recordStaticFloor(staticBefore, staticAfter, "the page scenarios");
		Map<String, Object> scenarios = scenarios();
		double scanMs = (Double) ((Map<?, ?>) scans.get("servicesByTypeAndStatus")).get("bestMs");
		for (Map.Entry<String, LoadRun.Result> entry : results.entrySet()) {
			String name = entry.getKey();
			LoadRun.Result r = entry.getValue();
			Map<String, Object> map = r.toMap();
			map.put("throughputRatioToStatic", LoadRun.round(r.throughput() / best.throughput(), 3));
			map.put("p95RatioToStatic", LoadRun.round(r.latency.p95 / best.latency.p95, 1));
			map.put("p50RatioToAggregateScan", LoadRun.round(r.latency.p50 / scanMs, 2));
			scenarios.put(name, map);
			this.summary.add(Report.Row.ratio(name + ": throughput", r.throughput(), "req/s",
					"static " + Report.number(best.throughput()) + " req/s", best.throughput(), 0.3));
			this.summary.add(Report.Row.below(name + ": p95 latency", r.latency.p95, "ms",
					"static p95 " + Report.decimal(best.latency.p95, 2) + " ms", best.latency.p95,
					name.equals(MATCHING_SEARCH) ? 20 : 50));
			this.summary.add(Report.Row.zero(name + ": errors (non-200) of " + r.requests + " requests", r.errors));
			if (r.cpu != null && best.cpu != null) {
				this.summary.add(Report.Row.info(name + ": CPU per request, app JVM / PostgreSQL (static file: "
						+ cpuPerRequest(best) + ")", cpuPerRequest(r)));
			}
			if (name.equals("service-search") || name.equals("public-directory")) {
				this.summary.add(Report.Row.informative(name + ": p50 latency vs one full aggregate scan",
						r.latency.p50, "ms", "scan " + Report.decimal(scanMs, 1) + " ms", scanMs));
			}
		}
	}

	private static String cpuPerRequest(LoadRun.Result result) {
		return result.cpu.getOrDefault("appCpuMsPerRequest", "?") + " / "
				+ result.cpu.getOrDefault("postgresCpuMsPerRequest", "?") + " ms";
	}

	/** Keeps the static file's two measurements as the page scenarios' floor; the better one. */
	private LoadRun.Result recordStaticFloor(LoadRun.Result before, LoadRun.Result after, String around) {
		LoadRun.Result best = (after.throughput() > before.throughput()) ? after : before;
		Map<String, Object> staticFloor = new LinkedHashMap<>();
		staticFloor.put("path", STATIC_FILE);
		staticFloor.put("around", around);
		staticFloor.put("bytes", Math.round(before.meanBytes));
		staticFloor.put("before", before.toMap());
		staticFloor.put("after", after.toMap());
		staticFloor.put("used", (best == after) ? "after" : "before");
		floors().put("staticFile", staticFloor);
		return best;
	}

	private LoadRun.Result staticFloor(String when) throws Exception {
		List<WebClient> users = new ArrayList<>();
		for (int i = 0; i < this.options.users; i++) {
			users.add(new WebClient(this.app.base));
		}
		HttpResponse<byte[]> probe = users.get(0).fetch(STATIC_FILE);
		if (probe.statusCode() != 200) {
			throw new IllegalStateException("The static file " + STATIC_FILE + " answered " + probe.statusCode());
		}
		LoadRun.Target target = new LoadRun.Target("static", STATIC_FILE);
		return LoadRun.run("static floor (" + when + ")", users, r -> target,
				new LoadRun.Bounds(2_000, Duration.ofSeconds(10)), new LoadRun.Bounds(30_000, Duration.ofSeconds(15)),
				1, this.app.pid(), this.postgres.postmasterPid());
	}

	private Function<Random, LoadRun.Target> serviceSearch(Samples s) {
		return r -> {
			double x = r.nextDouble();
			if (x < 0.15) {
				return new LoadRun.Target("first page, unfiltered", "/services");
			}
			if (x < 0.30) {
				return new LoadRun.Target("name text", "/services?q=" + encode(pick(r, s.nameFragments())));
			}
			if (x < 0.40) {
				return new LoadRun.Target("postcode district text", "/services?q=" + encode(pick(r, s.outcodes())));
			}
			if (x < 0.50) {
				return new LoadRun.Target("type", "/services?type=" + pick(r, SERVICE_TYPES));
			}
			if (x < 0.60) {
				return new LoadRun.Target("rating", "/services?rating=" + pick(r, RATINGS));
			}
			if (x < 0.65) {
				return new LoadRun.Target("not commissioned", "/services?commissioned=no");
			}
			if (x < 0.75) {
				return new LoadRun.Target("locality", "/services?locality=" + pick(r, s.localities()));
			}
			if (x < 0.80) {
				return new LoadRun.Target("sort by capacity", "/services?sort=capacity&order=descending");
			}
			if (x < 0.85) {
				return new LoadRun.Target("sort by rating", "/services?sort=rating");
			}
			if (x < 0.95) {
				return new LoadRun.Target("later page", "/services?page=" + (2 + r.nextInt(9)));
			}
			return new LoadRun.Target("type + rating + locality", "/services?type=" + pick(r, SERVICE_TYPES)
					+ "&rating=GOOD&locality=" + pick(r, s.localities()));
		};
	}

	/**
	 * A case manager's day of needs-based searches near places all over the register:
	 * mostly care homes within 10 or 20 miles, often for dementia or nursing, some with a
	 * vacancy now and a minimum quality, some home care near home, some supported living
	 * for learning disability further afield, a few with a highest price.
	 */
	private Function<Random, LoadRun.Target> matchingSearch(Samples s) {
		return r -> {
			String near = "&near=" + encode(pick(r, s.outcodes()));
			double x = r.nextDouble();
			if (x < 0.35) {
				return new LoadRun.Target("care home, 10 or 20 miles", "/matching/search?type="
						+ (r.nextBoolean() ? "CARE_HOME" : "CARE_HOME_NURSING") + near + "&within="
						+ (r.nextBoolean() ? 10 : 20));
			}
			if (x < 0.55) {
				return new LoadRun.Target("care home + specialism", "/matching/search?type=CARE_HOME_NURSING" + near
						+ "&within=20&specialism=" + pick(r, SPECIALISMS));
			}
			if (x < 0.70) {
				return new LoadRun.Target("vacancy now + good or better",
						"/matching/search?type=CARE_HOME" + near + "&within=20&vacancy=yes&quality=GOOD");
			}
			if (x < 0.85) {
				return new LoadRun.Target("home care, 5 or 10 miles",
						"/matching/search?type=HOME_CARE" + near + "&within=" + (r.nextBoolean() ? 5 : 10));
			}
			if (x < 0.95) {
				return new LoadRun.Target("supported living, learning disability", "/matching/search?type=SUPPORTED_LIVING"
						+ near + "&within=30&group=LEARNING_DISABILITY");
			}
			return new LoadRun.Target("care home, highest price", "/matching/search?type=CARE_HOME" + near
					+ "&within=20&maxPrice=" + (900 + 100 * r.nextInt(6)));
		};
	}

	private Function<Random, LoadRun.Target> publicDirectory(Samples s) {
		return r -> {
			double x = r.nextDouble();
			if (x < 0.30) {
				return new LoadRun.Target("first page, unfiltered", "/directory");
			}
			if (x < 0.50) {
				return new LoadRun.Target("name text", "/directory?q=" + encode(pick(r, s.nameFragments())));
			}
			if (x < 0.65) {
				return new LoadRun.Target("postcode district text", "/directory?q=" + encode(pick(r, s.outcodes())));
			}
			if (x < 0.80) {
				return new LoadRun.Target("type", "/directory?type=" + pick(r, SERVICE_TYPES));
			}
			if (x < 0.95) {
				return new LoadRun.Target("locality", "/directory?locality=" + pick(r, s.localities()));
			}
			return new LoadRun.Target("later page", "/directory?page=" + (2 + r.nextInt(4)));
		};
	}

	// --- Commit floor -------------------------------------------------------------------

	private void commitFloor() throws Exception {
		Map<String, Object> commits = Floors.commits(this.postgres, this.options.users, Duration.ofSeconds(10));
		floors().put("singleRowCommits", commits);
	}

	// --- Public form (ppmf-intake) ---------------------------------------------------------

	/**
	 * Concerns sent through the public form by the same number of users as the commit floor,
	 * compared per submission with that floor (a submission is one transaction of several
	 * rows, reached through ten HTTP requests).
	 */
	private void intakeScenario() {
		String name = IntakeScenario.NAME;
		Map<String, Object> result = new LinkedHashMap<>();
		scenarios().put(name, result);
		IntakeScenario intake = null;
		try {
			List<UUID> services = IntakeScenario.activeServices(this.postgres);
			result.put("activeServices", services.size());
			intake = new IntakeScenario(this.postgres, this.app.base, this.options.users, services);
			log(name + ": removing any concerns of an earlier run");
			result.put("removedBefore", intake.removeBenchConcerns());
			LoadRun.Result staticBefore = (floors().get("staticFile") == null)
					? staticFloor("before " + IntakeScenario.NAME) : null;
			long mailAtStart = this.mail.messages();
			List<WebClient> sessions = intake.sessions();
			log(name + ": warming up with " + sessions.size() + " users (" + this.options.warmUpSubmissions
					+ " submissions or " + this.options.warmUpSeconds + " s)");
			IntakeScenario.Phase warm = intake.phase(sessions, new IntakeScenario.Bounds(this.options.warmUpSubmissions,
					Duration.ofSeconds(this.options.warmUpSeconds)), 17);
			log(name + ": warm-up " + warm.oneLine(this.options.users));
			Map<String, Object> warmUp = new LinkedHashMap<>();
			warmUp.put("submissions", warm.submissions());
			warmUp.put("seconds", LoadRun.round(warm.seconds, 2));
			warmUp.put("errors", warm.errors);
			warmUp.put("firstErrors", warm.firstErrors);
			result.put("warmUp", warmUp);
			log(name + ": measuring (" + this.options.submissions + " submissions or " + this.options.seconds + " s)");
			CpuMeter cpu = CpuMeter.start(this.app.pid(), this.postgres.postmasterPid());
			IntakeScenario.Phase measured = intake.phase(sessions,
					new IntakeScenario.Bounds(this.options.submissions, Duration.ofSeconds(this.options.seconds)), 18);
			Map<String, Object> cpuUse = cpu.stop(measured.submissions(), "Submission");
			log(name + ": " + measured.oneLine(this.options.users));
			log(name + ": CPU " + cpuUse);
			result.put("measured", measured.toMap(this.options.users));
			result.put("cpu", cpuUse);
			result.put("database", checkSaved(intake, warm, measured, mailAtStart));
			result.put("staticCeiling", staticCeiling(staticBefore));
			intakeRows(result, measured);
		}
		catch (Exception ex) {
			log(name + " FAILED: " + ex);
			ex.printStackTrace(System.out);
			this.failures.put(name, String.valueOf(ex));
		}
		finally {
			if (intake != null) {
				try {
					log(name + ": removing the bench's concerns");
					result.put("removedAfter", intake.removeBenchConcerns());
				}
				catch (Exception ex) {
					this.failures.put(name + " clean-up", String.valueOf(ex));
				}
			}
		}
	}

	/**
	 * The static file's rate: the page scenarios' floor or, when they did not run, the better
	 * of two measurements, before the scenario and after it.
	 */
	private Map<String, Object> staticCeiling(LoadRun.Result before) throws Exception {
		Map<String, Object> ceiling = new LinkedHashMap<>();
		@SuppressWarnings("unchecked")
		Map<String, Object> pages = (Map<String, Object>) floors().get("staticFile");
		if (pages != null) {
			@SuppressWarnings("unchecked")
			Map<String, Object> used = (Map<String, Object>) pages.get(pages.get("used"));
			ceiling.put("requestsPerSecond", used.get("requestsPerSecond"));
			ceiling.put("source", "the page scenarios' static floor (" + pages.get("used") + ")");
		}
		else {
			LoadRun.Result after = staticFloor("after " + IntakeScenario.NAME);
			LoadRun.Result best = (after.throughput() > before.throughput()) ? after : before;
			ceiling.put("requestsPerSecond", LoadRun.round(best.throughput(), 1));
			ceiling.put("source", "the better of before the scenario (" + Report.number(before.throughput())
					+ " req/s) and after it (" + Report.number(after.throughput()) + " req/s), " + best.users
					+ " users");
		}
		ceiling.put("path", STATIC_FILE);
		return ceiling;
	}

	/**
	 * Whether every submission answered 302 was saved, and flagged only when meant to be;
	 * waits (up to 30 s) for the outbox to deliver the acknowledgements to the mail sink.
	 */
	private Map<String, Object> checkSaved(IntakeScenario intake, IntakeScenario.Phase warm,
			IntakeScenario.Phase measured, long mailAtStart) throws Exception {
		long waitStart = System.nanoTime();
		long[] saved = intake.saved();
		while (saved[2] > 0 && System.nanoTime() - waitStart < Duration.ofSeconds(30).toNanos()) {
			Thread.sleep(250);
			saved = intake.saved();
		}
		Map<String, Object> database = new LinkedHashMap<>();
		database.put("submissionsAnswered302", warm.submissions() + measured.submissions());
		database.put("concernsSaved", saved[0]);
		database.put("flaggedSubmissions", warm.flaggedSent + measured.flaggedSent);
		database.put("concernsFlagged", saved[1]);
		database.put("acknowledgementsUnsentAfterWait", saved[2]);
		database.put("secondsWaitedForOutbox", LoadRun.round((System.nanoTime() - waitStart) / 1e9, 1));
		database.put("emailsAcceptedByMailSink", this.mail.messages() - mailAtStart);
		log(IntakeScenario.NAME + ": " + database);
		return database;
	}

	private void intakeRows(Map<String, Object> result, IntakeScenario.Phase measured) {
		String name = IntakeScenario.NAME;
		int users = this.options.users;
		@SuppressWarnings("unchecked")
		Map<String, Object> commits = (Map<String, Object>) floors().get("singleRowCommits");
		double floor = ((Number) commits.get("commitsPerSecond")).doubleValue();
		@SuppressWarnings("unchecked")
		Map<String, Object> commitLatency = (Map<String, Object>) commits.get("latencyMs");
		String floorText = "one-row commits " + Report.number(floor) + "/s (" + users + " connections)";
		double journeys = measured.journeysPerSecond();
		double alone = measured.sendsPerSecondAlone(users);
		Map<String, Object> ratios = new LinkedHashMap<>();
		ratios.put("journeysToCommitFloor", LoadRun.round(journeys / floor, 4));
		ratios.put("sendAloneToCommitFloor", LoadRun.round(alone / floor, 4));
		result.put("ratios", ratios);
		this.summary.add(Report.Row.ratio(name + ": submissions/s as complete journeys (10 POSTs each; the goal is "
				+ "judged on this)", journeys, "/s", floorText, floor, 0.5));
		this.summary.add(new Report.Row(
				name + ": submissions/s of the step-10 POST alone (" + users + " users ÷ its mean latency)",
				Report.number(alone) + " /s", floorText, Report.decimal(alone / floor, 3),
				"(≥ 0.5 × floor: judged on journeys)", "info"));
		LoadRun.Percentiles send = measured.steps[IntakeScenario.SEND].percentiles();
		double commitP50 = ((Number) commitLatency.get("p50")).doubleValue();
		double commitP99 = ((Number) commitLatency.get("p99")).doubleValue();
		this.summary.add(new Report.Row(name + ": step-10 POST (the submission) latency p50 / p95 / p99",
				Report.decimal(send.p50, 1) + " / " + Report.decimal(send.p95, 1) + " / " + Report.decimal(send.p99, 1)
						+ " ms",
				"one-row commit " + commitLatency.get("p50") + " / " + commitLatency.get("p95") + " / "
						+ commitP99 + " ms",
				"p50 " + Report.decimal(send.p50 / commitP50, 1) + " ×, p99 " + Report.decimal(send.p99 / commitP99, 1)
						+ " ×",
				"—", "info"));
		LoadRun.Percentiles journey = measured.journeys.percentiles();
		this.summary.add(Report.Row.info(name + ": complete journey (10 POSTs) latency p50 / p95 / p99",
				Report.decimal(journey.p50, 1) + " / " + Report.decimal(journey.p95, 1) + " / "
						+ Report.decimal(journey.p99, 1) + " ms"));
		this.summary.add(Report.Row.zero(name + ": errors (answers other than the expected 302) of " + measured.requests
				+ " requests", measured.errors));
		@SuppressWarnings("unchecked")
		Map<String, Object> database = (Map<String, Object>) result.get("database");
		long answered = ((Number) database.get("submissionsAnswered302")).longValue();
		long saved = ((Number) database.get("concernsSaved")).longValue();
		long flaggedSent = ((Number) database.get("flaggedSubmissions")).longValue();
		long flagged = ((Number) database.get("concernsFlagged")).longValue();
		this.summary.add(Report.Row.zero(name + ": submissions not saved as sent (saved " + saved + " of " + answered
				+ "; flagged " + flagged + " of the " + flaggedSent + " meant to be)",
				Math.abs(answered - saved) + Math.abs(flaggedSent - flagged)));
		@SuppressWarnings("unchecked")
		Map<String, Object> ceiling = (Map<String, Object>) result.get("staticCeiling");
		double staticRate = ((Number) ceiling.get("requestsPerSecond")).doubleValue();
		double httpCeiling = staticRate / IntakeScenario.STEPS.size();
		this.summary.add(Report.Row.informative(name + ": journeys/s against the HTTP ceiling (static file ÷ 10 requests)",
				journeys, "/s", "static " + Report.number(staticRate) + " req/s ÷ 10 = " + Report.number(httpCeiling)
						+ "/s",
				httpCeiling));
		@SuppressWarnings("unchecked")
		Map<String, Object> cpu = (Map<String, Object>) result.get("cpu");
		if (cpu.get("appCpuMsPerSubmission") != null) {
			this.summary.add(Report.Row.info(name + ": CPU per submission: app JVM / PostgreSQL / bench (load generator)",
					cpu.get("appCpuMsPerSubmission") + " / " + cpu.getOrDefault("postgresCpuMsPerSubmission", "?") + " / "
							+ cpu.get("benchCpuMsPerSubmission") + " ms; machine " + cpu.get("machineBusyPercent")
							+ " % busy over " + cpu.get("cores") + " cores"));
		}
	}

	// --- Quality: the annual programme and the coverage dashboard ------------------------

	/**
	 * The annual programme page, one request at a time: the planner's own time (from the
	 * page) against one scan of every review and concern by service, and the page's latency.
	 */
	private void plannerScenario() {
		String name = QualityScenarios.PLANNER;
		try {
			double scanMs = reviewsScanMs();
			WebClient officer = new WebClient(this.app.base).signIn(QA_OFFICER);
			log(name + ": GET " + QualityScenarios.PLANNER_PATH + " as the QA officer, 3 warm-up runs then 10");
			Map<String, Object> result = QualityScenarios.planner(officer, 3, 10);
			result.put("scanFloorMs", scanMs);
			double p50 = ((Number) result.get("plannerMsP50")).doubleValue();
			double max = ((Number) result.get("plannerMsMax")).doubleValue();
			result.put("plannerRatioToScan", LoadRun.round(p50 / scanMs, 1));
			scenarios().put(name, result);
			boolean national = this.options.scale.equals("national");
			this.summary.add(new Report.Row(name + ": the planner's own time (from the page), p50 / max of 10 runs",
					Report.number(p50) + " / " + Report.number(max) + " ms", "scan " + Report.decimal(scanMs, 1) + " ms",
					Report.decimal(p50 / scanMs, 1) + " ×",
					"< " + Report.number(QualityScenarios.PLANNER_GOAL_MS) + " ms" + (national ? "" : " (set for national)"),
					(p50 < QualityScenarios.PLANNER_GOAL_MS) ? "pass" : "miss"));
			@SuppressWarnings("unchecked")
			Map<String, Object> latency = (Map<String, Object>) result.get("pageLatencyMs");
			this.summary.add(Report.Row.info(name + ": page latency p50 / p95 (one request at a time)",
					latency.get("p50") + " / " + latency.get("p95") + " ms"));
			this.summary.add(Report.Row.zero(name + ": errors (any answer but 200 with the planner's time) of 13", 0));
		}
		catch (Exception ex) {
			log(name + " FAILED: " + ex.getMessage());
			this.failures.put(name, ex.getMessage());
			this.summary.add(Report.Row.zero(name + ": the page answered with the planner's time", 1));
		}
	}

	/**
	 * Demand against supply for every locality and type of service, against one aggregate
	 * scan of the same rows in the same run (issue 16, ADR 0035).
	 */
	private void demandScenario() {
		String name = DemandScenario.NAME;
		try {
			double scanMs = DemandScenario.scan(this.postgres, 5);
			WebClient commissioner = new WebClient(this.app.base).signIn(COMMISSIONER);
			List<Long> times = DemandScenario.run(commissioner, 2, 5);
			long median = DemandScenario.median(times);
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("localities", DemandScenario.localities(this.postgres));
			result.put("queryMs", times);
			result.put("queryMsMedian", median);
			result.put("scanFloorMs", LoadRun.round(scanMs, 1));
			result.put("ratioToScan", LoadRun.round(median / Math.max(scanMs, 0.1), 2));
			scenarios().put(name, result);
			log(name + ": median " + median + " ms, scan " + LoadRun.round(scanMs, 1) + " ms");
			this.summary.add(new Report.Row(
					name + ": every locality (" + result.get("localities")
							+ ") and type of service, now, +5 and +10 years, median of 5 (server's own time)",
					Report.number(median) + " ms", "scan " + Report.decimal(scanMs, 1) + " ms",
					Report.decimal(median / Math.max(scanMs, 0.1), 2) + " ×",
					"< " + Report.number(DemandScenario.GOAL_MS) + " ms and ≤ "
							+ Report.number(DemandScenario.GOAL_RATIO) + " × scan",
					(median < DemandScenario.GOAL_MS && median <= DemandScenario.GOAL_RATIO * scanMs) ? "pass"
							: "miss"));
		}
		catch (Exception ex) {
			log(name + " FAILED: " + ex.getMessage());
			this.failures.put(name, ex.getMessage());
			this.summary.add(Report.Row.zero(name + ": the page answered with its timing", 1));
		}
	}

	/**
	 * The Safeguarding Adults Collection return for a national-scale year, against one
	 * aggregate scan of the same rows in the same run (ADR 0034).
	 */
	private void sacScenario() {
		String name = SacScenario.NAME;
		try {
			log(name + ": generating about 600,000 concerns and 180,000 enquiries in " + SacScenario.YEAR);
			Map<String, Object> result = new LinkedHashMap<>(SacScenario.generate(this.postgres));
			double scanMs = SacScenario.scan(this.postgres, 5);
			WebClient commissioner = new WebClient(this.app.base).signIn(COMMISSIONER);
			List<Long> times = SacScenario.run(commissioner, 2, 5);
			long median = SacScenario.median(times);
			result.put("returnMs", times);
			result.put("returnMsMedian", median);
			result.put("scanFloorMs", LoadRun.round(scanMs, 1));
			result.put("ratioToScan", LoadRun.round(median / scanMs, 2));
			scenarios().put(name, result);
			log(name + ": return median " + median + " ms, scan " + LoadRun.round(scanMs, 1) + " ms");
			this.summary.add(new Report.Row(
					name + ": the SAC return of " + result.get("concerns") + " concerns and " + result.get("enquiries")
							+ " enquiries, median of 5 (server's own time)",
					Report.number(median) + " ms", "scan " + Report.decimal(scanMs, 1) + " ms",
					Report.decimal(median / scanMs, 2) + " ×",
					"< " + Report.number(SacScenario.GOAL_MS) + " ms and ≤ " + Report.number(SacScenario.GOAL_RATIO)
							+ " × scan",
					(median < SacScenario.GOAL_MS && median <= SacScenario.GOAL_RATIO * scanMs) ? "pass" : "miss"));
		}
		catch (Exception ex) {
			log(name + " FAILED: " + ex.getMessage());
			this.failures.put(name, ex.getMessage());
			this.summary.add(Report.Row.zero(name + ": the return answered with its timing", 1));
		}
		finally {
			try {
				SacScenario.cleanUp(this.postgres);
			}
			catch (Exception ex) {
				log(name + ": could not delete its rows: " + ex.getMessage());
			}
		}
	}

	/**
	 * The full risk recompute as an officer asks for it, five times, against one scan of the
	 * tables it reads; and the single-service update after each concern of ppmf-intake.
	 */
	@SuppressWarnings("unchecked")
	private void riskScenario() {
		String name = RiskScenario.NAME;
		try {
			Map<String, Object> scans = (Map<String, Object>) floors().computeIfAbsent("aggregateScan",
					key -> new LinkedHashMap<String, Object>());
			if (!scans.containsKey(Floors.RISK_INPUTS)) {
				scans.putAll(Floors.scans(this.postgres, 5, List.of(Floors.RISK_INPUTS)));
			}
			double scanMs = ((Number) ((Map<String, Object>) scans.get(Floors.RISK_INPUTS)).get("bestMs"))
				.doubleValue();
			WebClient officer = new WebClient(this.app.base).signIn(COMMISSIONER);
			Map<String, Object> result = RiskScenario.run(officer, 5);
			double median = ((Number) result.get("fullMsMedian")).doubleValue();
			result.put("scanFloorMs", scanMs);
			result.put("fullRatioToScan", LoadRun.round(median / scanMs, 2));
			scenarios().put(name, result);
			boolean national = this.options.scale.equals("national");
			this.summary.add(new Report.Row(
					name + ": full recompute of " + result.get("services") + " services, median of 5 (server's own time)",
					Report.number(median) + " ms", "scan " + Report.decimal(scanMs, 1) + " ms",
					Report.decimal(median / scanMs, 2) + " ×",
					"< " + Report.number(RiskScenario.FULL_GOAL_MS) + " ms and ≤ "
							+ Report.number(RiskScenario.FULL_GOAL_RATIO) + " × scan" + (national ? "" : " (set for national)"),
					(median < RiskScenario.FULL_GOAL_MS && median <= RiskScenario.FULL_GOAL_RATIO * scanMs) ? "pass"
							: "miss"));
			long singles = ((Number) result.get("singleUpdates")).longValue();
			double singleMs = ((Number) result.get("singleMedianMicros")).doubleValue() / 1000.0;
			double singleMaxMs = ((Number) result.get("singleMaxMicros")).doubleValue() / 1000.0;
			if (singles > 0) {
				this.summary.add(new Report.Row(
						name + ": one service's update after a new concern, median / max of " + singles,
						Report.decimal(singleMs, 2) + " / " + Report.decimal(singleMaxMs, 1) + " ms", "—", "—",
						"< " + Report.number(RiskScenario.SINGLE_GOAL_MS) + " ms",
						(singleMs < RiskScenario.SINGLE_GOAL_MS) ? "pass" : "miss"));
			}
			else {
				this.summary.add(Report.Row.info(name + ": one service's update after a new concern",
						"not measured (run ppmf-intake in the same run)"));
			}
		}
		catch (Exception ex) {
			log(name + " FAILED: " + ex.getMessage());
			this.failures.put(name, ex.getMessage());
			this.summary.add(Report.Row.zero(name + ": the recompute answered with its timing", 1));
		}
	}

	/** The coverage dashboard under the page scenarios' load, against the static file. */
	private void coverageScenario() {
		String name = QualityScenarios.COVERAGE;
		try {
			List<WebClient> officers = new ArrayList<>();
			for (int i = 0; i < this.options.users; i++) {
				officers.add(new WebClient(this.app.base).signIn(QA_OFFICER));
			}
			QualityScenarios.probeCoverage(officers.get(0));
			// the page scenarios' static floor, or the same measured around this scenario
			LoadRun.Result before = (floors().get("staticFile") == null) ? staticFloor("before " + name) : null;
			LoadRun.Target target = new LoadRun.Target("coverage dashboard", QualityScenarios.COVERAGE_PATH);
			LoadRun.Result r = LoadRun.run(name, officers, random -> target, this.options.warmUp(),
					this.options.measured(), 41);
			LoadRun.Result best = (before != null) ? recordStaticFloor(before, staticFloor("after " + name), name)
					: null;
			@SuppressWarnings("unchecked")
			Map<String, Object> pages = (Map<String, Object>) floors().get("staticFile");
			@SuppressWarnings("unchecked")
			Map<String, Object> used = (Map<String, Object>) pages.get(pages.get("used"));
			double staticRate = (best != null) ? best.throughput()
					: ((Number) used.get("requestsPerSecond")).doubleValue();
			@SuppressWarnings("unchecked")
			double staticP95 = (best != null) ? best.latency.p95
					: ((Number) ((Map<String, Object>) used.get("latencyMs")).get("p95")).doubleValue();
			Map<String, Object> map = r.toMap();
			map.put("throughputRatioToStatic", LoadRun.round(r.throughput() / staticRate, 3));
			map.put("p95RatioToStatic", LoadRun.round(r.latency.p95 / staticP95, 1));
			scenarios().put(name, map);
			this.summary.add(Report.Row.ratio(name + ": throughput", r.throughput(), "req/s",
					"static " + Report.number(staticRate) + " req/s", staticRate, 0.3));
			this.summary.add(Report.Row.below(name + ": p95 latency (p50 " + Report.decimal(r.latency.p50, 1) + " ms)",
					r.latency.p95, "ms", "static p95 " + Report.decimal(staticP95, 2) + " ms", staticP95, 50));
			this.summary.add(Report.Row.zero(name + ": errors (non-200) of " + r.requests + " requests", r.errors));
		}
		catch (Exception ex) {
			log(name + " FAILED: " + ex.getMessage());
			this.failures.put(name, ex.getMessage());
			this.summary.add(Report.Row.zero(name + ": the page answered 200", 1));
		}
	}

	/** The best of five scans of every review and concern by service, in milliseconds. */
	@SuppressWarnings("unchecked")
	private double reviewsScanMs() throws SQLException {
		Map<String, Object> scans = (Map<String, Object>) floors().computeIfAbsent("aggregateScan",
				key -> new LinkedHashMap<String, Object>());
		if (!scans.containsKey(Floors.REVIEWS_AND_CONCERNS)) {
			scans.putAll(Floors.scans(this.postgres, 5, List.of(Floors.REVIEWS_AND_CONCERNS)));
		}
		Map<String, Object> scan = (Map<String, Object>) scans.get(Floors.REVIEWS_AND_CONCERNS);
		if (scan == null) {
			throw new IllegalStateException("The database has no qa_review table: this build has no quality module");
		}
		return ((Number) scan.get("bestMs")).doubleValue();
	}

	// --- Import -------------------------------------------------------------------------

	private void importScenario() {
		Map<String, Object> result = new LinkedHashMap<>();
		scenarios().put("import", result);
		try {
			log("import: removing any rows of an earlier run");
			result.put("removedBefore", removeGeneratedRows());
			List<CqcFile.District> districts;
			try (Connection connection = this.postgres.connect()) {
				districts = CqcFile.englishDistricts(connection,
						this.repo.resolve("src/main/resources/data/geo/england_local_authorities.geojson"));
			}
			Path file = this.work.resolve("cqc-locations-" + this.options.rows + ".csv");
			CqcFile.Generated generated = CqcFile.write(file, this.options.rows, 2026_07L, districts);
			Map<String, Object> fileInfo = new LinkedHashMap<>();
			fileInfo.put("path", "bench/work/" + file.getFileName());
			fileInfo.put("rows", generated.rows());
			fileInfo.put("providers", generated.providers());
			fileInfo.put("bytes", generated.bytes());
			fileInfo.put("englishPostcodeDistricts", districts.size());
			fileInfo.put("localAuthorities", districts.stream().map(CqcFile.District::authority).distinct().count());
			result.put("file", fileInfo);
			log("import: generated " + generated.rows() + " rows (" + generated.providers() + " providers, "
					+ generated.bytes() / 1024 + " KiB) over " + districts.size() + " English postcode districts");
			Map<String, Object> copy = Floors.copy(this.postgres, file, CqcFile.HEADER, 3);
			floors().put("copy", copy);
			double copyRate = ((Number) copy.get("rowsPerSecond")).doubleValue();
			WebClient qa = new WebClient(this.app.base).signIn(QA_OFFICER);
			Map<String, Object> first = importOnce(qa, file, "first upload (new rows)");
			result.put("first", first);
			Map<String, Object> again = importOnce(qa, file, "same file again (unchanged)");
			result.put("again", again);
			for (Map.Entry<String, Map<String, Object>> upload : Map.of("import (new rows)", first,
					"re-import of the same file (unchanged)", again)
				.entrySet()
				.stream()
				.sorted(Map.Entry.comparingByKey())
				.toList()) {
				Map<String, Object> u = upload.getValue();
				double endToEnd = ((Number) u.get("rowsPerSecondEndToEnd")).doubleValue();
				double server = ((Number) u.get("rowsPerSecondServer")).doubleValue();
				u.put("ratioToCopyEndToEnd", LoadRun.round(endToEnd / copyRate, 3));
				u.put("ratioToCopyServer", LoadRun.round(server / copyRate, 3));
				this.summary.add(Report.Row.ratio(upload.getKey() + ": rows/s, upload to finished", endToEnd, "rows/s",
						"COPY " + Report.number(copyRate) + " rows/s", copyRate, 0.3));
				this.summary.add(Report.Row.ratio(upload.getKey() + ": rows/s, server started→finished", server,
						"rows/s", "COPY " + Report.number(copyRate) + " rows/s", copyRate, 0.3));
			}
			this.summary.add(Report.Row.zero("import (new rows): rejected of " + first.get("rowsRead") + " (created "
					+ first.get("created") + ", skipped " + first.get("skipped") + ")",
					((Number) first.get("rejected")).longValue()));
			this.summary.add(Report.Row.zero("re-import: rows not unchanged (unchanged " + again.get("unchanged") + ")",
					((Number) again.get("rowsRead")).longValue() - ((Number) again.get("unchanged")).longValue()));
			memory().put("afterImportRssMib", this.app.residentMemoryMib()[0]);
		}
		catch (Exception ex) {
			log("import FAILED: " + ex);
			ex.printStackTrace(System.out);
			this.failures.put("import", String.valueOf(ex));
		}
		finally {
			try {
				log("import: removing the imported rows");
				result.put("removedAfter", removeGeneratedRows());
			}
			catch (Exception ex) {
				this.failures.put("import clean-up", String.valueOf(ex));
			}
		}
	}

	private static final Pattern JOB = Pattern.compile("/imports/([0-9a-f-]{36})$");

	private Map<String, Object> importOnce(WebClient client, Path file, String label) throws Exception {
		log("import: uploading (" + label + ")");
		long start = System.nanoTime();
		HttpResponse<String> response = client.upload("/imports", Map.of("scope", "all"), "file", file);
		double uploadSeconds = (System.nanoTime() - start) / 1e9;
		String location = response.headers().firstValue("Location").orElse("");
		Matcher matcher = JOB.matcher(location);
		if (response.statusCode() != 302 || !matcher.find()) {
			throw new IllegalStateException("The upload answered " + response.statusCode() + " to '" + location + "'");
		}
		String job = matcher.group(1);
		Map<?, ?> progress = null;
		int polls = 0;
		double lastRowsRead = -1;
		double readingDoneAt = Double.NaN;
		long deadline = start + Duration.ofMinutes(20).toNanos();
		while (System.nanoTime() < deadline) {
			HttpResponse<String> answer = client.get("/imports/" + job + "/progress");
			polls++;
			if (answer.statusCode() != 200) {
				throw new IllegalStateException("Progress answered " + answer.statusCode());
			}
			progress = (Map<?, ?>) Json.parse(answer.body());
			double rowsRead = ((Number) progress.get("rowsRead")).doubleValue();
			if (rowsRead != lastRowsRead) {
				lastRowsRead = rowsRead;
				readingDoneAt = (System.nanoTime() - start) / 1e9;
			}
			if (Boolean.TRUE.equals(progress.get("finished"))) {
				break;
			}
			Thread.sleep(100);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		if (progress == null || !Boolean.TRUE.equals(progress.get("finished"))) {
			throw new IllegalStateException("The import had not finished after 20 minutes: " + progress);
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("job", job);
		result.put("uploadSeconds", LoadRun.round(uploadSeconds, 2));
		result.put("secondsUploadToFinished", LoadRun.round(seconds, 2));
		result.put("progressPolls", polls);
		// The last poll that saw more rows read: about when reading and staging ended and the
		// merge into the register began (to within the 100 ms between polls).
		result.put("secondsReadingAndStaging", LoadRun.round(readingDoneAt, 2));
		result.put("secondsMerging", LoadRun.round(seconds - readingDoneAt, 2));
		try (Connection connection = this.postgres.connect();
				PreparedStatement statement = connection.prepareStatement("select requested_at, started_at, finished_at, "
						+ "rows_read, created, updated, unchanged, skipped, rejected, status, message "
						+ "from import_job where id = ?")) {
			statement.setObject(1, UUID.fromString(job));
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				Timestamp requested = rs.getTimestamp(1);
				Timestamp started = rs.getTimestamp(2);
				Timestamp finished = rs.getTimestamp(3);
				double server = (finished.getTime() - started.getTime()) / 1e3;
				result.put("serverQueuedSeconds", LoadRun.round((started.getTime() - requested.getTime()) / 1e3, 3));
				result.put("serverSeconds", LoadRun.round(server, 3));
				for (int i = 4; i <= 9; i++) {
					result.put(rs.getMetaData().getColumnLabel(i).equals("rows_read") ? "rowsRead"
							: rs.getMetaData().getColumnLabel(i), rs.getLong(i));
				}
				result.put("status", rs.getString(10));
				result.put("message", rs.getString(11));
				long rows = rs.getLong(4);
				result.put("rowsPerSecondEndToEnd", Math.round(rows / seconds));
				result.put("rowsPerSecondServer", Math.round(rows / server));
			}
		}
		if (!"SUCCEEDED".equals(result.get("status"))) {
			throw new IllegalStateException("The import " + label + " ended " + result.get("status") + ": "
					+ result.get("message"));
		}
		if (((Number) result.get("rejected")).longValue() > 0) {
			HttpResponse<String> refused = client.get("/imports/" + job + "/refused.csv");
			result.put("firstRefusals", refused.body().lines().limit(6).toList());
		}
		log("import (" + label + "): " + result);
		return result;
	}

	/** Removes what an import of the generated file added, so that runs measure the same. */
	private Map<String, Object> removeGeneratedRows() throws SQLException {
		Map<String, Object> removed = new LinkedHashMap<>();
		try (Connection connection = this.postgres.connect()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				removed.put("ratings", statement.executeUpdate(
						"delete from cqc_rating where cqc_location_id ~ '" + CqcFile.LOCATION_IDS + "'"));
				removed.put("services", statement.executeUpdate(
						"delete from care_service where cqc_location_id ~ '" + CqcFile.LOCATION_IDS + "'"));
				removed.put("providers", statement.executeUpdate("delete from provider p where cqc_provider_id ~ '"
						+ CqcFile.PROVIDER_IDS
						+ "' and not exists (select 1 from care_service s where s.provider_id = p.id)"));
			}
			connection.commit();
			connection.setAutoCommit(true);
			if (((Number) removed.get("services")).longValue() > 0) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("vacuum analyze provider, care_service, cqc_rating");
				}
			}
		}
		return removed;
	}

	// --- Helpers ------------------------------------------------------------------------

	@SuppressWarnings("unchecked")
	private Map<String, Object> floors() {
		return (Map<String, Object>) this.json.computeIfAbsent("floors", key -> new LinkedHashMap<String, Object>());
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> scenarios() {
		return (Map<String, Object>) this.json.computeIfAbsent("scenarios", key -> new LinkedHashMap<String, Object>());
	}

	private List<String> appLogProblems() throws IOException {
		List<String> lines = new ArrayList<>();
		if (this.app != null) {
			for (String line : this.app.problemLines(20)) {
				lines.add(Report.withoutPaths(line));
			}
		}
		return lines;
	}

	private Map<String, Object> runInfo(Instant startedAt) {
		Map<String, Object> run = new LinkedHashMap<>();
		run.put("startedAt", startedAt.toString());
		run.put("scale", this.options.scale);
		run.put("only", this.options.only.isEmpty() ? "all" : String.join(",", this.options.only));
		run.put("virtualUsers", this.options.users);
		run.put("warmUp", this.options.warmUpRequests + " requests or " + this.options.warmUpSeconds + " s");
		run.put("measured", this.options.requests + " requests or " + this.options.seconds + " s");
		run.put("intakeSubmissions", this.options.warmUpSubmissions + " warm-up, then " + this.options.submissions
				+ " or " + this.options.seconds + " s");
		run.put("importRows", this.options.rows);
		run.put("commit", this.options.commit);
		run.put("buildSeconds", this.options.buildSeconds);
		Map<String, Object> machine = new LinkedHashMap<>();
		machine.put("cores", Runtime.getRuntime().availableProcessors());
		machine.put("cpu", cpuModel());
		machine.put("memory", memTotal());
		machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
				+ System.getProperty("os.arch"));
		machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
				+ " (the bench and the application run on the same java)");
		machine.put("loadAverageAtStart", loadAverage());
		run.put("machine", machine);
		return run;
	}

	private static String cpuModel() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter(line -> line.startsWith("model name"))
				.map(line -> line.substring(line.indexOf(':') + 1).strip())
				.findFirst()
				.orElse("unknown");
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static String memTotal() {
		try {
			return Files.readAllLines(Path.of("/proc/meminfo"))
				.stream()
				.filter(line -> line.startsWith("MemTotal:"))
				.map(line -> String.format(Locale.ROOT, "%.1f GiB",
						Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0))
				.findFirst()
				.orElse("unknown");
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	static String loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return parts[0] + " " + parts[1] + " " + parts[2];
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	/** Stops what the run started: the application, then PostgreSQL. Safe to call twice. */
	synchronized void stopAll() {
		if (this.app != null) {
			log("Stopping the application");
			this.app.close();
			this.app = null;
		}
		if (this.mail != null) {
			this.mail.close();
			this.mail = null;
		}
		if (this.postgres != null) {
			if (this.postgres.isEmbedded()) {
				log("Stopping PostgreSQL");
			}
			try {
				this.postgres.close();
			}
			catch (IOException ex) {
				log("Could not stop PostgreSQL: " + ex);
			}
			this.postgres = null;
		}
	}

	private static String single(Statement statement, String sql) throws SQLException {
		try (ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static List<UUID> uuids(Statement statement, String sql) throws SQLException {
		List<UUID> ids = new ArrayList<>();
		try (ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				ids.add(rs.getObject(1, UUID.class));
			}
		}
		return Collections.unmodifiableList(ids);
	}

	private static List<String> strings(Statement statement, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		return values;
	}

	private static <T> T pick(Random random, List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	private static String pick(Random random, String[] values) {
		return values[random.nextInt(values.length)];
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
	}

	static String today() {
		return LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE);
	}

}
