package org.carecycle.commissioning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.carecycle.concerns.Concerns;
import org.carecycle.shared.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Safeguarding activity at a locality's services, as counts only (the safeguarding
 * module's published {@code safeguarding_service_activity}): concerns in the last 12
 * months, those awaiting a section 42 decision, open enquiries and open whole-service
 * enquiries. Never an adult, a case or what happened. The locality's services are read
 * first so that the view, which groups by service, is asked only for them.
 */
@Component
class AreaProfileSafeguarding implements AreaProfileSection {

	private final JdbcClient jdbc;

	AreaProfileSafeguarding(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public int order() {
		return 60;
	}

	@Override
	public boolean isShownTo(Role role) {
		// council staff who read concerns; case managers match people to services and do
		// not need the safeguarding picture of an area
		return Concerns.READERS.contains(role);
	}

	@Override
	public String fragment() {
		return "commissioning/area-sections :: safeguarding";
	}

	@Override
	public Map<String, Object> model(UUID localityId) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("concerns", 0L);
		model.put("awaitingDecision", 0L);
		model.put("openEnquiries", 0L);
		model.put("wholeService", 0L);
		model.put("services", 0L);
		List<UUID> services = this.jdbc
			.sql("select id from providers_service where locality_id = :locality and status = 'ACTIVE'")
			.param("locality", localityId)
			.query(UUID.class)
			.list();
		if (services.isEmpty()) {
			return model;
		}
		this.jdbc.sql("""
				select coalesce(sum(a.concerns_last_12_months), 0) as concerns,
				       coalesce(sum(a.concerns_awaiting_decision), 0) as awaiting,
				       coalesce(sum(a.open_enquiries), 0) as enquiries,
				       count(*) filter (where a.whole_service_enquiry_open) as whole_service,
				       count(*) filter (where a.concerns_last_12_months > 0) as services
				from safeguarding_service_activity a
				where a.care_service_id in (:services)""").param("services", services).query((rs, n) -> {
			model.put("concerns", rs.getLong("concerns"));
			model.put("awaitingDecision", rs.getLong("awaiting"));
			model.put("openEnquiries", rs.getLong("enquiries"));
			model.put("wholeService", rs.getLong("whole_service"));
			model.put("services", rs.getLong("services"));
			return n;
		}).single();
		return model;
	}

}
