package org.carecycle.identity;

/** What an audit event records. */
public enum AuditAction {

	/** A business record was created. */
	CREATED,
	/** A business record was changed. */
	CHANGED,
	/** A business record was deleted. */
	DELETED,
	/** Many records were loaded at once (an import, the demo county). */
	IMPORTED,
	/** Records were downloaded from the service (an export). */
	EXPORTED,
	/** Someone signed in. */
	SIGNED_IN,
	/** A sign-in was refused: wrong details, disabled account or too many attempts. */
	SIGN_IN_FAILED,
	/** Someone signed out, or was signed out. */
	SIGNED_OUT,
	/**
	 * A second factor was set up, turned off, reset by an administrator, or given new
	 * recovery codes.
	 */
	SECOND_FACTOR_CHANGED,
	/**
	 * Someone tried to read sealed records (a tender's bids) before they could be opened.
	 */
	SEALED_READ_REFUSED,
	/** Sealed records (a tender's bids) were opened or read after their deadline. */
	SEALED_READ;

	public String messageKey() {
		return "auditAction." + name();
	}

}
