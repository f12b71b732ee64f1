package org.carecycle.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoleTests {

	@Test
	void councilStaffAreEveryoneButProviders() {
		assertThat(Role.councilStaff()).doesNotContain(Role.PROVIDER).hasSize(Role.values().length - 1);
	}

	@Test
	void roundTripsThroughSpringSecurityAuthorities() {
		for (Role role : Role.values()) {
			assertThat(Role.fromAuthority(role.authority())).contains(role);
		}
		assertThat(Role.fromAuthority("ROLE_SUPERUSER")).isEmpty();
		assertThat(Role.fromAuthority("QA_OFFICER")).isEmpty();
	}

}
