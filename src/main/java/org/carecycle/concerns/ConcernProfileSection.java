package org.carecycle.concerns;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.carecycle.providers.ProfileSection;
import org.carecycle.shared.Role;

import org.springframework.stereotype.Component;

/**
 * Concerns and compliments on a service's or provider's profile: received per quarter (a
 * chart with its table), the themes that came up, and the latest concerns with their
 * status.
 */
@Component
class ConcernProfileSection implements ProfileSection {

	private final ConcernQueue queue;

	ConcernProfileSection(ConcernQueue queue) {
		this.queue = queue;
	}

	@Override
	public int order() {
		return 100;
	}

	@Override
	public boolean appliesTo(Subject subject) {
		return true;
	}

	@Override
	public boolean isShownTo(Role role) {
		// the same people who may open the concerns themselves
		return Concerns.READERS.contains(role);
	}

	@Override
	public String fragment() {
		return "concerns/profile :: section";
	}

	@Override
	public Map<String, Object> model(Subject subject, UUID id) {
		String column = (subject == Subject.SERVICE) ? "care_service_id" : "provider_id";
		List<ConcernQueue.QuarterCount> quarters = this.queue.byQuarter(column, id, 8);
		long most = quarters.stream().mapToLong(q -> Math.max(q.concerns(), q.compliments())).max().orElse(0);
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("subject", subject);
		model.put("id", id);
		model.put("quarters", quarters);
		model.put("most", Math.max(most, 1));
		model.put("themes", this.queue.themes(column, id));
		model.put("recent", this.queue.about(column, id, 10));
		return model;
	}

}
