package org.carecycle.identity;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.encrypt.TextEncryptor;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Encrypts authenticator keys at rest with AES-256-GCM (Spring Security's
 * {@link Encryptors#delux}), under the key in
 * {@code carecycle.second-factor.encryption-key}. Without one (the demo and the embedded
 * run) a key is generated once and kept in the database, which protects nothing against
 * someone who has the database: the production profile refuses to start without a
 * configured key.
 */
@Component
class SecondFactorKeys {

	private static final Logger log = LoggerFactory.getLogger(SecondFactorKeys.class);

	/** The key derivation's salt; the secrecy is all in the configured key. */
	private static final String SALT = "6361726563796c65";

	private final String configured;

	private final JdbcClient jdbc;

	private final Clock clock;

	private volatile TextEncryptor encryptor;

	SecondFactorKeys(@Value("${carecycle.second-factor.encryption-key:}") String configured,
			@Value("${carecycle.second-factor.require-encryption-key:false}") boolean required, JdbcClient jdbc,
			Clock clock) {
		if (!StringUtils.hasText(configured) && required) {
			throw new IllegalStateException("Set carecycle.second-factor.encryption-key "
					+ "(SECOND_FACTOR_ENCRYPTION_KEY): at least 32 random characters that encrypt the "
					+ "authenticator keys (see docs/security.md)");
		}
		if (StringUtils.hasText(configured) && configured.length() < 32) {
			throw new IllegalStateException("carecycle.second-factor.encryption-key must be at least 32 characters");
		}
		this.configured = configured;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	String encrypt(String authenticatorKey) {
		return encryptor().encrypt(authenticatorKey);
	}

	String decrypt(String encrypted) {
		return encryptor().decrypt(encrypted);
	}

	private TextEncryptor encryptor() {
		TextEncryptor current = this.encryptor;
		if (current == null) {
			String key = this.configured;
			if (!StringUtils.hasText(key)) {
				key = generatedKey(this.jdbc, this.clock);
				log.warn("No carecycle.second-factor.encryption-key is set: authenticator keys are encrypted with "
						+ "a key generated and kept in the database (fine for the demo; set one in production)");
			}
			current = Encryptors.delux(key, SALT);
			this.encryptor = current;
		}
		return current;
	}

	private static String generatedKey(JdbcClient jdbc, Clock clock) {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		jdbc.sql("insert into second_factor_generated_key (id, secret, created_at) values (1, :secret, :now) "
				+ "on conflict (id) do nothing")
			.param("secret", HexFormat.of().formatHex(bytes))
			.param("now", Timestamp.from(clock.instant()))
			.update();
		return jdbc.sql("select secret from second_factor_generated_key where id = 1").query(String.class).single();
	}

}
