package org.carecycle.identity;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A user account as Spring Security sees it after a password sign-in. Two principals are
 * equal when they stand for the same account, which lets open sessions be found and ended
 * by account.
 */
final class AccountUserDetails implements UserDetails, CredentialsContainer, AccountPrincipal {

	private final SignedInUser user;

	private final boolean enabled;

	private final boolean mustChangePassword;

	private String passwordHash;

	AccountUserDetails(SignedInUser user, String passwordHash, boolean enabled, boolean mustChangePassword) {
		this.user = user;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.mustChangePassword = mustChangePassword;
	}

	static AccountUserDetails of(UserAccount account) {
		return new AccountUserDetails(account.toSignedInUser(), account.passwordHash(), account.isEnabled(),
				account.mustChangePassword());
	}

	@Override
	public SignedInUser user() {
		return this.user;
	}

	boolean mustChangePassword() {
		return this.mustChangePassword;
	}

	/** The same principal once the user has chosen their own password. */
	AccountUserDetails withPasswordChanged() {
		return new AccountUserDetails(this.user, null, this.enabled, false);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(this.user.role().authority()));
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.user.email();
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof AccountPrincipal principal && this.user.id().equals(principal.user().id());
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.user.id());
	}

	@Override
	public String toString() {
		return this.user.email();
	}

}
