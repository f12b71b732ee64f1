package org.carecycle.providers.imports;

/** Where an import job is. */
public enum ImportStatus {

	QUEUED, RUNNING, SUCCEEDED, FAILED;

	public String messageKey() {
		return "importStatus." + name();
	}

	public boolean isFinished() {
		return this == SUCCEEDED || this == FAILED;
	}

}
