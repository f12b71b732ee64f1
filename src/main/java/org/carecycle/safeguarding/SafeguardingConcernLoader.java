package org.carecycle.safeguarding;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import org.carecycle.concerns.ConcernLoader;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo county's flagged concerns become safeguarding concerns in one statement per
 * batch, as the referral listener would make them one at a time (without its emails):
 * those whose concern is closed are closed, the others await a decision.
 */
@Component
public class SafeguardingConcernLoader {

	private final JdbcClient jdbc;

	private final DecisionTimer timer;

	SafeguardingConcernLoader(JdbcClient jdbc, DecisionTimer timer) {
		this.jdbc = jdbc;
		this.timer = timer;
	}

	/** Opens a safeguarding concern for each flagged concern loaded; returns how many. */
	@Transactional(propagation = Propagation.MANDATORY)
	public int load(List<ConcernLoader.Flagged> flagged) {
		if (flagged.isEmpty()) {
			return 0;
		}
		int n = flagged.size();
		UUID[] ids = new UUID[n];
		UUID[] concerns = new UUID[n];
		String[] references = new String[n];
		UUID[] services = new UUID[n];
		Timestamp[] received = new Timestamp[n];
		String[] reasons = new String[n];
		Timestamp[] due = new Timestamp[n];
		Timestamp[] closed = new Timestamp[n];
		for (int i = 0; i < n; i++) {
			ConcernLoader.Flagged f = flagged.get(i);
			ids[i] = UUID.randomUUID();
			concerns[i] = f.concernId();
			references[i] = f.reference();
			services[i] = f.careServiceId();
			received[i] = Timestamp.from(f.receivedAt());
			reasons[i] = f.reasons();
			due[i] = Timestamp.from(this.timer.dueAt(f.receivedAt()));
			closed[i] = (f.closedAt() != null) ? Timestamp.from(f.closedAt()) : null;
		}
		int loaded = this.jdbc.sql("""
				insert into safeguarding_concern (id, reference, source, ppmf_concern_id, ppmf_reference, received_at,
				    summary, screen_reasons, care_service_id, provider_id, service_name, provider_name, status,
				    decision_due_at, closed_at)
				select f.id, 'SG-' || to_char(f.received at time zone 'Europe/London', 'YYYY') || '-'
				           || lpad(nextval('safeguarding_concern_number')::text, 5, '0'),
				       'PPMF', f.concern, f.reference, f.received, f.reasons, f.reasons, s.id, s.provider_id, s.name,
				       p.name, case when f.closed is null then 'AWAITING_DECISION' else 'CLOSED' end, f.due, f.closed
				from unnest(cast(:ids as uuid[]), cast(:concerns as uuid[]), cast(:references as text[]),
				            cast(:services as uuid[]), cast(:received as timestamptz[]), cast(:reasons as text[]),
				            cast(:due as timestamptz[]), cast(:closed as timestamptz[]))
				     as f (id, concern, reference, service, received, reasons, due, closed)
				left join providers_service s on s.id = f.service
				left join providers_provider p on p.id = s.provider_id
				order by f.received""")
			.param("ids", ids)
			.param("concerns", concerns)
			.param("references", references)
			.param("services", services)
			.param("received", received)
			.param("reasons", reasons)
			.param("due", due)
			.param("closed", closed)
			.update();
		this.jdbc.sql("""
				insert into safeguarding_step (concern_id, happened_at, actor_name, kind, detail)
				select id, received_at, 'CareCycle', 'FROM_PPMF', ppmf_reference from safeguarding_concern
				where id = any(cast(:ids as uuid[]))""").param("ids", ids).update();
		return loaded;
	}

}
