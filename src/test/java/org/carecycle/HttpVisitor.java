package org.carecycle;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.carecycle.shared.Role;

/**
 * A visitor to the running server over real HTTP, with its own cookies, who asks for HTML
 * as a browser does. For tests of what happens in the servlet container rather than in
 * MockMvc.
 */
public final class HttpVisitor {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String base;

	private final HttpClient client;

	public HttpVisitor(int port) {
		this.base = "http://localhost:" + port;
		this.client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	public HttpVisitor signedInAs(Role role) throws IOException, InterruptedException {
		HttpResponse<String> form = get("/sign-in");
		HttpResponse<String> result = post("/sign-in", Map.of("email", SignIn.DEMO_EMAILS.get(role), "password",
				SignIn.DEMO_PASSWORD, "_csrf", csrf(form.body())));
		String email = SignIn.DEMO_EMAILS.get(role);
		if (result.headers().firstValue("Location").orElse("").endsWith("/sign-in/code")) {
			HttpResponse<String> codePage = get("/sign-in/code");
			result = post("/sign-in/code", Map.of("code", SecondStep.freshCode(email), "_csrf", csrf(codePage.body())));
		}
		if (result.statusCode() != 302 || result.headers().firstValue("Location").orElse("").contains("sign-in")) {
			throw new IllegalStateException("Could not sign in as " + role);
		}
		return this;
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.client.send(
				HttpRequest.newBuilder(URI.create(this.base + path)).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
	}

	public HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
		String body = form.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return this.client.send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Posts a form with a file of {@code size} bytes, as a browser does: multipart, with
	 * its length declared, streamed rather than held in memory. The file repeats
	 * {@code content}.
	 */
	public HttpResponse<String> postFile(String path, Map<String, String> fields, String field, String fileName,
			byte[] content, long size) throws IOException, InterruptedException {
		String boundary = "----CareCycleTest" + Long.toHexString(System.nanoTime());
		StringBuilder head = new StringBuilder();
		fields.forEach((name, value) -> head.append("--")
			.append(boundary)
			.append("\r\nContent-Disposition: form-data; name=\"")
			.append(name)
			.append("\"\r\n\r\n")
			.append(value)
			.append("\r\n"));
		head.append("--")
			.append(boundary)
			.append("\r\nContent-Disposition: form-data; name=\"")
			.append(field)
			.append("\"; filename=\"")
			.append(fileName)
			.append("\"\r\nContent-Type: text/csv\r\n\r\n");
		byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
		byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		java.util.function.Supplier<java.io.InputStream> body = () -> new java.io.SequenceInputStream(
				java.util.Collections.enumeration(List.of(new java.io.ByteArrayInputStream(start),
						new Repeating(content, size), new java.io.ByteArrayInputStream(end))));
		return this.client.send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Accept", "text/html")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(body),
					start.length + size + end.length))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** {@code size} bytes made of {@code content} over and over. */
	private static final class Repeating extends java.io.InputStream {

		private final byte[] content;

		private long left;

		private int position;

		Repeating(byte[] content, long size) {
			this.content = content;
			this.left = size;
		}

		@Override
		public int read() {
			byte[] one = new byte[1];
			return (read(one, 0, 1) < 0) ? -1 : (one[0] & 0xff);
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (this.left <= 0) {
				return -1;
			}
			int count = (int) Math.min(Math.min(length, this.left), this.content.length - this.position);
			System.arraycopy(this.content, this.position, buffer, offset, count);
			this.position = (this.position + count) % this.content.length;
			this.left -= count;
			return count;
		}

	}

	public static String csrf(String html) {
		Matcher matcher = CSRF.matcher(html);
		if (!matcher.find()) {
			throw new IllegalStateException("No CSRF token on the page");
		}
		return matcher.group(1);
	}

}
