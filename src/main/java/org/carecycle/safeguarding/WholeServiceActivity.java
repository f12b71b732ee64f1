package org.carecycle.safeguarding;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The published read side of whole-service enquiries, for other modules (the escalation
 * ladder): whether a service has one open and since when. Never an adult, never what
 * happened.
 */
@Component
public class WholeServiceActivity {

	private final JdbcClient jdbc;

	WholeServiceActivity(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The open whole-service enquiry about a service.
	 *
	 * @param openedAt when it opened
	 * @param placementsSuspended whether the senior manager asked for placements to be
	 * suspended
	 */
	public record OpenEnquiry(Instant openedAt, boolean placementsSuspended) {
	}

	public Optional<OpenEnquiry> openFor(UUID careServiceId) {
		return this.jdbc.sql("""
				select opened_at, placements_suspended from safeguarding_whole_service_enquiry
				where care_service_id = :service and status = 'OPEN'""")
			.param("service", careServiceId)
			.query(OpenEnquiry.class)
			.optional();
	}

}
