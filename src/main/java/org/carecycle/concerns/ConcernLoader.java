package org.carecycle.concerns;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.carecycle.shared.UkTime;
import org.carecycle.shared.WorkingDays;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads many past concerns at once (the demo county, and later a migration from the
 * council's old records) in batches, with their timelines; references are numbered from
 * the same sequence as new concerns.
 */
@Component
public class ConcernLoader {

	private final JdbcTemplate jdbc;

	private final WorkingDays workingDays;

	ConcernLoader(JdbcTemplate jdbc, WorkingDays workingDays) {
		this.jdbc = jdbc;
		this.workingDays = workingDays;
	}

	/**
	 * A concern as it stands: received, and perhaps acknowledged, assessed and closed.
	 *
	 * @param kind compliment or concern
	 * @param careServiceId the service
	 * @param providerId the service's provider
	 * @param whatHappened what was reported
	 * @param reporterRole who reported it
	 * @param anonymous whether they kept their name to themselves
	 * @param reporterName their name, unless anonymous
	 * @param receivedAt when it was received
	 * @param acknowledgedAt when acknowledged, or null
	 * @param assessedAt when assessed, or null
	 * @param closedAt when closed, or null
	 * @param themes what it is about, once assessed
	 * @param risk its risk, once assessed
	 * @param action the action chosen, once assessed
	 * @param rationale why
	 * @param outcome the outcome, once closed
	 * @param safeguardingReasons why it was flagged, or null
	 */
	public record PastConcern(ConcernKind kind, UUID careServiceId, UUID providerId, String whatHappened,
			ReporterRole reporterRole, boolean anonymous, String reporterName, Instant receivedAt,
			Instant acknowledgedAt, Instant assessedAt, Instant closedAt, Set<Theme> themes, RiskRating risk,
			ConcernAction action, String rationale, String outcome, String safeguardingReasons) {
	}

	/**
	 * Loads the concerns. Those flagged for safeguarding are followed up by the demo's
	 * safeguarding history, not by the referral event (concerns no longer keeps
	 * referrals).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void load(List<PastConcern> concerns) {
		List<Object[]> rows = new ArrayList<>(concerns.size());
		List<Object[]> events = new ArrayList<>();
		List<Long> numbers = this.jdbc.queryForList("select nextval('concern_number') from generate_series(1, ?)",
				Long.class, concerns.size());
		Instant now = Instant.now();
		for (int i = 0; i < concerns.size(); i++) {
			PastConcern c = concerns.get(i);
			UUID id = UUID.randomUUID();
			LocalDate received = c.receivedAt().atZone(UkTime.ZONE).toLocalDate();
			boolean flagged = c.safeguardingReasons() != null;
			ConcernStatus status = (c.closedAt() != null) ? ConcernStatus.CLOSED
					: (c.assessedAt() != null)
							? (c.action() == ConcernAction.ASK_PROVIDER ? ConcernStatus.AWAITING_PROVIDER
									: ConcernStatus.ASSESSED)
							: (c.acknowledgedAt() != null) ? ConcernStatus.ACKNOWLEDGED : ConcernStatus.NEW;
			String reference = "PPMF-%d-%06d".formatted(received.getYear(), numbers.get(i));
			rows.add(new Object[] { id, reference, c.kind().name(), Channel.PUBLIC_FORM.name(), c.careServiceId(),
					c.providerId(), c.whatHappened(), c.reporterRole().name(), c.anonymous(),
					c.anonymous() ? null : c.reporterName(), ts(c.receivedAt()), status.name(),
					this.workingDays.addWorkingDays(received, Concerns.ACKNOWLEDGE_DAYS),
					this.workingDays.addWorkingDays(received,
							flagged ? Concerns.URGENT_ASSESS_DAYS : Concerns.ASSESS_DAYS),
					ts(c.acknowledgedAt()), ts(c.assessedAt()), ts(c.closedAt()), flagged, c.safeguardingReasons(),
					flagged,
					(c.themes() != null) ? c.themes().stream().map(Theme::name).sorted().toArray(String[]::new)
							: new String[0],
					(c.risk() != null) ? c.risk().likelihood() : null, (c.risk() != null) ? c.risk().impact() : null,
					(c.action() != null) ? c.action().name() : null, c.rationale(), c.outcome(), ts(now) });
			events.add(new Object[] { id, ts(c.receivedAt()), "Demo", "RECEIVED", null });
			if (flagged) {
				events.add(new Object[] { id, ts(c.receivedAt()), "Demo", "FLAGGED", c.safeguardingReasons() });
			}
			if (c.acknowledgedAt() != null) {
				events.add(new Object[] { id, ts(c.acknowledgedAt()), "Demo", "ACKNOWLEDGED", null });
			}
			if (c.assessedAt() != null) {
				events.add(new Object[] { id, ts(c.assessedAt()), "Demo", "ASSESSED", null });
			}
			if (c.closedAt() != null) {
				events.add(new Object[] { id, ts(c.closedAt()), "Demo", "CLOSED", c.outcome() });
			}
		}
		copy("concern (id, version, reference, kind, channel, care_service_id, provider_id, what_happened, reporter_role,"
				+ " anonymous, reporter_name, consent_to_contact, received_at, status, acknowledge_by, assess_by,"
				+ " acknowledged_at, assessed_at, closed_at, safeguarding_flag, safeguarding_reasons, urgent, themes,"
				+ " likelihood, impact, action, action_rationale, outcome, created_at, updated_at)",
				rows.stream().map(r -> {
					// version 0 and no consent to contact are fixed; created and updated
					// are the same time
					Object[] full = new Object[r.length + 3];
					full[0] = r[0];
					full[1] = 0;
					System.arraycopy(r, 1, full, 2, 9);
					full[11] = false;
					System.arraycopy(r, 10, full, 12, r.length - 10);
					full[r.length + 2] = r[r.length - 1];
					return full;
				}).toList());
		copy("concern_event (concern_id, happened_at, actor, kind, detail)", events);
	}

	/** Loads rows with PostgreSQL's COPY on the transaction's own connection. */
	private void copy(String target, List<Object[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		StringBuilder csv = new StringBuilder(rows.size() * 200);
		for (Object[] row : rows) {
			for (int i = 0; i < row.length; i++) {
				if (i > 0) {
					csv.append(',');
				}
				csv.append(csvField(row[i]));
			}
			csv.append('\n');
		}
		this.jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Long>) connection -> {
			try {
				return connection.unwrap(org.postgresql.PGConnection.class)
					.getCopyAPI()
					.copyIn("copy " + target + " from stdin with (format csv)",
							new java.io.StringReader(csv.toString()));
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		});
	}

	private static String csvField(Object value) {
		if (value == null) {
			return "";
		}
		String text;
		if (value instanceof String[] array) {
			text = "{" + String.join(",", array) + "}";
		}
		else if (value instanceof Timestamp timestamp) {
			text = timestamp.toInstant().toString();
		}
		else if (value instanceof Boolean bool) {
			return bool ? "t" : "f";
		}
		else {
			text = value.toString();
		}
		return "\"" + text.replace("\"", "\"\"") + "\"";
	}

	private static Timestamp ts(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

}
