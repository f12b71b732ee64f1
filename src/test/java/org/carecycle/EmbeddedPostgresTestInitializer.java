package org.carecycle;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Gives the tests one fresh embedded PostgreSQL per test JVM, in a temporary directory,
 * shared by every cached Spring context. Tests that bring their own database URL keep it.
 */
public class EmbeddedPostgresTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static EmbeddedPostgres postgres;

	public static synchronized EmbeddedPostgres postgres() {
		if (postgres == null) {
			try {
				// stopped after the Spring contexts have closed, not beside them: with
				// its own
				// hook the database went first, and each closing context then waited 30 s
				// for a connection
				postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
				SpringApplication.getShutdownHandlers().add(EmbeddedPostgresTestInitializer::stop);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return postgres;
	}

	private static void stop() {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String configured = context.getEnvironment().getProperty("spring.datasource.url");
		if (configured != null && !configured.isBlank()) {
			return;
		}
		if (!context.getEnvironment().getProperty("carecycle.test.shared-database", Boolean.class, true)) {
			return;
		}
		TestPropertyValues
			.of("spring.datasource.url=" + postgres().getJdbcUrl("postgres", "postgres"),
					"spring.datasource.username=postgres")
			.applyTo(context);
	}

}
