package org.carecycle.identity;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on, switched on by configuration, against a real OpenID Connect provider
 * running in the test: a person the council has added signs in without a password; a
 * person it has not added is turned away with a message.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SingleSignOnTests {

	static final OpenIdProvider provider = start();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void singleSignOn(DynamicPropertyRegistry registry) {
		registry.add("carecycle.oidc.enabled", () -> "true");
		String registration = "spring.security.oauth2.client.registration.entra.";
		registry.add(registration + "client-id", () -> OpenIdProvider.CLIENT_ID);
		registry.add(registration + "client-secret", () -> OpenIdProvider.CLIENT_SECRET);
		registry.add(registration + "scope", () -> "openid,email,profile");
		registry.add("spring.security.oauth2.client.provider.entra.issuer-uri", provider::issuer);
	}

	@AfterAll
	static void stop() {
		provider.close();
	}

	@Test
	void offersSingleSignOnOnTheSignInPage() throws Exception {
		HttpResponse<String> page = client().send(request("/sign-in"), HttpResponse.BodyHandlers.ofString());
		assertThat(page.body()).contains("Sign in with your work account", "href=\"/oauth2/authorization/entra\"");
	}

	/**
	 * The identity provider asks for any second factor: an administrator signing in with
	 * their work account is not asked for CareCycle's (ADR 0023).
	 */
	@Test
	void anAdministratorWithSingleSignOnIsNotAskedForACode() throws Exception {
		provider.willSignIn("admin@carecycle.example");
		HttpClient browser = client();
		HttpResponse<String> home = signIn(browser);
		assertThat(home.uri().getPath()).isEqualTo("/");
		HttpResponse<String> page = browser.send(request("/admin/users"), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.uri().getPath()).isEqualTo("/admin/users");
	}

	@Test
	void aPersonTheCouncilAddedSignsInWithTheirWorkAccount() throws Exception {
		provider.willSignIn("QA.Officer@carecycle.example");
		HttpClient browser = client();
		HttpResponse<String> home = signIn(browser);
		assertThat(home.uri().getPath()).isEqualTo("/");
		HttpResponse<String> page = browser.send(request("/"), HttpResponse.BodyHandlers.ofString());
		assertThat(page.body()).contains("Welcome, Morwenna Hicks", "href=\"/services\"");
		long recorded = this.jdbc
			.sql("""
					select count(*) from audit_event where action = 'SIGNED_IN' and summary = 'Signed in with single sign-on'
					and actor_name like '%qa.officer@carecycle.example%'""")
			.query(Long.class)
			.single();
		assertThat(recorded).isPositive();
	}

	@Test
	void someoneWithoutAnAccountIsTurnedAway() throws Exception {
		provider.willSignIn("stranger@example.org");
		HttpClient browser = client();
		HttpResponse<String> landing = signIn(browser);
		assertThat(landing.uri().toString()).endsWith("/sign-in?error=no-account");
		assertThat(landing.body()).contains("There is no CareCycle account for your work account");
		HttpResponse<String> services = browser.send(request("/services"), HttpResponse.BodyHandlers.ofString());
		assertThat(services.statusCode()).isEqualTo(302);
	}

	/**
	 * Follows the redirects a browser would: to the provider, back with a code, then
	 * home.
	 */
	private HttpResponse<String> signIn(HttpClient browser) throws Exception {
		URI next = URI.create("http://localhost:" + this.port + "/oauth2/authorization/entra");
		for (int hop = 0; hop < 6; hop++) {
			HttpResponse<String> response = browser.send(
					HttpRequest.newBuilder(next).header("Accept", "text/html").build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 302) {
				return response;
			}
			next = next.resolve(OpenIdProvider.location(response));
		}
		throw new IllegalStateException("Too many redirects");
	}

	private HttpRequest request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "text/html")
			.build();
	}

	private static HttpClient client() {
		return HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	private static OpenIdProvider start() {
		try {
			return new OpenIdProvider();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
