package org.carecycle.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.carecycle.shared.Role;
import org.carecycle.web.WorkItem;
import org.carecycle.web.WorkItem.Urgency;
import org.carecycle.web.WorkWaiting;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What waits for administrators on their home page: people kept from signing in by the
 * throttle just now, and accounts that have never been used.
 */
@Component
class AdministrationWorkWaiting implements WorkWaiting {

	private final JdbcClient jdbc;

	private final Clock clock;

	AdministrationWorkWaiting(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public List<WorkItem> waitingFor(Role role) {
		if (role != Role.ADMIN) {
			return List.of();
		}
		long lockedOut = this.jdbc.sql("""
				select count(*) from sign_in_attempts
				where subject like 'email:%' and attempts > :limit and window_started_at >= :since""")
			.param("limit", SignInThrottle.FAILURES_PER_EMAIL)
			.param("since", Timestamp.from(this.clock.instant().minus(SignInThrottle.WINDOW)))
			.query(Long.class)
			.single();
		long neverSignedIn = this.jdbc.sql("select count(*) from app_user where enabled and last_signed_in_at is null")
			.query(Long.class)
			.single();
		return List.of(
				new WorkItem(Urgency.DUE_TODAY, lockedOut, "user.todo.lockedOut", "/admin/audit?action=SIGN_IN_FAILED"),
				new WorkItem(Urgency.FOR_INFORMATION, neverSignedIn, "user.todo.neverSignedIn",
						"/admin/users?status=enabled"));
	}

}
