package org.carecycle.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.carecycle.shared.ProviderId;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.shared.Role;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adding people, changing what they do, disabling them and resetting their passwords.
 * Each change is saved as a whole account (so the audit log shows what changed) and ends
 * the person's open sessions where it takes away access.
 */
@Service
public class UserAdministration {

	private static final char[] TEMPORARY_PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

	private final UserAccounts accounts;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy passwordPolicy;

	private final OpenSessions openSessions;

	private final AuditLog auditLog;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	UserAdministration(UserAccounts accounts, PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy,
			OpenSessions openSessions, AuditLog auditLog, Clock clock) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.passwordPolicy = passwordPolicy;
		this.openSessions = openSessions;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/**
	 * Adds a person with a temporary password, returned once so that the administrator
	 * can pass it on; they must choose their own when they first sign in.
	 * @throws EmailAlreadyUsedException when another account has the email address
	 */
	@Transactional
	public NewAccount add(String email, String displayName, Role role, ProviderId provider) {
		String temporaryPassword = temporaryPassword();
		UserAccount account = UserAccount.create(email, displayName, role, provider,
				this.passwordEncoder.encode(temporaryPassword), this.clock.instant());
		if (this.accounts.findByEmail(account.email()).isPresent()) {
			throw new EmailAlreadyUsedException();
		}
		try {
			this.accounts.save(account);
		}
		catch (DuplicateKeyException ex) {
			throw new EmailAlreadyUsedException();
		}
		return new NewAccount(account.id(), temporaryPassword);
	}

	/**
	 * Adds an account with a known password and no need to change it: for demo accounts
	 * and for the first administrator of a new installation, never for real people.
	 */
	@Transactional
	public UUID addWithPassword(String email, String displayName, Role role, ProviderId provider, String password) {
		UserAccount account = UserAccount.create(email, displayName, role, provider, null, this.clock.instant())
			.withPassword(this.passwordEncoder.encode(password));
		return this.accounts.save(account).id();
	}

	/** An account to add with a known password. */
	public record KnownPasswordAccount(String email, String displayName, Role role, ProviderId provider) {
	}

	/**
	 * Adds accounts sharing one known password, encoded once (encoding is slow on
	 * purpose): for demo accounts only, never for real people.
	 */
	@Transactional
	public void addAllWithPassword(List<KnownPasswordAccount> accounts, String password) {
		String encoded = this.passwordEncoder.encode(password);
		for (KnownPasswordAccount account : accounts) {
			this.accounts.save(
					UserAccount
						.create(account.email(), account.displayName(), account.role(), account.provider(), null,
								this.clock.instant())
						.withPassword(encoded));
		}
	}

	/**
	 * The first administrator of a new installation, with a password they must change.
	 */
	@Transactional
	UUID addFirstAdministrator(String email, String password) {
		UserAccount account = UserAccount.create(email, "Administrator", Role.ADMIN, null,
				this.passwordEncoder.encode(password), this.clock.instant());
		return this.accounts.save(account).id();
	}

	@Transactional
	public void changeRole(UUID id, Role role, ProviderId provider, UUID changedBy) {
		UserAccount account = find(id);
		if (id.equals(changedBy) && account.role() == Role.ADMIN && role != Role.ADMIN) {
			throw new IllegalStateException("You cannot take away your own administrator role");
		}
		if (account.role() == Role.ADMIN && role != Role.ADMIN && isLastEnabledAdministrator(account)) {
			throw new IllegalStateException("There must always be at least one administrator");
		}
		this.accounts.save(account.withRole(role, provider));
		this.openSessions.end(id);
	}

	@Transactional
	public void rename(UUID id, String displayName) {
		this.accounts.save(find(id).renamed(displayName));
	}

