package org.carecycle.identity;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The append-only record of who did what, and when. Aggregates saved through Spring Data
 * JDBC are logged automatically (see {@link AggregateAuditing}); other changes, sign-ins
 * and bulk loads call this directly. Entries are written in the caller's transaction, so
 * a change that rolls back leaves no entry behind.
 */
@Service
public class AuditLog {

	private static final ThreadLocal<String> systemActor = new ThreadLocal<>();

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	AuditLog(JdbcClient jdbc, CurrentUser currentUser, Clock clock) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	/**
	 * Runs work that no user asked for (a scheduled job, an import, the demo generator)
	 * with a name for the audit log to show as the actor.
	 */
	public static <T> T asSystem(String actor, Supplier<T> work) {
		String previous = systemActor.get();
		systemActor.set(Objects.requireNonNull(actor));
		try {
			return work.get();
		}
		finally {
			if (previous == null) {
				systemActor.remove();
			}
			else {
				systemActor.set(previous);
			}
		}
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void created(String recordType, Object recordId, Map<String, Object> values) {
		Map<String, Object> changes = new LinkedHashMap<>();
		values.forEach((field, value) -> changes.put(field, change(null, value)));
		write(AuditAction.CREATED, recordType, recordId, null, changes);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void changed(String recordType, Object recordId, Map<String, Object> before, Map<String, Object> after) {
		Map<String, Object> changes = new LinkedHashMap<>();
		after.forEach((field, value) -> {
			Object old = before.get(field);
			if (!Objects.equals(old, value)) {
				changes.put(field, change(old, value));
			}
		});
		if (!changes.isEmpty()) {
			write(AuditAction.CHANGED, recordType, recordId, null, changes);
		}
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void deleted(String recordType, Object recordId, Map<String, Object> values) {
		Map<String, Object> changes = new LinkedHashMap<>();
		values.forEach((field, value) -> changes.put(field, change(value, null)));
		write(AuditAction.DELETED, recordType, recordId, null, changes);
	}

	/** An event that is not a field-by-field change: a sign-in, an import, an export. */
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(AuditAction action, String recordType, Object recordId, String summary) {
		write(action, recordType, recordId, summary, null);
	}

	/**
	 * A sign-in event, where the actor is the person signing in, not (yet) the current
	 * user.
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	void recordSignIn(AuditAction action, UUID userId, String name, String role, String summary) {
		insert(action, userId, name, role, "UserAccount", (userId != null) ? userId.toString() : null, summary, null);
	}

	private static Map<String, Object> change(Object from, Object to) {
		Map<String, Object> change = new LinkedHashMap<>();
		change.put("from", shown(from));
		change.put("to", shown(to));
		return change;
	}

	private static Object shown(Object value) {
		return (value instanceof Redacted) ? Redacted.SHOWN : value;
	}

	/**
	 * A value that may be compared, to tell whether it changed, but is never written to
	 * the log.
	 */
	record Redacted(Object value) {

		static final String SHOWN = "(redacted)";

		@Override
		public String toString() {
			return SHOWN;
		}

	}

	private void write(AuditAction action, String recordType, Object recordId, String summary,
			Map<String, Object> changes) {
		var user = this.currentUser.get();
		String actorName = user.map(u -> u.displayName() + " (" + u.email() + ")")
			.orElseGet(() -> (systemActor.get() != null) ? systemActor.get() : "System");
		insert(action, user.map(SignedInUser::id).orElse(null), actorName, user.map(u -> u.role().name()).orElse(null),
				recordType, (recordId != null) ? recordId.toString() : null, summary, changes);
	}

	private void insert(AuditAction action, UUID actorId, String actorName, String actorRole, String recordType,
			String recordId, String summary, Map<String, Object> changes) {
		this.jdbc.sql("""
				insert into audit_event (occurred_at, actor_id, actor_name, actor_role, action, record_type,
				                         record_id, summary, changes, client_address)
				values (:occurredAt, :actorId, :actorName, :actorRole, :action, :recordType,
				        :recordId, :summary, cast(:changes as jsonb), :clientAddress)
				""")
			.param("occurredAt", java.sql.Timestamp.from(this.clock.instant()))
			.param("actorId", actorId)
			.param("actorName", truncate(actorName, 254))
			.param("actorRole", actorRole)
			.param("action", action.name())
			.param("recordType", recordType)
			.param("recordId", truncate(recordId, 80))
			.param("summary", truncate(summary, 1000))
			.param("changes", (changes != null) ? this.json.writeValueAsString(changes) : null)
			.param("clientAddress", clientAddress())
			.update();
	}

	private static String truncate(String value, int length) {
		return (value == null || value.length() <= length) ? value : value.substring(0, length);
	}

	/**
	 * The address of the client of the request being handled, if any (64 characters at
	 * most).
	 */
	public static String clientAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return truncate(request.getRemoteAddr(), 64);
		}
		return null;
	}

}
