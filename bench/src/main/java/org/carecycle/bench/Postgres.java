package org.carecycle.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The database of a run: an embedded PostgreSQL 17 the bench owns (its data directory kept
 * between runs so the demo dataset is loaded once), or a server named on the command line.
 */
final class Postgres implements AutoCloseable {

	/** Statements at least this slow are logged by the embedded PostgreSQL. */
	static final int SLOW_STATEMENT_MS = 200;

	private final EmbeddedPostgres embedded;

	private final Path dataDirectory;

	private final Map<Path, Long> logSizesAtStart = new HashMap<>();

	final String url;

	final String user;

	final String password;

	private Postgres(EmbeddedPostgres embedded, Path dataDirectory, String url, String user, String password) {
		this.embedded = embedded;
		this.dataDirectory = dataDirectory;
		this.url = url;
		this.user = user;
		this.password = password;
	}

	static Postgres external(String url, String user, String password) {
		return new Postgres(null, null, url, user, password);
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
			// Statements slower than this are logged to <data directory>/log/, for the results.
			.setServerConfig("logging_collector", "on")
			.setServerConfig("log_directory", "log")
			.setServerConfig("log_min_duration_statement", String.valueOf(SLOW_STATEMENT_MS))
			.setServerConfig("log_parameter_max_length", "0")
			.start();
		Postgres postgres = new Postgres(pg, dataDirectory, "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres",
				"postgres", "");
		postgres.logSizesAtStart.putAll(postgres.logFiles());
		return postgres;
	}

	private Map<Path, Long> logFiles() throws IOException {
		Map<Path, Long> sizes = new HashMap<>();
		Path logs = this.dataDirectory.resolve("log");
		if (Files.isDirectory(logs)) {
			try (Stream<Path> files = Files.list(logs)) {
				for (Path file : files.toList()) {
					sizes.put(file, Files.size(file));
				}
			}
		}
		return sizes;
	}

	/**
	 * The slowest statements PostgreSQL logged since it was started by this run (embedded
	 * only): [milliseconds, statement], slowest first.
	 */
	List<Map<String, Object>> slowStatements(int max) throws IOException {
		if (this.dataDirectory == null) {
			return List.of();
		}
		List<Map<String, Object>> found = new ArrayList<>();
		Pattern duration = Pattern.compile("LOG:\\s+duration: ([0-9.]+) ms\\s+(?:statement|execute [^:]*|parse [^:]*|bind [^:]*):\\s*(.*)");
		for (Map.Entry<Path, Long> file : new TreeMap<>(logFiles()).entrySet()) {
			long from = this.logSizesAtStart.getOrDefault(file.getKey(), 0L);
			if (file.getValue() <= from) {
				continue;
			}
			byte[] bytes = Files.readAllBytes(file.getKey());
			String text = new String(bytes, (int) from, bytes.length - (int) from, StandardCharsets.UTF_8);
			Map<String, Object> current = null;
			StringBuilder sql = null;
			for (String line : text.split("\\R")) {
				Matcher m = duration.matcher(line);
				if (m.find()) {
					if (current != null) {
						current.put("statement", shorten(sql.toString()));
					}
					current = new LinkedHashMap<>();
					current.put("ms", Double.parseDouble(m.group(1)));
					sql = new StringBuilder(m.group(2));
					found.add(current);
				}
				else if (current != null && (line.startsWith("\t") || line.startsWith(" "))) {
					sql.append(' ').append(line.strip());
				}
				else if (current != null) {
					current.put("statement", shorten(sql.toString()));
					current = null;
				}
			}
			if (current != null) {
				current.put("statement", shorten(sql.toString()));
			}
		}
		found.sort(Comparator.comparingDouble((Map<String, Object> m) -> (Double) m.get("ms")).reversed());
		return found.subList(0, Math.min(max, found.size()));
	}

	private static String shorten(String sql) {
		String oneLine = sql.replaceAll("\\s+", " ").strip();
		return (oneLine.length() > 400) ? oneLine.substring(0, 400) + " …" : oneLine;
	}

	/** The embedded server's postmaster, from its postmaster.pid; -1 when not embedded or unknown. */
	long postmasterPid() {
		if (this.dataDirectory == null) {
			return -1;
		}
		try {
			List<String> lines = Files.readAllLines(this.dataDirectory.resolve("postmaster.pid"));
			return (!lines.isEmpty() && lines.get(0).trim().matches("\\d+")) ? Long.parseLong(lines.get(0).trim()) : -1;
		}
		catch (IOException ex) {
			return -1;
		}
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
