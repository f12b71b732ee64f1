package org.carecycle;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.carecycle.shared.Role;

/**
 * A visitor at one client address who reaches the running server through the council's
 * TLS-terminating proxy: every request carries {@code X-Forwarded-For} with the visitor's
 * address and {@code X-Forwarded-Proto: https}, as the proxy adds them. The session
 * cookie is kept by hand, since it is {@code Secure} and the hop from the proxy is plain
 * HTTP.
 */
public final class ThroughTheProxy {

	private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");

	private final String base;

	private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private String address;

	private String session;

	public ThroughTheProxy(int port, String address) {
		this.base = "http://localhost:" + port;
		this.address = address;
	}

	/** The same visitor, and session, now at another address. */
	public ThroughTheProxy movedTo(String address) {
		this.address = address;
		return this;
	}

	public ThroughTheProxy signedInAs(Role role) throws IOException, InterruptedException {
		HttpResponse<String> form = get("/sign-in");
		HttpResponse<String> result = post("/sign-in", Map.of("email", SignIn.DEMO_EMAILS.get(role), "password",
				SignIn.DEMO_PASSWORD, "_csrf", HttpVisitor.csrf(form.body())));
		String email = SignIn.DEMO_EMAILS.get(role);
		if (result.headers().firstValue("Location").orElse("").endsWith("/sign-in/code")) {
			HttpResponse<String> codePage = get("/sign-in/code");
			result = post("/sign-in/code",
					Map.of("code", SecondStep.freshCode(email), "_csrf", HttpVisitor.csrf(codePage.body())));
		}
		if (result.statusCode() != 302 || result.headers().firstValue("Location").orElse("").contains("sign-in")) {
			throw new IllegalStateException("Could not sign in as " + role + ": " + result.statusCode());
		}
		return this;
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return send(request(path).GET());
	}

	public HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
		String body = form.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Accept", "text/html")
			.header("X-Forwarded-For", this.address)
			.header("X-Forwarded-Proto", "https");
		if (this.session != null) {
			request.header("Cookie", "JSESSIONID=" + this.session);
		}
		return request;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		for (String cookie : response.headers().allValues("Set-Cookie")) {
			Matcher session = SESSION.matcher(cookie);
			if (session.lookingAt()) {
				this.session = session.group(1);
			}
		}
		return response;
	}

}
