package org.carecycle.safeguarding;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.carecycle.identity.CurrentUser;
import org.carecycle.identity.SignedInUser;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.shared.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may read a safeguarding case: the tightest rule in CareCycle. Safeguarding leads
 * read every case; council staff named on a case (a QA officer working with the provider,
 * an enquiry officer) read that case only; nobody else reads any, administrators
 * included. A case someone may not read is "Page not found", exactly as one that does not
 * exist, so an id reveals nothing.
 */
@Component
public class CaseAccess {

	/**
	 * The roles that may open the safeguarding pages at all; the case decides the rest.
	 */
	public static final Set<Role> SECTION_ROLES = Set.copyOf(EnumSet.of(Role.SAFEGUARDING_LEAD, Role.QA_OFFICER));

	/** Roles that may be named on a case. */
	public static final Set<Role> NAMEABLE = Set.copyOf(EnumSet.of(Role.QA_OFFICER, Role.SAFEGUARDING_LEAD));

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	CaseAccess(JdbcClient jdbc, CurrentUser currentUser) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
	}

	/** Whether the user may read every case (and decide, enquire and report). */
	public static boolean isLead(SignedInUser user) {
		return user.role() == Role.SAFEGUARDING_LEAD;
	}

	/** Whether the user may read the case: a lead, or council staff named on it. */
	public boolean mayRead(SignedInUser user, UUID concernId) {
		if (isLead(user)) {
			return true;
		}
		if (!NAMEABLE.contains(user.role())) {
			return false;
		}
		return this.jdbc
			.sql("select exists (select 1 from safeguarding_case_officer where concern_id = :c and user_id = :u)")
			.param("c", concernId)
			.param("u", user.id())
			.query(Boolean.class)
			.single();
	}

	/** The signed-in user, if they may read the case; "Page not found" otherwise. */
	public SignedInUser requireRead(UUID concernId) {
		SignedInUser user = this.currentUser.require();
		if (!mayRead(user, concernId)) {
			throw new RecordNotFoundException("safeguarding case " + concernId);
		}
		return user;
	}

	/** The signed-in user, if a safeguarding lead; "Page not found" otherwise. */
	public SignedInUser requireLead() {
		SignedInUser user = this.currentUser.require();
		if (!isLead(user)) {
			throw new RecordNotFoundException("safeguarding lead's page");
		}
		return user;
	}

}
