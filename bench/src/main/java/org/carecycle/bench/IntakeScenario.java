package org.carecycle.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The scenario {@code ppmf-intake}: members of the public telling the council about a care
 * service through the public form (/tell-us, no sign-in), one question a page. Each virtual
 * user is one browser session that walks the ten POSTs of a concern again and again (the
 * form's answers are cleared once sent, so the same session starts again at the first
 * question); the tenth POST is the submission, one transaction that saves the concern, its
 * timeline event, an audit event and an acknowledgement email in the outbox.
 * <p>
 * A share of the concerns ({@link #FLAGGED_SHARE}) deliberately names a bruise, so that the
 * safeguarding screen flags them (a referral, a second timeline event and an email to each
 * safeguarding lead, in the same transaction); the others avoid every safeguarding phrase.
 * Only the POSTs are sent: the GETs a browser makes after each redirect are not.
 */
final class IntakeScenario {

	static final String NAME = "ppmf-intake";

	/** Reporters' email addresses: bench-N@example.org, how the bench finds its concerns. */
	static final String EMAIL_LIKE = "bench-%@example.org";

	/** About this share of the concerns is flagged for safeguarding, deliberately. */
	static final double FLAGGED_SHARE = 0.04;

	/** One page of the form: what is posted and where the answer must redirect to. */
	record Step(String label, String path, String next) {
	}

	static final List<Step> STEPS = List.of(new Step("1 kind", "/tell-us/kind", "/tell-us/service"),
			new Step("2 service", "/tell-us/service", "/tell-us/what-happened"),
			new Step("3 what happened", "/tell-us/what-happened", "/tell-us/when"),
			new Step("4 when", "/tell-us/when", "/tell-us/who-was-affected"),
			new Step("5 who was affected", "/tell-us/who-was-affected", "/tell-us/risk"),
			new Step("6 at risk now", "/tell-us/risk", "/tell-us/about-you"),
			new Step("7 about you", "/tell-us/about-you", "/tell-us/your-details"),
			new Step("8 your details", "/tell-us/your-details", "/tell-us/contact"),
			new Step("9 contact", "/tell-us/contact", "/tell-us/check"),
			new Step("10 check and send", "/tell-us/check", "/tell-us/sent"));

	static final int SEND = STEPS.size() - 1;

	/** What happened, in words that match no safeguarding rule. */
	private static final String[] ORDINARY = {
			"The carers often arrive an hour later than the time on the rota, and nobody phones to say so.",
			"Phone calls to the office are not returned, and the visit times change without notice.",
			"Her clothes keep coming back from the laundry with other names in them, and some are never found.",
			"Visits are much shorter than the care plan says: fifteen minutes instead of thirty.",
			"The lounge is cold in the evenings and the heating has been broken for two weeks.",
			"Different carers come every day, and none of them has read the care plan.",
			"The food is served cold at lunchtime and there is little choice for someone who is vegetarian.",
			"Letters about the fees were sent to the wrong address twice and nobody has answered my email." };

	/** What happened, naming a bruise: the rule "bruis*" flags these for safeguarding. */
	private static final String[] FLAGGED = {
			"She had a large bruise on her arm after the morning visit and nobody could tell me how it happened.",
			"I found bruises on his hands on Sunday; the staff said they did not know about them." };

	private final Postgres postgres;

	private final String base;

	private final int users;

	private final List<UUID> services;

	private final AtomicInteger reporters = new AtomicInteger();

	IntakeScenario(Postgres postgres, String base, int users, List<UUID> services) {
		this.postgres = postgres;
		this.base = base;
		this.users = users;
		this.services = services;
	}

	/** When a phase ends: after so many submissions or so long, whichever comes first. */
	record Bounds(int submissions, Duration time) {
	}

	/** Active services of the register to tell us about (not the import scenario's). */
	static List<UUID> activeServices(Postgres postgres) throws SQLException {
		List<UUID> ids = new ArrayList<>();
		try (Connection connection = postgres.connect();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select id from care_service where status = 'ACTIVE' "
						+ "and (cqc_location_id is null or cqc_location_id !~ '" + CqcFile.LOCATION_IDS + "') order by id")) {
			while (rs.next()) {
				ids.add(rs.getObject(1, UUID.class));
			}
		}
		if (ids.isEmpty()) {
			throw new IllegalStateException("The register holds no active service to tell us about");
		}
		return ids;
	}

	/** Opens one session per virtual user: a GET of the first question, for its CSRF token. */
	List<WebClient> sessions() throws IOException, InterruptedException {
		List<WebClient> clients = new ArrayList<>();
		for (int i = 0; i < this.users; i++) {
			clients.add(new WebClient(this.base).openSession("/tell-us/kind"));
		}
		return clients;
	}

	/** Runs journeys with every user until the bounds; a journey begun is finished. */
	Phase phase(List<WebClient> clients, Bounds bounds, long seed) throws InterruptedException {
		AtomicInteger tickets = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(clients.size());
		List<Future<Phase>> futures = new ArrayList<>();
		long start = System.nanoTime();
		long deadline = start + bounds.time().toNanos();
		for (int u = 0; u < clients.size(); u++) {
			WebClient client = clients.get(u);
			Random random = new Random(seed * 31 + u);
			futures.add(pool.submit(() -> {
				Phase phase = new Phase();
				while (System.nanoTime() < deadline && tickets.getAndIncrement() < bounds.submissions()) {
					journey(client, random, phase);
				}
				return phase;
			}));
		}
		Phase all = new Phase();
		try {
			for (Future<Phase> future : futures) {
				all.addAll(future.get());
			}
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw new IllegalStateException("A virtual user failed", ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
		all.seconds = (System.nanoTime() - start) / 1e9;
		return all;
	}

	private void journey(WebClient client, Random random, Phase phase) throws InterruptedException {
		boolean flagged = random.nextDouble() < FLAGGED_SHARE;
		String what = flagged ? FLAGGED[random.nextInt(FLAGGED.length)] : ORDINARY[random.nextInt(ORDINARY.length)];
		String service = this.services.get(random.nextInt(this.services.size())).toString();
		int reporter = this.reporters.incrementAndGet();
		long began = System.nanoTime();
		for (int i = 0; i < STEPS.size(); i++) {
			Step step = STEPS.get(i);
			Map<String, String> fields = fields(i, service, what, reporter);
			long sent = System.nanoTime();
			int status;
			String location = "";
			try {
				HttpResponse<String> answer = client.post(step.path(), fields);
				status = answer.statusCode();
				location = answer.headers().firstValue("Location").map(IntakeScenario::pathOf).orElse("");
			}
			catch (IOException ex) {
				status = -1;
				location = ex.getClass().getSimpleName();
			}
			long took = System.nanoTime() - sent;
			phase.requests++;
			phase.statuses.merge(status, 1, Integer::sum);
			phase.steps[i].add(took);
			if (i == SEND) {
				(flagged ? phase.sendFlagged : phase.sendOrdinary).add(took);
			}
			if (status != 302 || !location.equals(step.next())) {
				phase.errors++;
				phase.failedJourneys++;
				if (phase.firstErrors.size() < 10) {
					phase.firstErrors.add("POST " + step.path() + " answered " + status
							+ (location.isEmpty() ? "" : " to " + location));
				}
				return;
			}
		}
		phase.journeys.add(System.nanoTime() - began);
		if (flagged) {
			phase.flaggedSent++;
		}
	}

	private static Map<String, String> fields(int step, String service, String what, int reporter) {
		Map<String, String> fields = new LinkedHashMap<>();
		switch (step) {
			case 0 -> fields.put("kind", "CONCERN");
			case 1 -> fields.put("serviceId", service);
			case 2 -> fields.put("whatHappened", what);
			case 3 -> {
				fields.put("whenDay", "");
				fields.put("whenMonth", "");
				fields.put("whenYear", "");
				fields.put("whenText", "Last week");
			}
			case 4 -> fields.put("peopleAffected", "My aunt");
			case 5 -> fields.put("atRisk", "NO");
			case 6 -> fields.put("reporterRole", "RELATIVE_OR_FRIEND");
			case 7 -> fields.put("giveDetails", "yes");
			case 8 -> {
				fields.put("name", "Bench Reporter");
				fields.put("email", "bench-" + reporter + "@example.org");
				fields.put("phone", "");
				fields.put("consent", "true");
			}
			default -> {
				// check your answers: only the CSRF token
			}
		}
		return fields;
	}

	private static String pathOf(String location) {
		try {
			String path = URI.create(location).getPath();
			return (path != null) ? path : location;
		}
		catch (IllegalArgumentException ex) {
			return location;
		}
	}

	/** What the database holds of the bench's concerns: [concerns, flagged, unsent emails]. */
	long[] saved() throws SQLException {
		try (Connection connection = this.postgres.connect(); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select count(*), count(*) filter (where safeguarding_flag), "
						+ "(select count(*) from mail_outbox where recipient like '" + EMAIL_LIKE
						+ "' and sent_at is null) from concern where reporter_email like '" + EMAIL_LIKE + "'")) {
			rs.next();
			return new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) };
		}
	}

	/**
	 * Removes the bench's concerns and what they brought with them (timeline, referrals,
	 * emails), so that every run submits into the same database. Their audit events stay:
	 * the audit log is append-only (its triggers refuse deletes); they are counted.
	 */
	Map<String, Object> removeBenchConcerns() throws SQLException {
		Map<String, Object> removed = new LinkedHashMap<>();
		try (Connection connection = this.postgres.connect()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute("create temporary table bench_concern on commit drop as "
						+ "select id from concern where reporter_email like '" + EMAIL_LIKE + "'");
				removed.put("emails", statement.executeUpdate("delete from mail_outbox where recipient like '"
						+ EMAIL_LIKE + "' or (split_part(dedupe_key, ':', 1) in ('acknowledgement', 'safeguarding') "
						+ "and split_part(dedupe_key, ':', 2) in (select id::text from bench_concern))"));
				// the safeguarding concerns the bench's flagged concerns opened (the referral
				// moved from concerns to safeguarding in V37), with their history
				statement.execute("create temporary table bench_case on commit drop as select id from "
						+ "safeguarding_concern where ppmf_concern_id in (select id from bench_concern)");
				for (String table : List.of("safeguarding_step", "safeguarding_case_officer", "safeguarding_enquiry")) {
					statement.executeUpdate("delete from " + table + " where concern_id in (select id from bench_case)");
				}
				removed.put("safeguardingReferrals", statement
					.executeUpdate("delete from safeguarding_concern where id in (select id from bench_case)"));
				removed.put("providerRequests", statement.executeUpdate(
						"delete from concern_provider_request where concern_id in (select id from bench_concern)"));
				removed.put("concernEvents", statement.executeUpdate(
						"delete from concern_event where concern_id in (select id from bench_concern)"));
				removed.put("concerns",
						statement.executeUpdate("delete from concern where id in (select id from bench_concern)"));
				try (ResultSet rs = statement.executeQuery("select count(*) from audit_event where record_type = "
						+ "'concern' and record_id in (select id::text from bench_concern)")) {
					rs.next();
					removed.put("auditEventsKept", rs.getLong(1));
				}
			}
			connection.commit();
			connection.setAutoCommit(true);
			if (((Number) removed.get("concerns")).longValue() > 0) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("vacuum analyze concern, concern_event, safeguarding_concern, mail_outbox");
				}
			}
		}
		return removed;
	}

	/** Latencies (nanoseconds) of one kind, growing as needed. */
	static final class Latencies {

		long[] nanos = new long[256];

		int count;

		void add(long value) {
			if (this.count == this.nanos.length) {
				this.nanos = Arrays.copyOf(this.nanos, this.count * 2);
			}
			this.nanos[this.count++] = value;
		}

		void addAll(Latencies other) {
			for (int i = 0; i < other.count; i++) {
				add(other.nanos[i]);
			}
		}

		LoadRun.Percentiles percentiles() {
			return LoadRun.Percentiles.of(Arrays.copyOf(this.nanos, this.count));
		}

		double meanMs() {
			long sum = 0;
			for (int i = 0; i < this.count; i++) {
				sum += this.nanos[i];
			}
			return (this.count > 0) ? sum / 1e6 / this.count : Double.NaN;
		}

	}

	/** What one phase found. */
	static final class Phase {

		double seconds;

		int requests;

		int errors;

		int failedJourneys;

		int flaggedSent;

		final Map<Integer, Integer> statuses = new TreeMap<>();

		final List<String> firstErrors = new ArrayList<>();

		final Latencies journeys = new Latencies();

		final Latencies[] steps = new Latencies[STEPS.size()];

		final Latencies sendOrdinary = new Latencies();

		final Latencies sendFlagged = new Latencies();

		Phase() {
			for (int i = 0; i < this.steps.length; i++) {
				this.steps[i] = new Latencies();
			}
		}

		void addAll(Phase other) {
			this.requests += other.requests;
			this.errors += other.errors;
			this.failedJourneys += other.failedJourneys;
			this.flaggedSent += other.flaggedSent;
			other.statuses.forEach((status, n) -> this.statuses.merge(status, n, Integer::sum));
			for (String error : other.firstErrors) {
				if (this.firstErrors.size() < 10) {
					this.firstErrors.add(error);
				}
			}
			this.journeys.addAll(other.journeys);
			for (int i = 0; i < this.steps.length; i++) {
				this.steps[i].addAll(other.steps[i]);
			}
			this.sendOrdinary.addAll(other.sendOrdinary);
			this.sendFlagged.addAll(other.sendFlagged);
		}

		int submissions() {
			return this.journeys.count;
		}

		/** Complete journeys (ten POSTs answered as expected) per second. */
		double journeysPerSecond() {
			return (this.seconds > 0) ? this.journeys.count / this.seconds : 0;
		}

		/**
		 * What the step-10 POST alone could carry with this many users (Little's law:
		 * users ÷ its mean latency), as if every request were a submission; measured while
		 * the other users were mostly on cheaper pages, so an upper estimate.
		 */
		double sendsPerSecondAlone(int users) {
			double mean = this.steps[SEND].meanMs();
			return (mean > 0) ? users * 1000 / mean : 0;
		}

		String oneLine(int users) {
			LoadRun.Percentiles send = this.steps[SEND].percentiles();
			LoadRun.Percentiles journey = this.journeys.percentiles();
			return String.format(java.util.Locale.ROOT,
					"%d submissions (%d requests) in %.1f s = %.1f journeys/s; step 10 p50 %.1f / p95 %.1f / p99 %.1f ms "
							+ "(%.0f/s alone); journey p50 %.0f / p99 %.0f ms; errors %d",
					submissions(), this.requests, this.seconds, journeysPerSecond(), send.p50, send.p95, send.p99,
					sendsPerSecondAlone(users), journey.p50, journey.p99, this.errors);
		}

		Map<String, Object> toMap(int users) {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("virtualUsers", users);
			map.put("seconds", LoadRun.round(this.seconds, 2));
			map.put("submissions", submissions());
			map.put("flaggedSubmissions", this.flaggedSent);
			map.put("failedJourneys", this.failedJourneys);
			map.put("requests", this.requests);
			map.put("journeysPerSecond", LoadRun.round(journeysPerSecond(), 2));
			map.put("requestsPerSecond", LoadRun.round((this.seconds > 0) ? this.requests / this.seconds : 0, 1));
			map.put("sendsPerSecondAlone", LoadRun.round(sendsPerSecondAlone(users), 1));
			map.put("errors", this.errors);
			Map<String, Object> statusCounts = new LinkedHashMap<>();
			this.statuses.forEach((status, n) -> statusCounts.put(String.valueOf(status), n));
			map.put("statuses", statusCounts);
			map.put("firstErrors", this.firstErrors);
			map.put("journeyLatencyMs", this.journeys.percentiles().toMap());
			map.put("sendLatencyMs", this.steps[SEND].percentiles().toMap());
			map.put("sendLatencyMsNotFlagged", this.sendOrdinary.percentiles().toMap());
			map.put("sendLatencyMsFlagged", this.sendFlagged.percentiles().toMap());
			Map<String, Object> bySteps = new LinkedHashMap<>();
			for (int i = 0; i < this.steps.length; i++) {
				Map<String, Object> p = this.steps[i].percentiles().toMap();
				bySteps.put(STEPS.get(i).label(), p);
			}
			map.put("latencyMsByStep", bySteps);
			return map;
		}

	}

}
