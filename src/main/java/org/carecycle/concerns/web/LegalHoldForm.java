package org.carecycle.concerns.web;

/** Why a concern is placed on legal hold, as typed. */
public class LegalHoldForm {

	/** The longest reason kept (the column's size). */
	static final int MAX_REASON = 500;

	private int version;

	private String reason;

	public int getVersion() {
		return this.version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

	public String getReason() {
		return this.reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

}
