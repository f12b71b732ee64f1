package org.carecycle.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.carecycle.CareCycleApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The demo county's sign-ins share a password published in the README, and one of them is
 * an administrator: they are loaded only on the embedded database or when asked for, and
 * never in production.
 */
class DemoModeTests {

	@Test
	void theDemoIsLoadedOnTheEmbeddedDatabaseOrWhenAskedForAndNeverInProduction() {
		assertThat(demoMode(new MockEnvironment())).as("the embedded database").isTrue();
		assertThat(demoMode(realDatabase())).as("a real database").isFalse();
		assertThat(demoMode(realDatabase().withProperty("carecycle.demo.enabled", "true")))
			.as("a real database, CARECYCLE_DEMO=true")
			.isTrue();
		assertThat(demoMode(new MockEnvironment().withProperty("carecycle.demo.enabled", "false")))
			.as("the embedded database, CARECYCLE_DEMO=false")
			.isFalse();
		MockEnvironment production = new MockEnvironment();
		production.setActiveProfiles("production");
		assertThat(demoMode(production)).as("the production profile, even on the embedded database").isFalse();
	}

	@Test
	void productionRefusesToStartWhenTheDemoIsAskedFor() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new SpringApplicationBuilder(CareCycleApplication.class)
				.run("--spring.profiles.active=production", "--carecycle.demo.enabled=true", "--server.port=0"))
			.withMessageContaining("CARECYCLE_DEMO is true but the production profile is active");
	}

	@Test
	void aRealDatabaseGetsNoDemoAccountsUnlessAskedFor() throws Exception {
		try (EmbeddedPostgres council = EmbeddedPostgres.builder().start();
				ConfigurableApplicationContext app = new SpringApplicationBuilder(CareCycleApplication.class).run(
						"--DATABASE_URL=" + council.getJdbcUrl("postgres", "postgres"),
						"--spring.datasource.username=postgres", "--server.port=0")) {
			JdbcClient jdbc = JdbcClient.create(council.getPostgresDatabase());
			assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single())
				.as("accounts on a new real database")
				.isZero();
			assertThat(jdbc.sql("select count(*) from provider").query(Long.class).single())
				.as("demo providers on a new real database")
				.isZero();
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			HttpResponse<String> signIn = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sign-in")).build(),
						HttpResponse.BodyHandlers.ofString());
			assertThat(signIn.statusCode()).isEqualTo(200);
			assertThat(signIn.body()).doesNotContainIgnoringCase("demo");
		}
	}

	private static MockEnvironment realDatabase() {
		return new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db.example:5432/care");
	}

	private static boolean demoMode(MockEnvironment environment) {
		new DemoModeEnvironmentPostProcessor().postProcessEnvironment(environment, null);
		return environment.getProperty(DemoModeEnvironmentPostProcessor.ENABLED, Boolean.class);
	}

}
