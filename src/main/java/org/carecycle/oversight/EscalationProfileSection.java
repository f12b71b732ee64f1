package org.carecycle.oversight;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.carecycle.providers.ProfileSection;
import org.carecycle.shared.Role;

import org.springframework.stereotype.Component;

/** Where a service or provider is on the escalation ladder, on its profile. */
@Component
class EscalationProfileSection implements ProfileSection {

	private final Escalations escalations;

	EscalationProfileSection(Escalations escalations) {
		this.escalations = escalations;
	}

	@Override
	public int order() {
		return 20;
	}

	@Override
	public boolean appliesTo(Subject subject) {
		return true;
	}

	@Override
	public boolean isShownTo(Role role) {
		return Escalations.READERS.contains(role);
	}

	@Override
	public String fragment() {
		return "oversight/profile :: section";
	}

	@Override
	public Map<String, Object> model(Subject subject, UUID id) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("subject", subject);
		model.put("id", id);
		model.put("escalation",
				((subject == Subject.SERVICE) ? this.escalations.ofService(id) : this.escalations.ofProvider(id))
					.orElse(null));
		return model;
	}

}
