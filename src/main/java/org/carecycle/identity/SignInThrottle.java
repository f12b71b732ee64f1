package org.carecycle.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: at most {@value #FAILURES_PER_EMAIL} password checks for
 * one email address, and {@value #FAILURES_PER_ADDRESS} from one client address, within
 * {@link #WINDOW}; further attempts are refused, even with the right password, until the
 * window has passed. The same rule applies whether or not an account exists, so the
 * refusal reveals nothing about accounts.
 * <p>
 * An attempt is reserved <em>before</em> its password is checked, by one atomic
 * {@code insert ... on conflict do update ... returning} per subject, so concurrent
 * attempts queue on the row and can never all pass the limit together. A success gives
 * the attempts back: it clears the email address's count and returns one to the client
 * address, so only failures add up.
 */
@Component
class SignInThrottle {

	static final int FAILURES_PER_EMAIL = 5;

	static final int FAILURES_PER_ADDRESS = 50;

	static final Duration WINDOW = Duration.ofMinutes(15);

	private final JdbcClient jdbc;

	private final Clock clock;

	SignInThrottle(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Counts an attempt to check a password for this email address from this client
	 * address.
	 * @return whether the password may be checked; {@code false} once either limit is
	 * reached
	 */
	boolean reserve(String email, String clientAddress) {
		Instant now = this.clock.instant();
		// both subjects are always counted, so that a blocked email cannot be used to try
		// other accounts from the same address for free
		int forEmail = reserve(emailSubject(email), now);
		int fromAddress = reserve(addressSubject(clientAddress), now);
		return forEmail <= FAILURES_PER_EMAIL && fromAddress <= FAILURES_PER_ADDRESS;
	}

	/**
	 * The password was right, and the second step comes next: the attempt from the client
	 * address was not a guess, so it is given back at once, as for a sign-in with a
	 * password alone (otherwise every person signing in with an authenticator app would
	 * use up one of the address's attempts, and a busy office behind one address would
	 * lock itself out). The email address's count stays until the code is right, so that
	 * the password cannot be used to reset the count of guessed codes.
	 */
	void passwordRight(String clientAddress) {
		this.jdbc.sql("update sign_in_attempts set attempts = greatest(attempts - 1, 0) where subject = :subject")
			.param("subject", addressSubject(clientAddress))
			.update();
	}

	/** The password was right: the attempt was not a guess. */
	void succeeded(String email, String clientAddress) {
		this.jdbc.sql("delete from sign_in_attempts where subject = :subject")
			.param("subject", emailSubject(email))
			.update();
		this.jdbc.sql("update sign_in_attempts set attempts = greatest(attempts - 1, 0) where subject = :subject")
			.param("subject", addressSubject(clientAddress))
			.update();
	}

	@Scheduled(fixedDelay = 1, timeUnit = java.util.concurrent.TimeUnit.HOURS)
	void forgetOldAttempts() {
		this.jdbc.sql("delete from sign_in_attempts where window_started_at < :before")
			.param("before", Timestamp.from(this.clock.instant().minus(WINDOW)))
			.update();
	}

	private int reserve(String subject, Instant now) {
		return this.jdbc.sql("""
				insert into sign_in_attempts as a (subject, attempts, window_started_at)
				values (:subject, 1, :now)
				on conflict (subject) do update set
				    attempts = case when a.window_started_at <= :windowStart then 1 else a.attempts + 1 end,
				    window_started_at = case when a.window_started_at <= :windowStart then :now
				                             else a.window_started_at end
				returning attempts
				""")
			.param("subject", subject)
			.param("now", Timestamp.from(now))
			.param("windowStart", Timestamp.from(now.minus(WINDOW)))
			.query(Integer.class)
			.single();
	}

	static String emailSubject(String email) {
		String normalised = (email == null) ? "" : email.strip().toLowerCase(Locale.ROOT);
		return "email:" + ((normalised.length() > 250) ? normalised.substring(0, 250) : normalised);
	}

	static String addressSubject(String address) {
		return "address:" + ((address == null) ? "" : address);
	}

}
