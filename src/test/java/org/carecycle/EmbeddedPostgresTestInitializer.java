package org.carecycle;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

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
				postgres = EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return postgres;
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
