package org.carecycle.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import org.carecycle.shared.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second sign-in step for password sign-in (ADR 0023): an authenticator app's code,
 * or one of ten recovery codes. Required of administrators and safeguarding leads,
 * available to everyone. Keys are kept encrypted ({@link SecondFactorKeys}); recovery
 * codes are kept hashed and each works once; a code from the app is accepted once.
 */
@Component
public class SecondFactors {

	/** The roles that must use a second factor when they sign in with a password. */
	public static final Set<Role> REQUIRED_FOR = Set.of(Role.ADMIN, Role.SAFEGUARDING_LEAD);

	static final int RECOVERY_CODES = 10;

	/** Recovery code letters: no 0, 1, i, l or o, which people misread. */
	private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	private static final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final SecondFactorKeys keys;

	private final AuditLog auditLog;

	private final Clock clock;

	SecondFactors(JdbcClient jdbc, SecondFactorKeys keys, AuditLog auditLog, Clock clock) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** What became of a code typed at the second step. */
	enum Outcome {

		/** The authenticator app's current code. */
		ACCEPTED,
		/** One of the recovery codes, now used up. */
		RECOVERY_CODE_USED,
		/** The right code, but already used: codes work once. */
		ALREADY_USED,
		/** Not the code. */
		WRONG

	}

	static boolean isRequiredFor(Role role) {
		return REQUIRED_FOR.contains(role);
	}

	boolean isSetUp(UUID userId) {
		return this.jdbc.sql("select count(*) from second_factor where user_id = :id")
			.param("id", userId)
			.query(Long.class)
			.single() > 0;
	}

	int recoveryCodesLeft(UUID userId) {
		return this.jdbc.sql("select count(*) from second_factor_recovery_code where user_id = :id")
			.param("id", userId)
			.query(Long.class)
			.single()
			.intValue();
	}

	/**
	 * Sets up the second factor if the code is the app's current code for the key.
	 * @return the new recovery codes, to show once; empty if the code was wrong
	 */
	@Transactional
	Optional<List<String>> setUp(SignedInUser user, String key, String code) {
		OptionalLong step = AuthenticatorCodes.matchingStep(key, normaliseCode(code), this.clock.instant());
		if (step.isEmpty()) {
			return Optional.empty();
		}
		store(user.id(), key, step.getAsLong());
		List<String> codes = newCodes();
		storeRecoveryCodes(user.id(), codes);
		this.auditLog.recordSignIn(AuditAction.SECOND_FACTOR_CHANGED, user.id(), name(user), user.role().name(),
				"Set up a second factor (authenticator app) and 10 recovery codes");
		return Optional.of(codes);
	}

	/** Gives a demo account the demo's published key and recovery codes. */
	@Transactional
	public void setUpForDemo(UUID userId, String key, List<String> recoveryCodes) {
		store(userId, key, null);
		storeRecoveryCodes(userId, recoveryCodes);
	}

	/** Checks a code typed at the second sign-in step, and records a failure. */
	@Transactional
	Outcome check(SignedInUser user, String typed) {
		String code = normaliseCode(typed);
		Optional<String> key = this.jdbc.sql("select key_encrypted from second_factor where user_id = :id")
			.param("id", user.id())
			.query(String.class)
			.optional()
			.map(this.keys::decrypt);
		Outcome outcome = key.map(k -> checkCode(user.id(), k, code)).orElse(Outcome.WRONG);
		if (outcome == Outcome.WRONG) {
			this.auditLog.recordSignIn(AuditAction.SIGN_IN_FAILED, user.id(), name(user), user.role().name(),
					"Refused: wrong second factor code");
		}
		else if (outcome == Outcome.ALREADY_USED) {
			this.auditLog.recordSignIn(AuditAction.SIGN_IN_FAILED, user.id(), name(user), user.role().name(),
					"Refused: a second factor code that had already been used");
		}
		return outcome;
	}

