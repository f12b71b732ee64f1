package org.carecycle.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application, started as a user starts it ({@code java -jar target/carecycle-*.jar}
 * with its environment variables) as a child process, its output appended to a log file.
 */
final class AppProcess implements AutoCloseable {

	private static final Pattern STARTED = Pattern
		.compile("Started CareCycleApplication in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");

	private final Process process;

	private final Path log;

	private final long logOffset;

	final String base;

	/** Seconds from starting the process to the first 200 from /sign-in. */
	double secondsToFirst200;

	private AppProcess(Process process, Path log, long logOffset, String base) {
		this.process = process;
		this.log = log;
		this.logOffset = logOffset;
		this.base = base;
	}

	static AppProcess start(List<String> command, Map<String, String> environment, Path workingDirectory, Path log,
			Path pidFile, int port, Duration timeout, String label) throws IOException, InterruptedException {
		Files.writeString(log, "\n===== bench: " + label + " =====\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
				StandardOpenOption.APPEND);
		long offset = Files.size(log);
		ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().keySet().removeIf(name -> name.startsWith("DATABASE_") || name.startsWith("CARECYCLE_")
				|| name.equals("PORT") || name.equals("SPRING_PROFILES_ACTIVE"));
		builder.environment().putAll(environment);
		long started = System.nanoTime();
		Process process = builder.start();
		Files.writeString(pidFile, process.pid() + "\n");
		AppProcess app = new AppProcess(process, log, offset, "http://127.0.0.1:" + port);
		try {
			app.awaitSignInPage(started, timeout);
		}
		catch (IOException | InterruptedException | RuntimeException ex) {
			app.close();
			throw ex;
		}
		return app;
	}

	private void awaitSignInPage(long started, Duration timeout) throws IOException, InterruptedException {
		HttpClient client = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(2))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + "/sign-in"))
			.timeout(Duration.ofSeconds(10))
			.build();
		long deadline = started + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("The application stopped while starting (exit code "
						+ this.process.exitValue() + "); its log ends:\n" + logTail(40));
			}
			try {
				HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					this.secondsToFirst200 = (System.nanoTime() - started) / 1e9;
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException(
				"The application did not answer /sign-in within " + timeout + "; its log ends:\n" + logTail(40));
	}

	long pid() {
		return this.process.pid();
	}

	/** Spring Boot's own start-up time from the log, [started in, process running for]. */
	double[] loggedStartSeconds() throws IOException {
		Matcher matcher = STARTED.matcher(logSinceStart());
		return matcher.find() ? new double[] { Double.parseDouble(matcher.group(1)), Double.parseDouble(matcher.group(2)) }
				: null;
	}

	/**
	 * Waits for a line of the log since start matching {@code pattern}; returns the match,
	 * or null if it did not come in time.
	 */
	String awaitLogLine(Pattern pattern, Duration timeout) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline && this.process.isAlive()) {
			Matcher matcher = pattern.matcher(logSinceStart());
			if (matcher.find()) {
				return matcher.group();
			}
			Thread.sleep(500);
		}
		return null;
	}

	String logSinceStart() throws IOException {
		byte[] all = Files.readAllBytes(this.log);
		int from = (int) Math.min(this.logOffset, all.length);
		return new String(all, from, all.length - from, StandardCharsets.UTF_8);
	}

	/** Log lines since start that mention a warning or an error. */
	List<String> problemLines(int max) throws IOException {
		List<String> lines = new ArrayList<>();
		for (String line : logSinceStart().split("\\R")) {
			if (line.contains(" WARN ") || line.contains(" ERROR ") || line.startsWith("Exception")) {
				lines.add(line);
				if (lines.size() >= max) {
					break;
				}
			}
		}
		return lines;
	}

	String logTail(int lines) {
		try {
			List<String> all = Files.readAllLines(this.log, StandardCharsets.UTF_8);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "(log unreadable: " + ex.getMessage() + ")";
		}
	}

	/** Resident memory of the JVM in MiB, [VmRSS, VmHWM], from /proc. */
	long[] residentMemoryMib() {
		return residentMemoryMib(this.process.pid());
	}

	static long[] residentMemoryMib(long pid) {
		long rss = -1;
		long hwm = -1;
		try {
			for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
				if (line.startsWith("VmRSS:")) {
					rss = kib(line) / 1024;
				}
				else if (line.startsWith("VmHWM:")) {
					hwm = kib(line) / 1024;
				}
			}
		}
		catch (IOException ex) {
			// not on Linux: unknown
		}
		return new long[] { rss, hwm };
	}

	private static long kib(String line) {
		return Long.parseLong(line.replaceAll("[^0-9]", ""));
	}

	/** Stops the application as a service manager would (SIGTERM), forcibly after a minute. */
	@Override
	public void close() {
		if (!this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				Bench.log("The application did not stop within 60 s of SIGTERM: killing it");
				this.process.destroyForcibly();
				this.process.waitFor(30, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * An application left running by a run killed with SIGKILL: stop it, if the pid file
	 * names a java process still running the CareCycle jar.
	 */
	static void stopOrphan(Path pidFile) throws IOException {
		if (!Files.exists(pidFile)) {
			return;
		}
		String text = Files.readString(pidFile).trim();
		if (!text.matches("\\d+")) {
			return;
		}
		long pid = Long.parseLong(text);
		ProcessHandle.of(pid)
			.filter(handle -> handle.info()
				.arguments()
				.map(args -> String.join(" ", args).matches(".*carecycle-[^ ]*\\.jar.*"))
				.orElse(false))
			.ifPresent(handle -> {
				Bench.log("Stopping an application (pid " + pid + ") left running by an earlier run");
				handle.destroy();
				handle.onExit().orTimeout(60, TimeUnit.SECONDS).join();
			});
		Files.deleteIfExists(pidFile);
	}

}
