package org.carecycle.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cookies are {@code Secure} whenever the request came over HTTPS, not only under the
 * production profile: here without it, behind a proxy whose forwarded headers the
 * operator said to trust ({@code FORWARDED_HEADERS=native}). Over plain HTTP (a
 * developer's machine) they are not, or the browser would drop them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "FORWARDED_HEADERS=native")
class SecureCookiesTests {

	@LocalServerPort
	int port;

	@Test
	void cookiesAreSecureWheneverTheRequestCameOverHttps() throws Exception {
		assertThat(cookies("/sign-in", "https")).as("the session cookie over HTTPS")
			.anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=").contains("; Secure"));
		assertThat(cookies("/services", "https")).as("the page to return to after signing in, over HTTPS")
			.isNotEmpty()
			.allSatisfy(cookie -> assertThat(cookie).contains("; Secure").contains("; HttpOnly"));
		assertThat(cookies("/sign-in", "http")).as("over plain HTTP")
			.anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=").doesNotContain("Secure"));
	}

	private List<String> cookies(String path, String protocol) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.header("Accept", "text/html")
				.header("X-Forwarded-Proto", protocol)
				.header("X-Forwarded-For", "192.0.2.60")
				.build(), HttpResponse.BodyHandlers.ofString());
		return response.headers().allValues("Set-Cookie");
	}

}
