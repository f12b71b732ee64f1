package org.carecycle.reliability;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.carecycle.HttpVisitor;
import org.carecycle.RealData;
import org.carecycle.SecondStep;
import org.carecycle.reliability.RecordingSmtpServer.Delivery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * CareCycle killed with {@code kill -9} in the middle of its work, and started again on
 * the same data, has lost nothing it said it had kept: every concern whose reference was
 * shown is there, the CQC import that was running left nothing behind (and can be run
 * again), and every email in the outbox reaches its recipient once as far as they can
 * tell, however many times the crash made the outbox hand it to the mail server.
 * <p>
 * The application runs as a separate process on a real embedded PostgreSQL in a temporary
 * directory, sending its email over SMTP to a server in this JVM.
 */
class DurabilityTests {

	private static final Path CQC_HISTORY = RealData.CQC_HISTORY;

	private static final Pattern REFERENCE = Pattern.compile("PPMF-\\d{4}-\\d{6}");

	private static final String ADMIN = "durability.admin@example.org";

	private static final String FIRST_PASSWORD = "Temporary-Granite-Kettle-41";

	private static final String PASSWORD = "Durable-Granite-Kettle-42";

	@TempDir
	Path directory;

	private RecordingSmtpServer smtp;

	private final List<CareCycleProcess> started = new ArrayList<>();

	@AfterEach
	void stopEverything() throws Exception {
		for (CareCycleProcess process : this.started) {
			process.stop();
		}
		CareCycleProcess.stopPostgres(this.directory.resolve("postgres"));
		if (this.smtp != null) {
			this.smtp.close();
		}
	}

