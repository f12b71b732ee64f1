package org.carecycle.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The database of a run: an embedded PostgreSQL 17 the bench owns (its data directory kept
 * between runs so the demo dataset is loaded once), or a server named on the command line.
 */
final class Postgres implements AutoCloseable {

	private final EmbeddedPostgres embedded;

	final String url;

	final String user;

	final String password;

	private Postgres(EmbeddedPostgres embedded, String url, String user, String password) {
		this.embedded = embedded;
		this.url = url;
		this.user = user;
		this.password = password;
	}

	static Postgres external(String url, String user, String password) {
		return new Postgres(null, url, user, password);
	}

	/**
	 * Starts PostgreSQL on a data directory, with the same durable settings as the
	 * application's own embedded database (zonky's defaults turn synchronous commits off).
	 */
	static Postgres embedded(Path dataDirectory) throws IOException {
		Files.createDirectories(dataDirectory);
		stopOrphanedServer(dataDirectory);
		EmbeddedPostgres pg = EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.setPGStartupWait(Duration.ofSeconds(120))
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			.start();
		return new Postgres(pg, "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres", "postgres", "");
	}

	boolean isEmbedded() {
		return this.embedded != null;
	}

	Connection connect() throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", this.user);
		if (this.password != null && !this.password.isEmpty()) {
			properties.setProperty("password", this.password);
		}
		return DriverManager.getConnection(this.url, properties);
	}

	@Override
	public void close() throws IOException {
		if (this.embedded != null) {
			this.embedded.close();
		}
	}

	/**
	 * A run killed with SIGKILL leaves PostgreSQL running on the data directory (it is
	 * started through pg_ctl, not as a child of this JVM): stop it first.
	 */
	private static void stopOrphanedServer(Path directory) throws IOException {
		Path pidFile = directory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.isEmpty() || !lines.get(0).trim().matches("\\d+")) {
			return;
		}
		long pid = Long.parseLong(lines.get(0).trim());
		ProcessHandle.of(pid)
			.filter(process -> process.info().command().map(c -> c.endsWith("postgres")).orElse(false))
			.ifPresent(process -> {
				Bench.log("Stopping a PostgreSQL server (pid " + pid + ") left running by an earlier run");
				process.destroy();
				process.onExit().orTimeout(60, TimeUnit.SECONDS).join();
			});
	}

}
