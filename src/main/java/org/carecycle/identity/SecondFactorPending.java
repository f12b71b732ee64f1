package org.carecycle.identity;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Someone who has given the right password but not yet their second factor. This
 * authentication carries no role, only the authority to open the second step's own page,
 * so every other page refuses it (and sends the person back to that step); and its
 * principal is not an {@link AccountPrincipal}, so nothing treats them as signed in.
 */
final class SecondFactorPending extends AbstractAuthenticationToken {

	/** May enter a code at {@link SecondFactorController#CODE}. */
	static final String ENTER_CODE = "SECOND_FACTOR_ENTER_CODE";

	/** Must set up a second factor at {@link SecondFactorController#SET_UP}. */
	static final String SET_UP = "SECOND_FACTOR_SET_UP";

	private final AccountUserDetails account;

	private final boolean mustSetUp;

	SecondFactorPending(AccountUserDetails account, boolean mustSetUp) {
		super(List.of(new SimpleGrantedAuthority(mustSetUp ? SET_UP : ENTER_CODE)));
		this.account = account;
		this.mustSetUp = mustSetUp;
		setAuthenticated(true);
	}

	AccountUserDetails account() {
		return this.account;
	}

	boolean mustSetUp() {
		return this.mustSetUp;
	}

	/** Where the person goes next. */
	String nextStep() {
		return this.mustSetUp ? SecondFactorController.SET_UP : SecondFactorController.CODE;
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	/** The email address only: not a principal that stands for a signed-in account. */
	@Override
	public Object getPrincipal() {
		return this.account.getUsername();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof SecondFactorPending pending && super.equals(pending)
				&& this.account.equals(pending.account) && this.mustSetUp == pending.mustSetUp;
	}

	@Override
	public int hashCode() {
		return super.hashCode() * 31 + this.account.hashCode();
	}

}