	@Test
	void keepsEveryAcknowledgedSubmissionImportAndEmailAcrossAKill() throws Exception {
		this.smtp = new RecordingSmtpServer();
		Path data = this.directory.resolve("postgres");
		Set<String> historyReports = historyReports();

		CareCycleProcess first = start(data, "first");
		HttpVisitor admin = administrator(first, FIRST_PASSWORD);

		// Members of the public send concerns, four at once, until the server dies.
		Map<String, String> acknowledged = new ConcurrentHashMap<>();
		List<String> problems = new CopyOnWriteArrayList<>();
		AtomicBoolean killed = new AtomicBoolean();
		ExecutorService publicForm = Executors.newFixedThreadPool(4);
		for (int i = 0; i < 4; i++) {
			int sender = i;
			publicForm.execute(() -> keepTellingUs(first.port(), sender, acknowledged, problems, killed));
		}
		await(() -> acknowledged.size() >= 8 && this.smtp.deliveries().size() >= 3, 60, "concerns acknowledged");

		// The mail server takes the next message but the outbox never hears that it did.
		this.smtp.holdNextReply();
		Delivery held = this.smtp.awaitHeld(30);
		assertThat(held).as("an email caught between the mail server and the outbox").isNotNull();

		// A CQC import starts and is killed part way through.
		UUID job = upload(admin);
		long[] readBeforeKill = new long[1];
		await(() -> {
			Map<String, Object> row = importJob(data, job);
			readBeforeKill[0] = (Long) row.get("rows_read");
			return "RUNNING".equals(row.get("status")) && readBeforeKill[0] > 0;
		}, 60, "the import under way");
		assertThat(problems).isEmpty();
		first.kill();
		killed.set(true);
		publicForm.shutdown();
		assertThat(publicForm.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		this.smtp.release();
		assertThat(readBeforeKill[0]).as("rows the import had read when it was killed").isLessThan(historyRows());

		CareCycleProcess second = start(data, "second");
		assertThat(second.log()).contains("left running by an earlier run");

		// 1. Every concern whose reference was shown is there.
		assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(8);
		assertThat(references(data)).containsAll(acknowledged.keySet());

		// 2. The import either finished or changed nothing.
		Map<String, Object> killedJob = importJob(data, job);
		long ratings = count(data, "select count(*) from cqc_rating");
		assertThat(List.of(killedJob.get("status"), ratings)).as("the killed import's status and the ratings kept")
			.isIn(List.of("FAILED", 0L), List.of("SUCCEEDED", (long) historyReports.size()));

		// 3. Every email in the outbox is delivered, and each one the recipient receives
		// more than once carries the same Message-ID, so they see it once.
		await(() -> count(data, "select count(*) from mail_outbox where sent_at is null") == 0, 60, "the outbox sent");
		List<Map<String, Object>> outbox = rows(data, "select id, recipient, subject from mail_outbox");
		List<Delivery> deliveries = this.smtp.deliveries();
		assertThat(deliveries).extracting(Delivery::messageId).as("Message-IDs").doesNotContainNull();
		Map<String, List<Delivery>> byMessageId = deliveries.stream()
			.collect(Collectors.groupingBy(Delivery::messageId, LinkedHashMap::new, Collectors.toList()));
		assertThat(byMessageId.get(held.messageId())).as("copies of the email caught by the kill").hasSize(2);
		assertThat(byMessageId.values()).as("copies of one message are the same message")
			.allSatisfy(copies -> assertThat(copies).allSatisfy(copy -> assertThat(copy).isEqualTo(copies.get(0))));
		assertThat(byMessageId).as("messages the recipients see, one per outbox entry").hasSameSizeAs(outbox);
		Map<String, Long> seen = byMessageId.values()
			.stream()
			.map(copies -> copies.get(0))
			.collect(Collectors.groupingBy(d -> d.recipients() + " " + d.subject(), Collectors.counting()));
		assertThat(outbox)
			.allSatisfy(entry -> assertThat(seen.get(List.of(entry.get("recipient")) + " " + entry.get("subject")))
				.as("messages seen for %s", entry.get("subject"))
				.isEqualTo(1L));
		assertThat(acknowledged).allSatisfy((reference, email) -> assertThat(outbox)
			.anySatisfy(entry -> assertThat(entry).containsEntry("recipient", email)
				.containsEntry("subject", "We have received your concern: " + reference)));

		// The import can be run again, and now finishes.
		HttpVisitor again = administrator(second, PASSWORD);
		UUID rerun = upload(again);
		await(() -> Set.of("SUCCEEDED", "FAILED").contains(importJob(data, rerun).get("status")), 120,
				"the import run again");
		assertThat(importJob(data, rerun)).containsEntry("status", "SUCCEEDED");
		assertThat(count(data, "select count(*) from cqc_rating")).isEqualTo(historyReports.size());
	}

	private CareCycleProcess start(Path data, String name) throws Exception {
		CareCycleProcess process = CareCycleProcess.start(data, logFile(name),
				Map.of("carecycle.demo.enabled", "false", "carecycle.first-administrator.email", ADMIN,
						"carecycle.first-administrator.password", FIRST_PASSWORD, "spring.mail.host", "localhost",
						"spring.mail.port", String.valueOf(this.smtp.port()),
						// outwaits the held reply
						"spring.mail.properties.mail.smtp.timeout", "120000", "carecycle.mail.poll-interval", "PT0.5S",
						"carecycle.concerns.submissions-per-hour", "100000"));
		this.started.add(process);
		return process.awaitUp(Duration.ofSeconds(120));
	}

	/** Where a run's output goes: kept after the test, for when it fails on CI. */
	private static Path logFile(String name) throws IOException {
		Path log = Files.createDirectories(Path.of("target", "durability")).resolve(name + ".log");
		Files.deleteIfExists(log);
		return log;
	}

	/** Signs in as the administrator, choosing a lasting password on the first visit. */
	private static HttpVisitor administrator(CareCycleProcess app, String password) throws Exception {
		HttpVisitor visitor = new HttpVisitor(app.port());
		String csrf = HttpVisitor.csrf(visitor.get("/sign-in").body());
		HttpResponse<String> signedIn = visitor.post("/sign-in",
				Map.of("email", ADMIN, "password", password, "_csrf", csrf));
		String location = signedIn.headers().firstValue("Location").orElse("");
		if (location.endsWith("/sign-in/set-up")) {
			// an administrator sets up an authenticator app at the first sign-in (ADR
			// 0023)
			String page = visitor.get("/sign-in/set-up").body();
			String key = SecondStep.keyOnPage(page);
			SecondStep.remember(ADMIN, key);
			location = visitor
				.post("/sign-in/set-up", Map.of("code", SecondStep.unusedCode(ADMIN), "_csrf", HttpVisitor.csrf(page)))
				.headers()
				.firstValue("Location")
				.orElse("");
			if (location.endsWith("/recovery-codes")) {
				location = "/account/password";
			}
		}
		else if (location.endsWith("/sign-in/code")) {
			String page = visitor.get("/sign-in/code").body();
			location = visitor
				.post("/sign-in/code", Map.of("code", SecondStep.unusedCode(ADMIN), "_csrf", HttpVisitor.csrf(page)))
				.headers()
				.firstValue("Location")
				.orElse("");
		}
		assertThat(location).doesNotContain("sign-in");
		if (location.endsWith("/account/password")) {
			csrf = HttpVisitor.csrf(visitor.get("/account/password").body());
			HttpResponse<String> changed = visitor.post("/account/password", Map.of("currentPassword", password,
					"newPassword", PASSWORD, "confirmPassword", PASSWORD, "_csrf", csrf));
			assertThat(changed.headers().firstValue("Location"))
				.hasValueSatisfying(l -> assertThat(l).endsWith("/account"));
		}
		return visitor;
	}

	/** Uploads CQC's rating history, all of England, and returns the import job. */
	private static UUID upload(HttpVisitor admin) throws Exception {
		String csrf = HttpVisitor.csrf(admin.get("/imports").body());
		byte[] file = Files.readAllBytes(CQC_HISTORY);
		HttpResponse<String> response = admin.postFile("/imports", Map.of("_csrf", csrf, "scope", "all"), "file",
				"history.csv", file, file.length);
		String location = response.headers().firstValue("Location").orElse("");
		Matcher id = Pattern.compile("/imports/([0-9a-f-]{36})$").matcher(location);
		if (!id.find()) {
			fail("The import was not queued: " + response.statusCode() + " " + location);
		}
		return UUID.fromString(id.group(1));
	}

	/**
	 * One member of the public after another telling us about a service through the
	 * public form; a concern counts as acknowledged when its reference is shown.
	 */
	private static void keepTellingUs(int port, int sender, Map<String, String> acknowledged, List<String> problems,
			AtomicBoolean killed) {
		HttpVisitor visitor = new HttpVisitor(port);
		for (int n = 0; !killed.get(); n++) {
			String email = "reporter." + sender + "." + n + "@example.org";
			try {
				String reference = tellUs(visitor, email);
				acknowledged.put(reference, email);
			}
			catch (IOException ex) {
				if (!killed.get()) {
					// the server is going away; wait to be told
					sleep();
				}
			}
			catch (Exception ex) {
				if (!killed.get()) {
					problems.add(ex.toString());
					return;
				}
			}
		}
	}

	private static String tellUs(HttpVisitor visitor, String email) throws Exception {
		String csrf = HttpVisitor.csrf(visitor.get("/tell-us/kind").body());
		answer(visitor, csrf, "kind", "kind", "CONCERN");
		answer(visitor, csrf, "service", "serviceId", "unknown", "serviceDescription", "Chy Lowen care home, Truro");
		answer(visitor, csrf, "what-happened", "whatHappened", "Lunch was served cold three days running.");
		answer(visitor, csrf, "when", "whenDay", "", "whenMonth", "", "whenYear", "", "whenText", "Last week");
		answer(visitor, csrf, "who-was-affected", "peopleAffected", "My aunt");
		answer(visitor, csrf, "risk", "atRisk", "NO");
		answer(visitor, csrf, "about-you", "reporterRole", "RELATIVE_OR_FRIEND");
		answer(visitor, csrf, "your-details", "giveDetails", "yes");
		answer(visitor, csrf, "contact", "name", "Tamsin Hocking", "email", email, "phone", "01872 000111", "consent",
				"true");
		HttpResponse<String> sent = visitor.post("/tell-us/check", Map.of("_csrf", csrf));
		if (!sent.headers().firstValue("Location").orElse("").endsWith("/tell-us/sent")) {
			throw new IllegalStateException("Sending the form gave " + sent.statusCode());
		}
		Matcher reference = REFERENCE.matcher(visitor.get("/tell-us/sent").body());
		if (!reference.find()) {
			throw new IllegalStateException("No reference on the page that says the form was sent");
		}
		return reference.group();
	}

	private static void answer(HttpVisitor visitor, String csrf, String step, String... fields) throws Exception {
		Map<String, String> form = new HashMap<>();
		form.put("_csrf", csrf);
		for (int i = 0; i < fields.length; i += 2) {
			form.put(fields[i], fields[i + 1]);
		}
		HttpResponse<String> response = visitor.post("/tell-us/" + step, form);
		if (response.statusCode() != 302) {
			throw new IllegalStateException("The " + step + " page answered " + response.statusCode());
		}
	}

	/** What the rating history holds: one report per location and date. */
	private static Set<String> historyReports() throws IOException {
		try (Stream<String> lines = Files.lines(CQC_HISTORY)) {
			Set<String> reports = new HashSet<>();
			lines.skip(1).forEach(line -> {
				String[] cells = line.replace("\"", "").split(",");
				reports.add(cells[4] + "|" + cells[1]);
			});
			return reports;
		}
	}

	private static long historyRows() throws IOException {
		try (Stream<String> lines = Files.lines(CQC_HISTORY)) {
			return lines.count() - 1;
		}
	}

	private static Set<String> references(Path data) throws Exception {
		Set<String> references = new HashSet<>();
		for (Map<String, Object> row : rows(data, "select reference from concern")) {
			references.add((String) row.get("reference"));
		}
		return references;
	}

	private static Map<String, Object> importJob(Path data, UUID id) throws Exception {
		try (Connection connection = CareCycleProcess.database(data);
				PreparedStatement statement = connection
					.prepareStatement("select status, rows_read, message from import_job where id = ?")) {
			statement.setObject(1, id);
			try (ResultSet result = statement.executeQuery()) {
				assertThat(result.next()).as("import job %s", id).isTrue();
				Map<String, Object> row = new HashMap<>();
				row.put("status", result.getString("status"));
				row.put("rows_read", result.getLong("rows_read"));
				row.put("message", result.getString("message"));
				return row;
			}
		}
	}

	private static long count(Path data, String sql) throws Exception {
		return (Long) rows(data, sql).get(0).values().iterator().next();
	}

	private static List<Map<String, Object>> rows(Path data, String sql) throws IOException, SQLException {
		try (Connection connection = CareCycleProcess.database(data);
				ResultSet result = connection.createStatement().executeQuery(sql)) {
			List<Map<String, Object>> rows = new ArrayList<>();
			while (result.next()) {
				Map<String, Object> row = new LinkedHashMap<>();
				for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
					row.put(result.getMetaData().getColumnLabel(i), result.getObject(i));
				}
				rows.add(row);
			}
			return rows;
		}
	}

	private interface Condition {

		boolean holds() throws Exception;

	}

	private static void await(Condition condition, int seconds, String what) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		while (!condition.holds()) {
			if (System.nanoTime() > deadline) {
				fail("Waited " + seconds + " s for " + what);
			}
			Thread.sleep(50);
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
