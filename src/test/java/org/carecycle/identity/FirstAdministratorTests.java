package org.carecycle.identity;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

import org.carecycle.ApplicationTest;
import org.carecycle.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@ApplicationTest
class FirstAdministratorTests {

	@Autowired
	UserAccounts accounts;

	@Autowired
	UserAdministration administration;

	@Autowired
	PasswordPolicy policy;

	@Test
	void doesNothingOnceAnAdministratorExists() {
		long before = this.accounts.count();
		new FirstAdministrator(this.accounts, this.administration, this.policy, "first@example.org",
				"a long enough password 9")
			.afterSingletonsInstantiated();
		assertThat(this.accounts.count()).isEqualTo(before);
	}

	@Test
	void refusesAWeakPasswordFromTheEnvironment() {
		var first = new FirstAdministrator(withoutAdministrators(this.accounts), this.administration, this.policy,
				"first@example.org", "password");
		assertThatIllegalStateException().isThrownBy(first::afterSingletonsInstantiated)
			.withMessageContaining("CARECYCLE_ADMIN_PASSWORD");
	}

	@Test
	void addsAnAdministratorWhoMustChangeThePassword() {
		var first = new FirstAdministrator(withoutAdministrators(this.accounts), this.administration, this.policy,
				"first.admin@example.org", "a long enough password 9");
		first.afterSingletonsInstantiated();
		UserAccount account = this.accounts.findByEmail("first.admin@example.org").orElseThrow();
		assertThat(account.role()).isEqualTo(Role.ADMIN);
		assertThat(account.mustChangePassword()).isTrue();
	}

	/**
	 * The real repository, as seen on a new installation that has no administrator yet.
	 */
	private static UserAccounts withoutAdministrators(UserAccounts accounts) {
		return (UserAccounts) Proxy.newProxyInstance(UserAccounts.class.getClassLoader(),
				new Class<?>[] { UserAccounts.class }, (proxy, method, arguments) -> {
					if (method.getName().equals("countByRoleAndEnabled")) {
						return 0L;
					}
					try {
						return method.invoke(accounts, arguments);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

}
