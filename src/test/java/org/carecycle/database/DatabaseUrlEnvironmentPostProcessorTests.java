package org.carecycle.database;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DatabaseUrlEnvironmentPostProcessorTests {

	@Test
	void turnsAPlatformUrlIntoJdbcSettings() {
		var properties = DatabaseUrlEnvironmentPostProcessor
			.toJdbcProperties("postgres://care%40cycle:s3cr%2Ft@db.example.org:6543/carecycle?sslmode=require");
		assertThat(properties).containsEntry("spring.datasource.url",
				"jdbc:postgresql://db.example.org:6543/carecycle?sslmode=require");
		assertThat(properties).containsEntry("spring.datasource.username", "care@cycle");
		assertThat(properties).containsEntry("spring.datasource.password", "s3cr/t");
	}

	@Test
	void refusesOtherDatabases() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DatabaseUrlEnvironmentPostProcessor.toJdbcProperties("mysql://db/carecycle"));
	}

}
