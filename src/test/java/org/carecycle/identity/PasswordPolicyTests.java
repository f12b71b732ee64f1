package org.carecycle.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void acceptsALongPassphrase() {
		assertThat(this.policy.problemWith("harbour kettle purple 42", "jo@example.org")).isEmpty();
	}

	@Test
	void explainsEachRefusal() {
		assertThat(this.policy.problemWith("", null)).contains("password.error.blank");
		assertThat(this.policy.problemWith("short1!", null)).contains("password.error.short");
		assertThat(this.policy.problemWith("Password1234", null)).contains("password.error.common");
		assertThat(this.policy.problemWith("aaaaaaaaaaaaaaaa", null)).contains("password.error.common");
		assertThat(this.policy.problemWith("x".repeat(30) + "é".repeat(30), null)).contains("password.error.long");
		assertThat(this.policy.problemWith("trewin-is-my-password", "trewin@example.org"))
			.contains("password.error.email");
	}

}
