package org.carecycle.database;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.carecycle.ApplicationTest;
import org.carecycle.EmbeddedPostgresTestInitializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A backup of the whole database restores into a fresh database with every row of every
 * table, every sequence where it was, the Flyway history that the migrations still
 * validate against, and the audit log still append-only. The backup is taken from the
 * test database with the demo county loaded, inside one snapshot, while the application
 * runs.
 * <p>
 * It uses pg_dump and pg_restore, as docs/operations.md tells an operator to, when a pair
 * at least as new as the server is on this machine (beside the embedded PostgreSQL, under
 * /usr/lib/postgresql, on the PATH or in CARECYCLE_PG_BIN). The embedded binaries ship
 * without them, so otherwise it takes a logical backup with COPY, one file per table, and
 * restores it into a database that the migrations created.
 */
@ApplicationTest
class BackupRestoreTests {

	private static final Logger log = LoggerFactory.getLogger(BackupRestoreTests.class);

	@TempDir
	Path directory;

	@Test
	void aBackupRestoresIntoAFreshDatabaseWithTheSameRowsSequencesAndMigrations() throws Exception {
		int port = EmbeddedPostgresTestInitializer.postgres().getPort();
		String restored = "restored_" + UUID.randomUUID().toString().replace("-", "");
		try (Connection source = connect(port, "postgres")) {
			source.setAutoCommit(false);
			source.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			String snapshot = single(source, "select pg_export_snapshot()");
			Map<String, String> tablesBefore = fingerprints(source);
			Map<String, String> sequencesBefore = sequences(source);
			int serverMajor = Integer.parseInt(single(source, "show server_version_num")) / 10000;
			assertThat(tablesBefore).containsKeys("flyway_schema_history", "audit_event", "concern", "care_service");
			assertThat(tablesBefore.get("care_service")).doesNotStartWith("0 ");

			try (Connection admin = connect(port, "postgres"); Statement statement = admin.createStatement()) {
				statement.execute("create database " + restored + " template template0");
			}
			try {
				Optional<Path> tools = pgTools(serverMajor, source);
				if (tools.isPresent()) {
					log.info("Backing up with pg_dump from {}", tools.get());
					Path dump = this.directory.resolve("carecycle.dump");
					run(tools.get().resolve("pg_dump").toString(), "--format=custom", "--snapshot=" + snapshot,
							"--file=" + dump, "--host=localhost", "--port=" + port, "--username=postgres", "postgres");
					assertThat(Files.size(dump)).isPositive();
					run(tools.get().resolve("pg_restore").toString(), "--exit-on-error", "--no-owner",
							"--host=localhost", "--port=" + port, "--username=postgres", "--dbname=" + restored,
							dump.toString());
				}
				else {
					log.info("No pg_dump for PostgreSQL {} here: backing up with COPY", serverMajor);
					Path backup = copyOut(source, this.directory.resolve("backup"));
					copyIn(port, restored, backup, sequencesBefore);
				}
				source.commit();

				try (Connection copy = connect(port, restored)) {
					assertThat(fingerprints(copy)).isEqualTo(tablesBefore);
					assertThat(sequences(copy)).isEqualTo(sequencesBefore);
					// The restored database still refuses changes to the audit log.
					try (Statement statement = copy.createStatement()) {
						assertThatThrownBy(() -> statement.executeUpdate("delete from audit_event"))
							.hasMessageContaining("append-only");
					}
				}
				Flyway flyway = Flyway.configure()
					.dataSource("jdbc:postgresql://localhost:" + port + "/" + restored, "postgres", null)
					.locations("classpath:db/migration")
					.load();
				flyway.validate();
				assertThat(flyway.info().pending()).isEmpty();
				try (Connection original = connect(port, "postgres")) {
					assertThat(flyway.info().current().getVersion().getVersion()).isEqualTo(single(original,
							"select version from flyway_schema_history where success order by installed_rank desc limit 1"));
				}
			}
			finally {
				try (Connection admin = connect(port, "postgres"); Statement statement = admin.createStatement()) {
					statement.execute("drop database if exists " + restored + " with (force)");
				}
			}
		}
	}

