package org.carecycle;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code production} profile as it runs behind the council's TLS-terminating proxy:
 * the session cookie only ever travels over HTTPS and is out of reach of scripts and
 * other sites, browsers are told to use nothing but HTTPS, every page forbids framing,
 * sniffing and inline script, and the throttles and the audit log see the client's
 * address that the proxy forwards, not the proxy's own.
 */
@ProductionServerTest
class ProductionProfileTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theSessionCookieIsSecureHttpOnlyAndSameSiteLax() throws Exception {
		HttpResponse<String> signIn = new ThroughTheProxy(this.port, "203.0.113.40").get("/sign-in");
		assertThat(signIn.statusCode()).isEqualTo(200);
		String cookie = signIn.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(value -> value.startsWith("JSESSIONID="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No session cookie: " + signIn.headers().map()));
		assertThat(cookie.split(";\\s*")).contains("Secure", "HttpOnly", "SameSite=Lax", "Path=/");
	}

	@Test
	void browsersAreToldToUseOnlyHttpsWhenTheProxyReceivedHttps() throws Exception {
		HttpResponse<String> secure = new ThroughTheProxy(this.port, "203.0.113.41").get("/");
		assertThat(secure.headers().firstValue("Strict-Transport-Security"))
			.hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age=31536000", "includeSubDomains"));

		HttpResponse<String> plain = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/"))
				.header("X-Forwarded-For", "203.0.113.41")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(plain.statusCode()).isEqualTo(200);
		assertThat(plain.headers().firstValue("Strict-Transport-Security"))
			.as("HSTS is only ever sent over HTTPS, so it follows the forwarded protocol")
			.isEmpty();
	}

	@Test
	void everyPageForbidsFramingSniffingAndInlineScript() throws Exception {
		ThroughTheProxy visitor = new ThroughTheProxy(this.port, "203.0.113.42");
		for (String path : new String[] { "/", "/directory", "/sign-in", "/directory/services/not-an-id" }) {
			HttpResponse<String> page = visitor.get(path);
			assertThat(page.headers().firstValue("Content-Security-Policy")).as(path)
				.hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'")
					.doesNotContain("unsafe-inline"));
			assertThat(page.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
			assertThat(page.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
			assertThat(page.headers().firstValue("Referrer-Policy")).as(path)
				.contains("strict-origin-when-cross-origin");
		}
	}

	@Test
	void signingInKeepsThePersonOnHttps() throws Exception {
		ThroughTheProxy visitor = new ThroughTheProxy(this.port, "203.0.113.43");
		HttpResponse<String> form = visitor.get("/sign-in");
		HttpResponse<String> signedIn = visitor.post("/sign-in",
				Map.of("email", SignIn.DEMO_EMAILS.get(Role.COMMISSIONER), "password", SignIn.DEMO_PASSWORD, "_csrf",
						HttpVisitor.csrf(form.body())));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).as("never sent back to plain HTTP").doesNotStartWith("http:"));
		String before = sessionCookie(form);
		String after = sessionCookie(signedIn);
		assertThat(after.split(";\\s*")).as("still Secure, HttpOnly and SameSite=Lax")
			.contains("Secure", "HttpOnly", "SameSite=Lax");
		assertThat(after.split(";")[0]).as("a new session id at sign-in, against session fixation")
			.isNotEqualTo(before.split(";")[0]);
	}

	private static String sessionCookie(HttpResponse<String> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(value -> value.startsWith("JSESSIONID="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No session cookie: " + response.headers().map()));
	}

	@Test
	void theThrottlesAndTheAuditLogSeeTheClientsAddressNotTheProxys() throws Exception {
		ThroughTheProxy visitor = new ThroughTheProxy(this.port, "203.0.113.44");
		HttpResponse<String> form = visitor.get("/sign-in");
		visitor.post("/sign-in", Map.of("email", "nobody@example.org", "password", "not the password", "_csrf",
				HttpVisitor.csrf(form.body())));
		assertThat(this.jdbc.sql("select attempts from sign_in_attempts where subject = 'address:203.0.113.44'")
			.query(Integer.class)
			.single()).as("the sign-in throttle counts the client's address").isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from audit_event where client_address = '203.0.113.44'")
			.query(Long.class)
			.single()).as("the audit log records it").isPositive();
	}

}
