package org.carecycle.identity;

import org.carecycle.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Gives a new installation its first administrator, from {@code CARECYCLE_ADMIN_EMAIL}
 * and {@code CARECYCLE_ADMIN_PASSWORD}, when no administrator exists yet. The password
 * counts as temporary: it must be changed at the first sign-in, so the one in the
 * environment stops working. Does nothing once any administrator exists.
 */
@Component
class FirstAdministrator implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private final UserAccounts accounts;

	private final UserAdministration administration;

	private final PasswordPolicy policy;

	private final String email;

	private final String password;

	FirstAdministrator(UserAccounts accounts, UserAdministration administration, PasswordPolicy policy,
			@Value("${carecycle.first-administrator.email:}") String email,
			@Value("${carecycle.first-administrator.password:}") String password) {
		this.accounts = accounts;
		this.administration = administration;
		this.policy = policy;
		this.email = email;
		this.password = password;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!StringUtils.hasText(this.email)) {
			return;
		}
		if (this.accounts.countByRoleAndEnabled(Role.ADMIN, true) > 0) {
			return;
		}
		var problem = this.policy.problemWith(this.password, this.email);
		if (problem.isPresent()) {
			throw new IllegalStateException("CARECYCLE_ADMIN_PASSWORD is not acceptable (" + problem.get()
					+ "): use at least " + PasswordPolicy.MINIMUM_LENGTH + " characters that are hard to guess");
		}
		AuditLog.asSystem("First administrator",
				() -> this.administration.addFirstAdministrator(this.email, this.password));
		log.info("Added the first administrator, {}; they must change their password when they sign in", this.email);
	}

}
