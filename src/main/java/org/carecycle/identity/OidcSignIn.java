package org.carecycle.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.util.StringUtils;

/**
 * Single sign-on maps the identity provider's user to a CareCycle account by email
 * address. Nobody is created on the fly: roles and organisations stay managed in
 * CareCycle, so a person the council has not added cannot get in however they sign in.
 */
class OidcSignIn extends OidcUserService {

	private final UserAccounts accounts;

	OidcSignIn(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		OidcUser user = super.loadUser(request);
		String email = emailOf(user);
		UserAccount account = (email == null) ? null
				: this.accounts.findByEmail(UserAccount.normaliseEmail(email))
					.filter(UserAccount::isEnabled)
					.orElse(null);
		if (account == null) {
			throw new OAuth2AuthenticationException(new OAuth2Error("no_account",
					"There is no enabled CareCycle account for this email address", null));
		}
		return new AccountOidcUser(user, account.toSignedInUser());
	}

	static String emailOf(OidcUser user) {
		for (String claim : List.of("email", "preferred_username", "upn")) {
			Object value = user.getClaims().get(claim);
			if (value instanceof String text && StringUtils.hasText(text) && text.contains("@")) {
				return text;
			}
		}
		return null;
	}

	/** The identity provider's user, standing for a CareCycle account. */
	static final class AccountOidcUser implements OidcUser, AccountPrincipal {

		private final OidcUser delegate;

		private final SignedInUser user;

		AccountOidcUser(OidcUser delegate, SignedInUser user) {
			this.delegate = delegate;
			this.user = user;
		}

		@Override
		public SignedInUser user() {
			return this.user;
		}

		@Override
		public Map<String, Object> getClaims() {
			return this.delegate.getClaims();
		}

		@Override
		public OidcUserInfo getUserInfo() {
			return this.delegate.getUserInfo();
		}

		@Override
		public OidcIdToken getIdToken() {
			return this.delegate.getIdToken();
		}

		@Override
		public Map<String, Object> getAttributes() {
			return this.delegate.getAttributes();
		}

		@Override
		public Collection<? extends GrantedAuthority> getAuthorities() {
			return List.of(new SimpleGrantedAuthority(this.user.role().authority()));
		}

		@Override
		public String getName() {
			return this.user.email();
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof AccountPrincipal principal && this.user.id().equals(principal.user().id());
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.user.id());
		}

	}

}