	@Transactional
	public void disable(UUID id, UUID changedBy) {
		UserAccount account = find(id);
		if (id.equals(changedBy)) {
			throw new IllegalStateException("You cannot disable your own account");
		}
		if (account.role() == Role.ADMIN && isLastEnabledAdministrator(account)) {
			throw new IllegalStateException("There must always be at least one administrator");
		}
		this.accounts.save(account.disabled());
		this.openSessions.end(id);
	}

	@Transactional
	public void enable(UUID id) {
		this.accounts.save(find(id).enabled());
	}

	/**
	 * Gives the account a new temporary password, returned once, and signs the person
	 * out.
	 */
	@Transactional
	public String resetPassword(UUID id) {
		String temporaryPassword = temporaryPassword();
		this.accounts.save(find(id).withTemporaryPassword(this.passwordEncoder.encode(temporaryPassword)));
		this.openSessions.end(id);
		return temporaryPassword;
	}

	/**
	 * The user's own change of password. Their other open sessions end, since one of them
	 * may be someone who learnt the old password; the one they changed it in stays.
	 * @param keptSessionId the session in which they changed it
	 * @return the key of the message explaining why the change was refused, if it was
	 */
	@Transactional
	public Optional<PasswordChangeProblem> changeOwnPassword(UUID id, String currentPassword, String newPassword,
			String keptSessionId) {
		UserAccount account = find(id);
		if (account.passwordHash() == null || currentPassword == null
				|| !this.passwordEncoder.matches(currentPassword, account.passwordHash())) {
			return Optional.of(new PasswordChangeProblem("currentPassword", "password.error.current"));
		}
		Optional<String> problem = this.passwordPolicy.problemWith(newPassword, account.email(), account.displayName());
		if (problem.isPresent()) {
			return Optional.of(new PasswordChangeProblem("newPassword", problem.get()));
		}
		if (this.passwordEncoder.matches(newPassword, account.passwordHash())) {
			return Optional.of(new PasswordChangeProblem("newPassword", "password.error.same"));
		}
		this.accounts.save(account.withPassword(this.passwordEncoder.encode(newPassword)));
		int ended = this.openSessions.endAllBut(id, keptSessionId);
		if (ended > 0) {
			this.auditLog.recordSignIn(AuditAction.SIGNED_OUT, id, account.displayName() + " (" + account.email() + ")",
					account.role().name(), "Signed out of " + ended
							+ ((ended == 1) ? " other session" : " other sessions") + " after changing their password");
		}
		return Optional.empty();
	}

	public Optional<UserAccount> findAccount(UUID id) {
		return this.accounts.findById(id);
	}

	private UserAccount find(UUID id) {
		return this.accounts.findById(id).orElseThrow(() -> new RecordNotFoundException("No such user"));
	}

	private boolean isLastEnabledAdministrator(UserAccount account) {
		return account.isEnabled() && this.accounts.countByRoleAndEnabled(Role.ADMIN, true) <= 1;
	}

	private String temporaryPassword() {
		StringBuilder password = new StringBuilder();
		for (int group = 0; group < 4; group++) {
			if (group > 0) {
				password.append('-');
			}
			for (int i = 0; i < 4; i++) {
				password.append(TEMPORARY_PASSWORD_ALPHABET[this.random.nextInt(TEMPORARY_PASSWORD_ALPHABET.length)]);
			}
		}
		return password.toString();
	}

	/**
	 * A new account and its temporary password.
	 *
	 * @param id the account's id
	 * @param temporaryPassword the password to pass on, shown once
	 */
	public record NewAccount(UUID id, String temporaryPassword) {
	}

	/**
	 * Why a change of password was refused.
	 *
	 * @param field the form field at fault
	 * @param messageKey the message to show
	 */
	public record PasswordChangeProblem(String field, String messageKey) {
	}

	/** Another account already signs in with this email address. */
	public static class EmailAlreadyUsedException extends RuntimeException {

		EmailAlreadyUsedException() {
			super("An account with this email address already exists");
		}

	}

}
