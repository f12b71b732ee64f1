package org.carecycle.database;

import java.lang.reflect.Field;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default run's database: an embedded PostgreSQL that keeps what users entered across
 * restarts, writes durably, survives a killed JVM and steps aside when a server is named.
 */
class EmbeddedPostgresConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(EmbeddedPostgresConfiguration.class);

	@TempDir
	Path directory;

	@Test
	void keepsDataAcrossRestartsWithDurableWrites() throws Exception {
		this.runner.withPropertyValues("carecycle.embedded-postgres.data-directory=" + this.directory).run(context -> {
			try (Connection connection = connect(context.getBean(JdbcConnectionDetails.class));
					Statement statement = connection.createStatement()) {
				statement.execute("create table note (text varchar(100))");
				statement.execute("insert into note values ('kept')");
				assertThat(setting(statement, "fsync")).isEqualTo("on");
				assertThat(setting(statement, "synchronous_commit")).isEqualTo("on");
				assertThat(setting(statement, "full_page_writes")).isEqualTo("on");
			}
		});
		this.runner.withPropertyValues("carecycle.embedded-postgres.data-directory=" + this.directory).run(context -> {
			try (Connection connection = connect(context.getBean(JdbcConnectionDetails.class));
					Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("select text from note")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getString(1)).isEqualTo("kept");
			}
		});
	}

	@Test
	void stopsPostgresWhenTheApplicationStops() throws Exception {
		long[] pid = new long[1];
		this.runner.withPropertyValues("carecycle.embedded-postgres.data-directory=" + this.directory)
			.run(context -> pid[0] = Long
				.parseLong(java.nio.file.Files.readAllLines(this.directory.resolve("postmaster.pid")).get(0).trim()));
		ProcessHandle.of(pid[0]).ifPresent(process -> process.onExit().orTimeout(20, TimeUnit.SECONDS).join());
		assertThat(ProcessHandle.of(pid[0]).map(ProcessHandle::isAlive).orElse(false)).isFalse();
	}

	@Test
	void takesOverFromAServerLeftRunningByAKilledJvm() throws Exception {
		EmbeddedPostgres orphan = EmbeddedPostgres.builder()
			.setDataDirectory(this.directory)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.start();
		try (Connection connection = orphan.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create table survivor (id int)");
		}
		releaseLockAsIfTheJvmHadDied(orphan);
		this.runner.withPropertyValues("carecycle.embedded-postgres.data-directory=" + this.directory).run(context -> {
			assertThat(context).hasNotFailed();
			try (Connection connection = connect(context.getBean(JdbcConnectionDetails.class));
					Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("select count(*) from survivor")) {
				assertThat(rows.next()).isTrue();
			}
		});
	}

	@Test
	void stepsAsideWhenADatabaseUrlIsGiven() {
		this.runner.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example.org/carecycle")
			.run(context -> assertThat(context).doesNotHaveBean(EmbeddedPostgres.class));
	}

	@Test
	void refusesToStartInAProfileThatForbidsIt() {
		this.runner
			.withPropertyValues("carecycle.embedded-postgres.data-directory=" + this.directory,
					"carecycle.embedded-postgres.enabled=false")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("Set DATABASE_URL to the PostgreSQL server"));
	}

	/**
	 * A killed JVM loses its file locks but leaves PostgreSQL running; here the orphan
	 * lives in this JVM, so its lock on the data directory is released by hand.
	 */
	private static void releaseLockAsIfTheJvmHadDied(EmbeddedPostgres orphan) throws Exception {
		Field lock = EmbeddedPostgres.class.getDeclaredField("lock");
		lock.setAccessible(true);
		((FileLock) lock.get(orphan)).release();
		Field stream = EmbeddedPostgres.class.getDeclaredField("lockStream");
		stream.setAccessible(true);
		((java.io.FileOutputStream) stream.get(orphan)).close();
	}

	private static Connection connect(JdbcConnectionDetails details) throws Exception {
		return DriverManager.getConnection(details.getJdbcUrl(), details.getUsername(), details.getPassword());
	}

	private static String setting(Statement statement, String name) throws Exception {
		try (ResultSet result = statement.executeQuery("show " + name)) {
			result.next();
			return result.getString(1);
		}
	}

}