	private static Connection connect(int port, String database) throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + database, "postgres", null);
	}

	private static String single(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getString(1);
		}
	}

	private static List<String> tables(Connection connection) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("""
				select table_name from information_schema.tables
				where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name""")) {
			while (rows.next()) {
				tables.add(rows.getString(1));
			}
		}
		return tables;
	}

	/** Each table's row count and a checksum of all its rows, in any order. */
	private static Map<String, String> fingerprints(Connection connection) throws SQLException {
		Map<String, String> fingerprints = new TreeMap<>();
		for (String table : tables(connection)) {
			fingerprints.put(table, single(connection, """
					select count(*) || ' ' || coalesce(md5(string_agg(h, '' order by h)), '')
					from (select md5(t::text) as h from "%s" t) rows""".formatted(table)));
		}
		return fingerprints;
	}

	/** Where each sequence (including those behind identity columns) stands. */
	private static Map<String, String> sequences(Connection connection) throws SQLException {
		Map<String, String> sequences = new TreeMap<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(
						"select sequencename, coalesce(last_value, 0) from pg_sequences where schemaname = 'public'")) {
			while (rows.next()) {
				sequences.put(rows.getString(1), rows.getString(2));
			}
		}
		return sequences;
	}

	/**
	 * A pg_dump and pg_restore at least as new as the server, or none: an older pg_dump
	 * refuses a newer server.
	 */
	private static Optional<Path> pgTools(int serverMajor, Connection source) throws Exception {
		Set<Path> candidates = new LinkedHashSet<>();
		Optional.ofNullable(System.getenv("CARECYCLE_PG_BIN")).map(Path::of).ifPresent(candidates::add);
		// beside the running embedded server
		String dataDirectory = single(source, "show data_directory");
		Path pidFile = Path.of(dataDirectory, "postmaster.pid");
		if (Files.isReadable(pidFile)) {
			Path exe = Path.of("/proc", Files.readAllLines(pidFile).get(0).strip(), "exe");
			if (Files.exists(exe)) {
				candidates.add(exe.toRealPath().getParent());
			}
		}
		Path embedded = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
		if (Files.isDirectory(embedded)) {
			try (Stream<Path> folders = Files.list(embedded)) {
				folders.map(folder -> folder.resolve("bin")).forEach(candidates::add);
			}
		}
		Path debian = Path.of("/usr/lib/postgresql");
		if (Files.isDirectory(debian)) {
			try (Stream<Path> versions = Files.list(debian)) {
				versions.map(version -> version.resolve("bin")).sorted().forEach(candidates::add);
			}
		}
		for (String folder : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
			if (!folder.isBlank()) {
				candidates.add(Path.of(folder));
			}
		}
		for (Path folder : candidates) {
			if (Files.isExecutable(folder.resolve("pg_dump")) && Files.isExecutable(folder.resolve("pg_restore"))
					&& major(folder.resolve("pg_dump")) >= serverMajor
					&& major(folder.resolve("pg_restore")) >= serverMajor) {
				return Optional.of(folder);
			}
		}
		return Optional.empty();
	}

	private static int major(Path tool) throws Exception {
		Matcher version = Pattern.compile("\\) (\\d+)").matcher(run(tool.toString(), "--version"));
		return version.find() ? Integer.parseInt(version.group(1)) : 0;
	}

	private static String run(String... command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		byte[] output = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
		String text = new String(output, StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + text).isZero();
		return text;
	}

	/** Every table's rows, as PostgreSQL's binary COPY format, one file per table. */
	private static Path copyOut(Connection source, Path backup) throws Exception {
		Files.createDirectories(backup);
		CopyManager copy = source.unwrap(PGConnection.class).getCopyAPI();
		for (String table : tables(source)) {
			try (OutputStream out = Files.newOutputStream(backup.resolve(table + ".copy"))) {
				copy.copyOut("copy \"" + table + "\" to stdout (format binary)", out);
			}
		}
		return backup;
	}

	/**
	 * Creates the schema with the migrations, then loads every table's rows as they were
	 * (replacing the rows the migrations seed) and puts the sequences back where they
	 * stood.
	 */
	private static void copyIn(int port, String database, Path backup, Map<String, String> sequences) throws Exception {
		Flyway.configure()
			.dataSource("jdbc:postgresql://localhost:" + port + "/" + database, "postgres", null)
			.locations("classpath:db/migration")
			.load()
			.migrate();
		try (Connection target = connect(port, database); Statement statement = target.createStatement()) {
			target.setAutoCommit(false);
			// load in any order: foreign keys and triggers wait until the rows are all
			// there
			statement.execute("set session_replication_role = replica");
			List<String> tables = tables(target);
			statement.execute("truncate " + String.join(", ", tables.stream().map(t -> '"' + t + '"').toList()));
			CopyManager copy = target.unwrap(PGConnection.class).getCopyAPI();
			for (String table : tables) {
				try (InputStream in = Files.newInputStream(backup.resolve(table + ".copy"))) {
					copy.copyIn("copy \"" + table + "\" from stdin (format binary)", in);
				}
			}
			for (Map.Entry<String, String> sequence : sequences.entrySet()) {
				statement.execute("select setval('\"%s\"', %s, %s)".formatted(sequence.getKey(),
						Math.max(1, Long.parseLong(sequence.getValue())), !"0".equals(sequence.getValue())));
			}
			statement.execute("set session_replication_role = origin");
			target.commit();
		}
	}

}
