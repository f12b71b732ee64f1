package org.carecycle.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing: after {@value #FAILURES_PER_EMAIL} failed sign-ins for
 * one email address, or {@value #FAILURES_PER_ADDRESS} from one client address, within
 * {@link #WINDOW}, further attempts are refused until the window has passed. The same
 * rule applies whether or not an account exists, so the refusal reveals nothing about
 * accounts.
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

	boolean isBlocked(String email, String clientAddress) {
		Instant since = this.clock.instant().minus(WINDOW);
		return failuresSince(emailSubject(email), since) >= FAILURES_PER_EMAIL
				|| failuresSince(addressSubject(clientAddress), since) >= FAILURES_PER_ADDRESS;
	}

	@Transactional
	void failed(String email, String clientAddress) {
		Timestamp now = Timestamp.from(this.clock.instant());
		for (String subject : new String[] { emailSubject(email), addressSubject(clientAddress) }) {
			this.jdbc.sql("insert into sign_in_failure (subject, failed_at) values (:subject, :now)")
				.param("subject", subject)
				.param("now", now)
				.update();
		}
	}

	@Transactional
	void succeeded(String email) {
		this.jdbc.sql("delete from sign_in_failure where subject = :subject")
			.param("subject", emailSubject(email))
			.update();
	}

	@Scheduled(fixedDelay = 1, timeUnit = java.util.concurrent.TimeUnit.HOURS)
	void forgetOldFailures() {
		this.jdbc.sql("delete from sign_in_failure where failed_at < :before")
			.param("before", Timestamp.from(this.clock.instant().minus(WINDOW.multipliedBy(2))))
			.update();
	}

	private long failuresSince(String subject, Instant since) {
		return this.jdbc.sql("select count(*) from sign_in_failure where subject = :subject and failed_at >= :since")
			.param("subject", subject)
			.param("since", Timestamp.from(since))
			.query(Long.class)
			.single();
	}

	private static String emailSubject(String email) {
		String normalised = (email == null) ? "" : email.strip().toLowerCase(Locale.ROOT);
		return "email:" + ((normalised.length() > 250) ? normalised.substring(0, 250) : normalised);
	}

	private static String addressSubject(String address) {
		return "address:" + ((address == null) ? "" : address);
	}

}
