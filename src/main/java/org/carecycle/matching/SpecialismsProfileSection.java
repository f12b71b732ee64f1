package org.carecycle.matching;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.carecycle.providers.ProfileSection;
import org.carecycle.providers.Register;
import org.carecycle.shared.Role;

import org.springframework.stereotype.Component;

/** The specialisms a service offers, on its profile, with a link to change them. */
@Component
class SpecialismsProfileSection implements ProfileSection {

	/**
	 * Council staff who keep a service's specialisms (as they keep its other details).
	 */
	static final java.util.Set<Role> KEEPERS = java.util.EnumSet.of(Role.COMMISSIONER, Role.QA_OFFICER);

	private final Register register;

	private final org.carecycle.identity.CurrentUser currentUser;

	SpecialismsProfileSection(Register register, org.carecycle.identity.CurrentUser currentUser) {
		this.register = register;
		this.currentUser = currentUser;
	}

	@Override
	public int order() {
		return 5;
	}

	@Override
	public boolean appliesTo(Subject subject) {
		return subject == Subject.SERVICE;
	}

	@Override
	public boolean isShownTo(Role role) {
		return role.isCouncilStaff();
	}

	@Override
	public String fragment() {
		return "matching/specialisms-section :: section";
	}

	@Override
	public Map<String, Object> model(Subject subject, UUID id) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("id", id);
		model.put("specialisms", this.register.specialisms(id));
		model.put("canChange", this.currentUser.get().map(user -> KEEPERS.contains(user.role())).orElse(false));
		return model;
	}

}