	private Outcome checkCode(UUID userId, String key, String code) {
		OptionalLong step = AuthenticatorCodes.matchingStep(key, code, this.clock.instant());
		if (step.isPresent()) {
			int updated = this.jdbc
				.sql("update second_factor set last_used_step = :step where user_id = :id "
						+ "and (last_used_step is null or last_used_step < :step)")
				.param("step", step.getAsLong())
				.param("id", userId)
				.update();
			return (updated == 1) ? Outcome.ACCEPTED : Outcome.ALREADY_USED;
		}
		int used = this.jdbc.sql("delete from second_factor_recovery_code where user_id = :id and code_hash = :hash")
			.param("id", userId)
			.param("hash", hash(code))
			.update();
		return (used == 1) ? Outcome.RECOVERY_CODE_USED : Outcome.WRONG;
	}

	/** Turns the second factor off, for someone whose role does not require it. */
	@Transactional
	void turnOff(SignedInUser user) {
		if (isRequiredFor(user.role())) {
			throw new IllegalStateException("Your role requires a second factor");
		}
		delete(user.id());
		this.auditLog.recordSignIn(AuditAction.SECOND_FACTOR_CHANGED, user.id(), name(user), user.role().name(),
				"Turned off their second factor");
	}

	/** Replaces the recovery codes. */
	@Transactional
	List<String> replaceRecoveryCodes(SignedInUser user) {
		this.jdbc.sql("delete from second_factor_recovery_code where user_id = :id").param("id", user.id()).update();
		List<String> codes = newCodes();
		storeRecoveryCodes(user.id(), codes);
		this.auditLog.recordSignIn(AuditAction.SECOND_FACTOR_CHANGED, user.id(), name(user), user.role().name(),
				"Made 10 new recovery codes (the old ones no longer work)");
		return codes;
	}

	/**
	 * An administrator's reset, for a lost phone: the person sets up a new second factor
	 * at their next sign-in (or, if their role does not require one, may do so).
	 */
	@Transactional
	public void resetByAdministrator(UUID userId) {
		delete(userId);
		this.auditLog.record(AuditAction.SECOND_FACTOR_CHANGED, "UserAccount", userId,
				"Second factor reset by an administrator");
	}

	private void store(UUID userId, String key, Long usedStep) {
		delete(userId);
		this.jdbc
			.sql("insert into second_factor (user_id, key_encrypted, last_used_step, set_up_at) "
					+ "values (:id, :key, :step, :now)")
			.param("id", userId)
			.param("key", this.keys.encrypt(AuthenticatorCodes.normaliseKey(key)))
			.param("step", usedStep)
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
	}

	private void storeRecoveryCodes(UUID userId, List<String> codes) {
		for (String code : codes) {
			this.jdbc.sql("insert into second_factor_recovery_code (user_id, code_hash) values (:id, :hash)")
				.param("id", userId)
				.param("hash", hash(normaliseCode(code)))
				.update();
		}
	}

	private void delete(UUID userId) {
		this.jdbc.sql("delete from second_factor where user_id = :id").param("id", userId).update();
	}

	private static List<String> newCodes() {
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			StringBuilder code = new StringBuilder();
			for (int c = 0; c < 10; c++) {
				code.append(RECOVERY_ALPHABET.charAt(random.nextInt(RECOVERY_ALPHABET.length())));
				if (c == 4) {
					code.append('-');
				}
			}
			codes.add(code.toString());
		}
		return codes;
	}

	/** Codes are compared without spaces or dashes, and in lower case. */
	static String normaliseCode(String code) {
		return (code == null) ? "" : code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
	}

	/**
	 * A recovery code has 50 random bits, too many to guess offline, so one round of
	 * SHA-256 is enough (and lets a code be found with one query rather than ten slow
	 * password checks).
	 */
	private static String hash(String code) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String name(SignedInUser user) {
		return user.displayName() + " (" + user.email() + ")";
	}

}
