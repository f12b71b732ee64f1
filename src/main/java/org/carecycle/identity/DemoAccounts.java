package org.carecycle.identity;

import java.util.List;

import org.carecycle.shared.Role;

/**
 * The demo sign-ins to list on the sign-in page. Only present when demo mode is on.
 */
public interface DemoAccounts {

	List<DemoAccount> accounts();

	/** The password every demo account shares. */
	String password();

	/**
	 * The published authenticator key of the demo accounts whose role requires a second
	 * factor (never a real account's), or null.
	 */
	default String secondFactorKey() {
		return null;
	}

	/** The published recovery codes of those demo accounts. */
	default List<String> recoveryCodes() {
		return List.of();
	}

	/**
	 * A demo sign-in.
	 *
	 * @param role the account's role
	 * @param email the address to sign in with
	 * @param note who the account is (for a provider user, which organisation)
	 */
	record DemoAccount(Role role, String email, String note) {
	}

}
