package org.carecycle.identity;

import java.util.Map;

import org.carecycle.shared.Role;
import org.carecycle.web.HomePanel;

import org.springframework.stereotype.Component;

/** The administrator's home page panel: who can sign in, and what happened lately. */
@Component
class AdministrationHomePanel implements HomePanel {

	private final UserDirectory users;

	private final AuditTrail auditTrail;

	AdministrationHomePanel(UserDirectory users, AuditTrail auditTrail) {
		this.users = users;
		this.auditTrail = auditTrail;
	}

	@Override
	public int order() {
		return 900;
	}

	@Override
	public boolean isShownTo(Role role) {
		return role == Role.ADMIN;
	}

	@Override
	public String fragment() {
		return "identity/home-panel :: panel";
	}

	@Override
	public Map<String, Object> model() {
		return Map.of("countsByRole", this.users.enabledCountsByRole(), "disabled", this.users.countDisabled(),
				"latest", this.auditTrail.latest(5));
	}

}
