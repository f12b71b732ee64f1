package org.carecycle.shared;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a person does in CareCycle. Each user has exactly one role: council staff who also
 * administer the system have a separate administrator account (least privilege).
 */
public enum Role {

	ADMIN, COMMISSIONER, QA_OFFICER, SAFEGUARDING_LEAD, CASE_MANAGER, PROVIDER;

	private static final String PREFIX = "ROLE_";

	/** Every role held by council staff, that is every role but {@link #PROVIDER}. */
	public static Set<Role> councilStaff() {
		return EnumSet.complementOf(EnumSet.of(PROVIDER));
	}

	/** The Spring Security authority for this role, such as {@code ROLE_QA_OFFICER}. */
	public String authority() {
		return PREFIX + name();
	}

	/** The key of this role's name in the messages (messages/shared.properties). */
	public String messageKey() {
		return "role." + name();
	}

	public boolean isCouncilStaff() {
		return this != PROVIDER;
	}

	public static Optional<Role> fromAuthority(String authority) {
		if (authority == null || !authority.startsWith(PREFIX)) {
			return Optional.empty();
		}
		String name = authority.substring(PREFIX.length());
		return Arrays.stream(values()).filter(role -> role.name().equals(name)).findFirst();
	}

}
