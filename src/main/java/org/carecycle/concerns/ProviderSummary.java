package org.carecycle.concerns;

/**
 * What the officer approved to tell the provider, with the checks they confirmed: that
 * the summary does not identify the person who told us, and, when that person works at
 * the service, a second check that nothing only a colleague would know is left in.
 *
 * @param text exactly what the provider will see
 * @param checked the officer confirmed the summary does not identify the reporter
 * @param colleagueChecked the officer confirmed the second check for a reporter who works
 * at the service
 */
public record ProviderSummary(String text, boolean checked, boolean colleagueChecked) {

	/**
	 * Refuses a summary the officer has not confirmed, as the page requires.
	 * @param role who told us
	 */
	void requireChecks(ReporterRole role) {
		if (this.text == null || this.text.isBlank()) {
			throw new IllegalArgumentException("The provider needs a summary");
		}
		if (!this.checked) {
			throw new IllegalArgumentException("The officer has not confirmed the summary");
		}
		if (role != null && role.worksAtService() && !this.colleagueChecked) {
			throw new IllegalArgumentException("The reporter works at the service: the second check is missing");
		}
	}

	/** What the audit log keeps of the checks. */
	String audited(ReporterRole role) {
		return (role != null && role.worksAtService())
				? "Provider summary checked by the officer; second check confirmed: the person who told us works at the service"
				: "Provider summary checked by the officer: it does not identify the person who told us";
	}

}
