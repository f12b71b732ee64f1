package org.carecycle.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.catalina.Context;
import org.carecycle.HttpVisitor;
import org.carecycle.ServerTest;
import org.carecycle.SignIn;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an anonymous visitor costs the server and what a forged Host header can do, on a
 * real server: reading the public pages opens no session (one is made only once a form is
 * started), and no redirect ever sends a browser to a host the request named.
 */
@ServerTest
class AnonymousVisitorsTests {

	private static final String ATTACKER = "attacker.example";

	@LocalServerPort
	int port;

	@Autowired
	WebServerApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Test
	void readingThePublicPagesOpensNoSession() throws Exception {
		String service = this.jdbc.sql("""
				select cast(s.id as text) from care_service s where s.status = 'ACTIVE' and exists (select 1 from
				contract c where c.care_service_id = s.id and c.starts_on <= current_date and c.ends_on >= current_date)
				order by s.id limit 1""").query(String.class).single();
		List<String> pages = List.of("/", "/directory", "/directory?q=care", "/directory/services/" + service,
				"/accessibility", "/cookies", "/privacy", "/tell-us", "/tell-us/emergency", "/no-such-page",
				"/directory/services/not-an-id");
		int before = activeSessions();
		for (String page : pages) {
			HttpResponse<String> response = new HttpVisitor(this.port).get(page);
			assertThat(response.statusCode()).as(page).isIn(200, 302, 404);
			assertThat(response.headers().allValues("Set-Cookie")).as("cookies set by " + page)
				.noneMatch(cookie -> cookie.startsWith("JSESSIONID="));
		}
		assertThat(activeSessions()).as("sessions on the server after %d anonymous page views", pages.size())
			.isEqualTo(before);
	}

	@Test
	void startingThePublicFormOpensASession() throws Exception {
		HttpResponse<String> firstQuestion = new HttpVisitor(this.port).get("/tell-us/kind");
		assertThat(firstQuestion.headers().allValues("Set-Cookie")).as("the form's answers are kept in a session")
			.anyMatch(cookie -> cookie.startsWith("JSESSIONID="));
	}

	@Test
	void noRedirectNamesTheHostTheRequestGave() throws Exception {
		List<String> locations = new ArrayList<>();
		locations.add(location(raw("GET", "/services", ATTACKER, Map.of(), "")));
		locations.add(location(raw("GET", "/tell-us/sent", ATTACKER, Map.of(), "")));
		locations.add(location(raw("GET", "/services", "localhost", Map.of("X-Forwarded-Host", ATTACKER), "")));
		locations.add(location(raw("GET", "/tell-us/check", ATTACKER, Map.of(), "")));
		assertThat(locations).as("every one of these is a redirect").doesNotContainNull();
		assertThat(locations).allSatisfy(location -> assertThat(location).doesNotContain(ATTACKER));
	}

	@Test
	void signingInReturnsToTheConfiguredHostNotTheOneTheRequestGave() throws Exception {
		String asked = raw("GET", "/services", ATTACKER, Map.of(), "");
		String form = raw("GET", "/sign-in", ATTACKER, Map.of("Cookie", cookies(asked)), "");
		String cookies = cookies(asked) + "; " + cookies(form);
		String signedIn = raw("POST", "/sign-in", ATTACKER,
				Map.of("Cookie", cookies, "Content-Type", "application/x-www-form-urlencoded"),
				"email=" + SignIn.DEMO_EMAILS.get(Role.COMMISSIONER).replace("@", "%40") + "&password="
						+ SignIn.DEMO_PASSWORD + "&_csrf=" + HttpVisitor.csrf(form));
		assertThat(location(signedIn)).as("back to the page asked for").isNotNull().contains("/services");
		assertThat(location(signedIn)).doesNotContain(ATTACKER);
	}

	private int activeSessions() {
		TomcatWebServer server = (TomcatWebServer) this.context.getWebServer();
		return ((Context) server.getTomcat().getHost().findChildren()[0]).getManager().getActiveSessions();
	}

	/**
	 * A request written by hand: the JDK's client will not send a Host header it did not
	 * choose.
	 */
	private String raw(String method, String path, String host, Map<String, String> headers, String body)
			throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + host
					+ "\r\nAccept: text/html\r\nConnection: close\r\n");
			headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
			byte[] content = body.getBytes(StandardCharsets.UTF_8);
			if (!method.equals("GET")) {
				request.append("Content-Length: ").append(content.length).append("\r\n");
			}
			request.append("\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(content);
			out.flush();
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			StringBuilder response = new StringBuilder();
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				response.append(line).append('\n');
			}
			return response.toString();
		}
	}

	private static String location(String response) {
		return header(response, "Location");
	}

	/** The cookies a response sets, as a {@code Cookie} header sends them back. */
	private static String cookies(String response) {
		List<String> cookies = new ArrayList<>();
		for (String line : response.split("\n")) {
			if (line.isEmpty()) {
				break;
			}
			if (line.regionMatches(true, 0, "Set-Cookie:", 0, 11)) {
				cookies.add(line.substring(11).trim().split(";")[0]);
			}
		}
		return String.join("; ", cookies);
	}

	private static String header(String response, String name) {
		for (String line : response.split("\n")) {
			if (line.isEmpty()) {
				return null;
			}
			if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
				return line.substring(name.length() + 1).trim();
			}
		}
		return null;
	}

}
