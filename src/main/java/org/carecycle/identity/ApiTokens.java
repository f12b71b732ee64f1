package org.carecycle.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.carecycle.shared.ProviderId;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.shared.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tokens with which a provider's own systems call CareCycle's API on the provider's
 * behalf. A token is 32 random bytes, shown once when it is made; only its SHA-256 hash
 * is kept, so a copy of the database does not give anyone a working token. A token acts
 * as a provider user of its organisation: it sees and sends only that provider's records.
 */
@Service
public class ApiTokens {

	/**
	 * What every token starts with, so that one found in a log or a repository is
	 * recognised.
	 */
	public static final String PREFIX = "cc_";

	/** How often the last-used time is written: not at every call. */
	private static final Duration USE_RESOLUTION = Duration.ofMinutes(5);

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	ApiTokens(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** A token as listed: never the token itself. */
	public record ApiToken(UUID id, String name, String tokenPrefix, String createdByName, Instant createdAt,
			Instant lastUsedAt, Instant revokedAt) {

		public boolean isRevoked() {
			return this.revokedAt != null;
		}

	}

	/** A token just made: the only time its secret is known. */
	public record Issued(UUID id, String name, String secret) {
	}

	/** Makes a token for the signed-in provider user's organisation. */
	@Transactional
	public Issued issue(SignedInUser by, String name) {
		ProviderId provider = by.provider()
			.orElseThrow(() -> new IllegalStateException("Only a provider's own users can make API tokens"));
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into api_token (id, provider_id, name, token_hash, token_prefix, created_by, created_at)
				values (:id, :provider, :name, :hash, :prefix, :by, :now)""")
			.param("id", id)
			.param("provider", provider.value())
			.param("name", name.strip())
			.param("hash", hash(secret))
			.param("prefix", secret.substring(0, 9))
			.param("by", by.id())
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		this.audit.record(AuditAction.CREATED, "ApiToken", id, "API token made: " + name.strip());
		return new Issued(id, name.strip(), secret);
	}

	/** The tokens of a provider organisation, newest first. */
	public List<ApiToken> of(ProviderId provider) {
		return this.jdbc.sql("""
				select t.id, t.name, t.token_prefix, u.display_name as created_by_name, t.created_at, t.last_used_at,
				       t.revoked_at
				from api_token t join app_user u on u.id = t.created_by
				where t.provider_id = :provider order by t.revoked_at is not null, t.created_at desc""")
			.param("provider", provider.value())
			.query(ApiToken.class)
			.list();
	}

	/** Stops a token working at once. Another organisation's token is not found. */
	@Transactional
	public void revoke(SignedInUser by, UUID id) {
		ProviderId provider = by.provider().orElseThrow(() -> new RecordNotFoundException("No such token"));
		int changed = this.jdbc.sql("""
				update api_token set revoked_at = :now, revoked_by = :by
				where id = :id and provider_id = :provider and revoked_at is null""")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("by", by.id())
			.param("id", id)
			.param("provider", provider.value())
			.update();
		if (changed == 0) {
			throw new RecordNotFoundException("No such token");
		}
		this.audit.record(AuditAction.CHANGED, "ApiToken", id, "API token revoked");
	}

	/**
	 * The user a token acts as, when it is a live token of an enabled provider: the
	 * provider's organisation, named after the token, and recorded as the person who made
	 * it.
	 */
	@Transactional
	public Optional<SignedInUser> authenticate(String secret) {
		if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				select t.id, t.name, t.provider_id, t.last_used_at, t.created_by, u.email
				from api_token t join app_user u on u.id = t.created_by
				where t.token_hash = :hash and t.revoked_at is null""").param("hash", hash(secret)).query((rs, n) -> {
			Timestamp used = rs.getTimestamp("last_used_at");
			if (used == null || used.toInstant().plus(USE_RESOLUTION).isBefore(now)) {
				this.jdbc.sql("update api_token set last_used_at = :now where id = :id")
					.param("now", Timestamp.from(now))
					.param("id", rs.getObject("id", UUID.class))
					.update();
			}
			return new SignedInUser(rs.getObject("created_by", UUID.class), rs.getString("email"),
					"API token " + rs.getString("name"), Role.PROVIDER,
					new ProviderId(rs.getObject("provider_id", UUID.class)));
		}).optional();
	}

	static String hash(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
