package org.carecycle.identity;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class AccountUserDetailsService implements UserDetailsService {

	private final UserAccounts accounts;

	AccountUserDetailsService(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String email) {
		return this.accounts.findByEmail(UserAccount.normaliseEmail(email))
			.filter(account -> account.passwordHash() != null)
			.map(AccountUserDetails::of)
			.orElseThrow(() -> new UsernameNotFoundException("No account for this email address"));
	}

}
