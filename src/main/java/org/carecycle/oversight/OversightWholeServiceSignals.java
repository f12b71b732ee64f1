package org.carecycle.oversight;

import java.util.List;

import org.carecycle.safeguarding.WholeServiceSignals;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Oversight's early warnings, offered to safeguarding as signals that may call for a
 * whole-service enquiry: each warning not yet acknowledged, with its explanation.
 */
@Component
class OversightWholeServiceSignals implements WholeServiceSignals {

	private final JdbcClient jdbc;

	OversightWholeServiceSignals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Signal> openSignals() {
		return this.jdbc.sql("""
				select care_service_id, raised_on, 'Early warning: ' || explanation as detail from early_warning
				where acknowledged_at is null order by raised_on, id""").query(Signal.class).list();
	}

}
