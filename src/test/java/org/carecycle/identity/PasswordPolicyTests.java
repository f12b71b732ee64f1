package org.carecycle.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy("Cornwall Council", "Cornwall");

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

	@Test
	void refusesCommonPasswordsFromTheShippedListHoweverDisguised() {
		// on the maintained list as plain words, too short on their own
		assertThat(this.policy.problemWith("liverpool2026", null)).contains("password.error.common");
		assertThat(this.policy.problemWith("Summer2026!!", null)).contains("password.error.common");
		assertThat(this.policy.problemWith("P@ssw0rd-2026!", null)).contains("password.error.common");
		assertThat(this.policy.problemWith("M0nk3y123456", null)).contains("password.error.common");
		assertThat(this.policy.problemWith("1l0v3y0u2026", null)).contains("password.error.common");
		assertThat(this.policy.problemWith("i-love-you-123", null)).contains("password.error.common");
		assertThat(this.policy.problemWith("2026trustno1!", null)).contains("password.error.common");
	}

	@Test
	void refusesThePersonsOwnNameOrEmailAddress() {
		assertThat(this.policy.problemWith("Morwenna-2026!", "m.hicks@example.org", "Morwenna Hicks"))
			.contains("password.error.email");
		assertThat(this.policy.problemWith("h1cks h1cks 2026", "m.hicks@example.org", "Morwenna Hicks"))
			.contains("password.error.email");
		assertThat(this.policy.problemWith("granite morwennahicks", "someone@example.org", "Morwenna Hicks"))
			.contains("password.error.email");
	}

	@Test
	void refusesTheServicesAndTheCouncilsNames() {
		assertThat(this.policy.problemWith("CareCycle2026!", null)).contains("password.error.service");
		assertThat(this.policy.problemWith("C@r3Cycl3-rocks", null)).contains("password.error.service");
		assertThat(this.policy.problemWith("Cornwall-2026-care", null)).contains("password.error.service");
		assertThat(new PasswordPolicy("Devon County Council", "Devon").problemWith("Cornwall-2026-care", null))
			.as("another council's name is no clue here")
			.isEmpty();
	}

	@Test
	void nobodyMayChooseTheDemoPassword() {
		assertThat(this.policy.problemWith("Demo-CareCycle-2026", "admin@carecycle.example", "Administrator"))
			.contains("password.error.demo");
		assertThat(this.policy.problemWith("demo carecycle 2027", null)).contains("password.error.demo");
	}

	@Test
	void doesNotRefuseGoodPassphrasesThatMerelyContainShortWords() {
		assertThat(this.policy.problemWith("granite harbour lantern", "demelza@example.org", "Demelza Uren")).isEmpty();
		assertThat(this.policy.problemWith("Durable-Granite-Kettle-42", "admin@example.org", "Administrator"))
			.isEmpty();
		assertThat(this.policy.problemWith("a long enough password 9", "first.admin@example.org", "Administrator"))
			.isEmpty();
		assertThat(this.policy.problemWith("x7#kq9!Lm2@p", "jo@example.org", "Jo Penrose")).isEmpty();
	}

}
