package org.carecycle.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The command line of bench/run. */
final class Options {

	static final String USAGE = """
			Usage: bench/run [options]
			  --scale national|county   the demo dataset: national (scale 50, every English local
			                            authority) or county (scale 1, Cornwall); default national
			  --only NAME[,NAME...]     run only these scenarios (and the floors they need):
			                            startup, service-search, provider-profile, service-profile,
			                            public-directory, concern-queue, oversight-dashboard,
			                            strategy-pages, area-profile, matching-search, ppmf-intake,
			                            import, qa-planner, coverage, risk-recompute, sac-return,
			                            demand-against-supply, floors, jmh (the JMH microbenchmarks
			                            alone need neither PostgreSQL nor the application)
			  --database-url URL        use this PostgreSQL (jdbc:postgresql://host:port/db) rather
			  --database-username U     than the bench's embedded one in bench/work/pg-<scale>/
			  --database-password P
			  --users N                 virtual users of the page scenarios and ppmf-intake, and
			                            connections of the commit floor (default 8)
			  --requests N              measured requests per page scenario (default 2000)
			  --seconds N               at most so long per page scenario and ppmf-intake (default 60)
			  --warm-up-requests N      warm-up requests per page scenario (default 300)
			  --warm-up-seconds N       at most so long warming up (default 20)
			  --submissions N           measured submissions of ppmf-intake (default 1000; at most
			                            --seconds)
			  --warm-up-submissions N   its warm-up submissions (default 100; at most --warm-up-seconds)
			  --rows N                  rows of the generated CQC file (default 50000)
			  --app-jvm-option OPT      an option for the application's JVM (repeatable), e.g. -Xmx2g
			  --start-timeout-minutes N how long the first start may take (default 90: loading the
			                            national dataset into an empty database is slow)
			""";

	String scale = "national";

	final Set<String> only = new LinkedHashSet<>();

	String databaseUrl;

	String databaseUsername = "postgres";

	String databasePassword = "";

	int users = 8;

	int requests = 2_000;

	int seconds = 60;

	int warmUpRequests = 300;

	int warmUpSeconds = 20;

	int submissions = 1_000;

	int warmUpSubmissions = 100;

	int rows = 50_000;

	int startTimeoutMinutes = 90;

	final List<String> appJvmOptions = new ArrayList<>();

	String commit = "unknown";

	Double buildSeconds;

	boolean help;

	LoadRun.Bounds warmUp() {
		return new LoadRun.Bounds(this.warmUpRequests, Duration.ofSeconds(this.warmUpSeconds));
	}

	LoadRun.Bounds measured() {
		return new LoadRun.Bounds(this.requests, Duration.ofSeconds(this.seconds));
	}

	static Options parse(String[] args) {
		Options o = new Options();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			switch (arg) {
				case "-h", "--help" -> o.help = true;
				case "--scale" -> {
					o.scale = next(args, ++i, arg);
					if (!o.scale.equals("national") && !o.scale.equals("county")) {
						throw new IllegalArgumentException("--scale is national or county");
					}
				}
				case "--only" -> {
					for (String name : (next(args, ++i, arg)).split(",")) {
						if (!Bench.SCENARIOS.contains(name.strip())) {
							throw new IllegalArgumentException("No scenario called " + name);
						}
						o.only.add(name.strip());
					}
				}
				case "--database-url" -> o.databaseUrl = next(args, ++i, arg);
				case "--database-username" -> o.databaseUsername = next(args, ++i, arg);
				case "--database-password" -> o.databasePassword = next(args, ++i, arg);
				case "--users" -> o.users = number(args, ++i, arg);
				case "--requests" -> o.requests = number(args, ++i, arg);
				case "--seconds" -> o.seconds = number(args, ++i, arg);
				case "--warm-up-requests" -> o.warmUpRequests = number(args, ++i, arg);
				case "--warm-up-seconds" -> o.warmUpSeconds = number(args, ++i, arg);
				case "--submissions" -> o.submissions = number(args, ++i, arg);
				case "--warm-up-submissions" -> o.warmUpSubmissions = number(args, ++i, arg);
				case "--rows" -> o.rows = number(args, ++i, arg);
				case "--start-timeout-minutes" -> o.startTimeoutMinutes = number(args, ++i, arg);
				case "--app-jvm-option" -> o.appJvmOptions.add(next(args, ++i, arg));
				case "--commit" -> o.commit = next(args, ++i, arg);
				case "--build-seconds" -> o.buildSeconds = Double.valueOf(next(args, ++i, arg));
				default -> throw new IllegalArgumentException("Unknown option " + arg);
			}
		}
		return o;
	}

	private static String next(String[] args, int i, String option) {
		if (i >= args.length) {
			throw new IllegalArgumentException(option + " needs a value");
		}
		return args[i];
	}

	private static int number(String[] args, int i, String option) {
		String text = next(args, i, option);
		try {
			int n = Integer.parseInt(text);
			if (n <= 0) {
				throw new NumberFormatException();
			}
			return n;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(option + " needs a positive number");
		}
	}

}
