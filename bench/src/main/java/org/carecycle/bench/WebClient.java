package org.carecycle.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser: its own HTTP client, connection and cookies (so its own session), no
 * redirects followed (a redirect to the sign-in page is an error, not a page).
 */
final class WebClient {

	static final String PASSWORD = "Demo-CareCycle-2026";

	private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private static final Pattern META_TOKEN = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");

	private final HttpClient http;

	private final String base;

	private String csrf;

	WebClient(String base) {
		this.base = base;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.cookieHandler(new CookieManager())
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	/** Signs in with the demo password; fails unless the answer is 302 to /. */
	WebClient signIn(String email) throws IOException, InterruptedException {
		HttpResponse<String> form = get("/sign-in");
		if (form.statusCode() != 200) {
			throw new IllegalStateException("GET /sign-in answered " + form.statusCode());
		}
		String token = find(FORM_TOKEN, form.body(), "the sign-in form's CSRF token");
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("email", email);
		fields.put("password", PASSWORD);
		fields.put("_csrf", token);
		String body = fields.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpResponse<String> answer = this.http.send(
				HttpRequest.newBuilder(URI.create(this.base + "/sign-in"))
					.timeout(Duration.ofSeconds(60))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		String location = answer.headers().firstValue("Location").orElse("");
		if (answer.statusCode() != 302 || !(location.equals("/") || location.equals(this.base + "/"))) {
			throw new IllegalStateException(
					"Signing in as " + email + " answered " + answer.statusCode() + " to '" + location + "'");
		}
		// The token changes at sign-in: take the session's new one from a page.
		HttpResponse<String> home = get("/");
		if (home.statusCode() != 200) {
			throw new IllegalStateException("GET / after signing in as " + email + " answered " + home.statusCode());
		}
		this.csrf = find(META_TOKEN, home.body(), "the page's csrf-token meta tag");
		return this;
	}

	/**
	 * Opens an anonymous session: GETs a page and keeps the session's CSRF token from its
	 * csrf-token meta tag or a form's hidden _csrf field. Fails unless the answer is 200.
	 */
	WebClient openSession(String path) throws IOException, InterruptedException {
		HttpResponse<String> page = get(path);
		if (page.statusCode() != 200) {
			throw new IllegalStateException("GET " + path + " answered " + page.statusCode());
		}
		this.csrf = META_TOKEN.matcher(page.body()).find() ? find(META_TOKEN, page.body(), "the csrf-token meta tag")
				: find(FORM_TOKEN, page.body(), "the page's CSRF token");
		return this;
	}

	/**
	 * Posts a form (application/x-www-form-urlencoded) with the session's CSRF token;
	 * redirects are not followed.
	 */
	HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
		StringBuilder body = new StringBuilder("_csrf=").append(URLEncoder.encode(this.csrf, StandardCharsets.UTF_8));
		fields.forEach((name, value) -> body.append('&')
			.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return this.http.send(
				HttpRequest.newBuilder(URI.create(this.base + path))
					.timeout(Duration.ofSeconds(120))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
					.build(),
				HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.base + path)).timeout(Duration.ofSeconds(120)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** A GET whose body is read and counted, for the load generator. */
	HttpResponse<byte[]> fetch(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.base + path)).timeout(Duration.ofSeconds(120)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	/** Posts a file as multipart/form-data with the session's CSRF token. */
	HttpResponse<String> upload(String path, Map<String, String> fields, String fileField, Path file)
			throws IOException, InterruptedException {
		String boundary = "----carecycle-bench-" + UUID.randomUUID();
		StringBuilder head = new StringBuilder();
		Map<String, String> all = new LinkedHashMap<>();
		all.put("_csrf", this.csrf);
		all.putAll(fields);
		all.forEach((name, value) -> head.append("--")
			.append(boundary)
			.append("\r\nContent-Disposition: form-data; name=\"")
			.append(name)
			.append("\"\r\n\r\n")
			.append(value)
			.append("\r\n"));
		head.append("--")
			.append(boundary)
			.append("\r\nContent-Disposition: form-data; name=\"")
			.append(fileField)
			.append("\"; filename=\"")
			.append(file.getFileName())
			.append("\"\r\nContent-Type: text/csv\r\n\r\n");
		String tail = "\r\n--" + boundary + "--\r\n";
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofMinutes(10))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("X-CSRF-TOKEN", this.csrf)
			.POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head.toString()),
					HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofString(tail)))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static String find(Pattern pattern, String html, String what) {
		Matcher matcher = pattern.matcher(html);
		if (!matcher.find()) {
			throw new IllegalStateException("Could not find " + what);
		}
		return matcher.group(1).replace("&#45;", "-").replace("&amp;", "&");
	}

}
