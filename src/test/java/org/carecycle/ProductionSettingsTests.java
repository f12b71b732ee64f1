package org.carecycle;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The production profile will not start without the address people reach CareCycle at:
 * without it, addresses built from a request would name {@code localhost}, and links in
 * emails too.
 */
class ProductionSettingsTests {

	@Test
	void productionNeedsItsBaseUrl() {
		String database = EmbeddedPostgresTestInitializer.postgres().getJdbcUrl("postgres", "postgres");
		assertThatThrownBy(() -> new SpringApplicationBuilder(CareCycleApplication.class).run(
				"--spring.profiles.active=production", "--DATABASE_URL=" + database,
				"--spring.datasource.username=postgres", "--server.port=0"))
			.rootCause()
			.hasMessageContaining("BASE_URL");
	}

}
