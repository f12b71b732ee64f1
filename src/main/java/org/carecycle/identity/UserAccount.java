package org.carecycle.identity;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import org.carecycle.shared.ProviderId;
import org.carecycle.shared.Role;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A user account. Changes are methods that return the changed account and refuse what the
 * service must not allow; there are no setters.
 */
@Table("app_user")
public final class UserAccount {

	@Id
	private final UUID id;

	@Version
	private final Integer version;

	private final String email;

	private final String displayName;

	@AuditRedacted
	private final String passwordHash;

	private final Role role;

	private final UUID providerId;

	private final boolean enabled;

	private final boolean mustChangePassword;

	private final Instant createdAt;

	@PersistenceCreator
	UserAccount(UUID id, Integer version, String email, String displayName, String passwordHash, Role role,
			UUID providerId, boolean enabled, boolean mustChangePassword, Instant createdAt) {
		this.id = Objects.requireNonNull(id);
		this.version = version;
		this.email = normaliseEmail(email);
		this.displayName = Objects.requireNonNull(displayName).strip();
		this.passwordHash = passwordHash;
		this.role = Objects.requireNonNull(role);
		this.providerId = providerId;
		this.enabled = enabled;
		this.mustChangePassword = mustChangePassword;
		this.createdAt = Objects.requireNonNull(createdAt);
		if ((role == Role.PROVIDER) != (providerId != null)) {
			throw new IllegalStateException(
					"A provider user must belong to a provider organisation, and no one else can");
		}
	}

	/**
	 * A new account with a temporary password that the user must change when they first
	 * sign in.
	 */
	static UserAccount create(String email, String displayName, Role role, ProviderId provider,
			String temporaryPasswordHash, Instant now) {
		return new UserAccount(UUID.randomUUID(), null, email, displayName, temporaryPasswordHash, role,
				(provider != null) ? provider.value() : null, true, true, now);
	}

	static String normaliseEmail(String email) {
		return Objects.requireNonNull(email).strip().toLowerCase(Locale.ROOT);
	}

	UserAccount withRole(Role newRole, ProviderId provider) {
		return new UserAccount(this.id, this.version, this.email, this.displayName, this.passwordHash, newRole,
				(provider != null) ? provider.value() : null, this.enabled, this.mustChangePassword, this.createdAt);
	}

	UserAccount renamed(String newDisplayName) {
		return new UserAccount(this.id, this.version, this.email, newDisplayName, this.passwordHash, this.role,
				this.providerId, this.enabled, this.mustChangePassword, this.createdAt);
	}

	UserAccount disabled() {
		if (!this.enabled) {
			throw new IllegalStateException("This account is already disabled");
		}
		return new UserAccount(this.id, this.version, this.email, this.displayName, this.passwordHash, this.role,
				this.providerId, false, this.mustChangePassword, this.createdAt);
	}

	UserAccount enabled() {
		if (this.enabled) {
			throw new IllegalStateException("This account is already enabled");
		}
		return new UserAccount(this.id, this.version, this.email, this.displayName, this.passwordHash, this.role,
				this.providerId, true, this.mustChangePassword, this.createdAt);
	}

	/** An administrator's reset: a temporary password the user must change. */
	UserAccount withTemporaryPassword(String hash) {
		return new UserAccount(this.id, this.version, this.email, this.displayName, hash, this.role, this.providerId,
				this.enabled, true, this.createdAt);
	}

	/** The user's own choice of password. */
	UserAccount withPassword(String hash) {
		return new UserAccount(this.id, this.version, this.email, this.displayName, hash, this.role, this.providerId,
				this.enabled, false, this.createdAt);
	}

	public UUID id() {
		return this.id;
	}

	Integer version() {
		return this.version;
	}

	public String email() {
		return this.email;
	}

	public String displayName() {
		return this.displayName;
	}

	String passwordHash() {
		return this.passwordHash;
	}

	public Role role() {
		return this.role;
	}

	public ProviderId provider() {
		return (this.providerId != null) ? new ProviderId(this.providerId) : null;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public boolean mustChangePassword() {
		return this.mustChangePassword;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	SignedInUser toSignedInUser() {
		return new SignedInUser(this.id, this.email, this.displayName, this.role, provider());
	}

}
