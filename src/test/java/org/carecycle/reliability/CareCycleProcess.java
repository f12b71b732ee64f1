package org.carecycle.reliability;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.carecycle.CareCycleApplication;

/**
 * CareCycle running as an operating-system process of its own: a child JVM started with
 * this test JVM's class path and the application's main class, keeping its embedded
 * PostgreSQL in a directory the test chooses, so that it can be killed as a real server
 * is killed and started again on the same data.
 */
final class CareCycleProcess {

	private final Process process;

	private final int port;

	private final Path log;

	private CareCycleProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Starts CareCycle with its data in {@code dataDirectory}, writing its output to
	 * {@code log}, with the given properties on top of the application's own.
	 */
	static CareCycleProcess start(Path dataDirectory, Path log, Map<String, String> properties) throws IOException {
		int port = freePort();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		// start quickly and lightly: the machine is shared with the test JVM
		command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m"));
		// an argument file keeps a long class path off the command line
		Path arguments = Files.writeString(log.resolveSibling(log.getFileName() + ".args"),
				"-cp \"" + System.getProperty("java.class.path") + "\"");
		command.add("@" + arguments.toAbsolutePath());
		command.add(CareCycleApplication.class.getName());
		command.add("--server.port=" + port);
		command.add("--carecycle.embedded-postgres.data-directory=" + dataDirectory);
		// the test class path also registers the tests' shared database: not for this run
		command.add("--carecycle.test.shared-database=false");
		properties.forEach((name, value) -> command.add("--" + name + "=" + value));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		return new CareCycleProcess(process, port, log);
	}

	int port() {
		return this.port;
	}

	/** Waits until the public form answers. */
	CareCycleProcess awaitUp(Duration timeout) throws IOException, InterruptedException {
		HttpClient client = HttpClient.newHttpClient();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("CareCycle stopped while starting:\n" + logTail());
			}
			try {
				HttpResponse<Void> response = client.send(
						HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/tell-us")).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return this;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("CareCycle did not start within " + timeout + ":\n" + logTail());
	}

	/** kill -9: no shutdown hooks, no context close, nothing flushed. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException("CareCycle did not die");
		}
	}

	/** An ordinary stop (SIGTERM), which also stops the embedded PostgreSQL. */
	void stop() throws InterruptedException {
		if (!this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
	}

	String log() throws IOException {
		return Files.readString(this.log);
	}

	String logTail() throws IOException {
		String text = log();
		return text.substring(Math.max(0, text.length() - 6000));
	}

	/**
	 * A connection to the embedded PostgreSQL that keeps its data in
	 * {@code dataDirectory}, found from the port in its {@code postmaster.pid}. Close it
	 * promptly: a server with open sessions waits for them before it stops.
	 */
	static Connection database(Path dataDirectory) throws IOException, SQLException {
		List<String> pid = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
		return DriverManager.getConnection("jdbc:postgresql://localhost:" + pid.get(3).trim() + "/postgres", "postgres",
				null);
	}

	/**
	 * Stops a PostgreSQL left running in {@code dataDirectory} (by a killed run that
	 * nothing restarted), so that no server outlives the test.
	 */
	static void stopPostgres(Path dataDirectory) throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
		if (!first.matches("\\d+")) {
			return;
		}
		ProcessHandle.of(Long.parseLong(first))
			.filter(process -> process.info().command().map(c -> c.endsWith("postgres")).orElse(false))
			.ifPresent(process -> {
				process.destroy();
				process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
			});
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
