package org.carecycle.identity;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small but real OpenID Connect provider for tests, as GreenMail is a real SMTP server:
 * discovery, an authorisation endpoint that signs in whichever person the test chose, a
 * token endpoint that issues RS256-signed ID tokens, the signing keys and user info. It
 * speaks the protocol over HTTP; CareCycle's client code runs unchanged against it.
 */
final class OpenIdProvider implements AutoCloseable {

	static final String CLIENT_ID = "carecycle";

	static final String CLIENT_SECRET = "test-secret";

	private final HttpServer server;

	private final RSAKey key;

	private final Map<String, Map<String, String>> codes = new ConcurrentHashMap<>();

	private final Map<String, String> accessTokens = new ConcurrentHashMap<>();

	private volatile String nextEmail = "nobody@example.org";

	OpenIdProvider() throws Exception {
		this.key = new RSAKeyGenerator(2048).keyID("test-key").generate();
		this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		this.server.createContext("/.well-known/openid-configuration", this::discovery);
		this.server.createContext("/authorize", this::authorize);
		this.server.createContext("/token", this::token);
		this.server.createContext("/jwks", this::jwks);
		this.server.createContext("/userinfo", this::userInfo);
		this.server.start();
	}

	String issuer() {
		return "http://localhost:" + this.server.getAddress().getPort();
	}

	/** The person who signs in at the provider next. */
	void willSignIn(String email) {
		this.nextEmail = email;
	}

	private void discovery(HttpExchange exchange) throws IOException {
		String issuer = issuer();
		json(exchange, 200, """
				{"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
				 "jwks_uri":"%1$s/jwks","userinfo_endpoint":"%1$s/userinfo","response_types_supported":["code"],
				 "subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256"],
				 "scopes_supported":["openid","email","profile"],
				 "token_endpoint_auth_methods_supported":["client_secret_basic","client_secret_post"]}"""
			.formatted(issuer));
	}

	private void authorize(HttpExchange exchange) throws IOException {
		Map<String, String> query = parameters(exchange.getRequestURI().getRawQuery());
		if (!CLIENT_ID.equals(query.get("client_id")) || !"code".equals(query.get("response_type"))) {
			json(exchange, 400, "{\"error\":\"invalid_request\"}");
			return;
		}
		String code = UUID.randomUUID().toString();
		this.codes.put(code, Map.of("email", this.nextEmail, "nonce", query.getOrDefault("nonce", ""), "redirect",
				query.get("redirect_uri")));
		String location = query.get("redirect_uri") + "?code=" + code + "&state="
				+ URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Location", location);
		exchange.sendResponseHeaders(302, -1);
		exchange.close();
	}

	private void token(HttpExchange exchange) throws IOException {
		Map<String, String> form = parameters(
				new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		Map<String, String> grant = this.codes.remove(form.getOrDefault("code", ""));
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		boolean clientAuthenticated = authorization != null
				&& authorization.equals("Basic " + java.util.Base64.getEncoder()
					.encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)));
		if (grant == null || !clientAuthenticated || !grant.get("redirect").equals(form.get("redirect_uri"))) {
			json(exchange, 400, "{\"error\":\"invalid_grant\"}");
			return;
		}
		try {
			Instant now = Instant.now();
			JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer())
				.subject("subject-" + grant.get("email"))
				.audience(List.of(CLIENT_ID))
				.issueTime(Date.from(now))
				.expirationTime(Date.from(now.plusSeconds(300)))
				.claim("nonce", grant.get("nonce"))
				.claim("email", grant.get("email"))
				.claim("preferred_username", grant.get("email"))
				.build();
			SignedJWT idToken = new SignedJWT(
					new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.key.getKeyID()).build(), claims);
			idToken.sign(new RSASSASigner(this.key));
			String accessToken = UUID.randomUUID().toString();
			this.accessTokens.put(accessToken, grant.get("email"));
			json(exchange, 200,
					"""
							{"access_token":"%s","token_type":"Bearer","expires_in":300,"scope":"openid email profile","id_token":"%s"}"""
						.formatted(accessToken, idToken.serialize()));
		}
		catch (Exception ex) {
			json(exchange, 500, "{\"error\":\"server_error\"}");
		}
	}

	private void jwks(HttpExchange exchange) throws IOException {
		json(exchange, 200, new JWKSet(this.key.toPublicJWK()).toString());
	}

	private void userInfo(HttpExchange exchange) throws IOException {
		String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
		String email = this.accessTokens.get(authorization.replace("Bearer ", ""));
		if (email == null) {
			json(exchange, 401, "{\"error\":\"invalid_token\"}");
			return;
		}
		json(exchange, 200, "{\"sub\":\"subject-%1$s\",\"email\":\"%1$s\"}".formatted(email));
	}

	private static void json(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	static Map<String, String> parameters(String query) {
		Map<String, String> parameters = new HashMap<>();
		if (query == null || query.isEmpty()) {
			return parameters;
		}
		for (String pair : query.split("&")) {
			String[] parts = pair.split("=", 2);
			parameters.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
					(parts.length > 1) ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
		}
		return parameters;
	}

	static URI location(java.net.http.HttpResponse<?> response) {
		return URI.create(response.headers().firstValue("Location").orElseThrow());
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
