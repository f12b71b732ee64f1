package org.carecycle.concerns.web;

/** The outcome of a concern and the lessons learned, as typed. */
public class CloseForm {

	private int version;

	private String outcome;

	private String lessons;

	public int getVersion() {
		return this.version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

	public String getOutcome() {
		return this.outcome;
	}

	public void setOutcome(String outcome) {
		this.outcome = outcome;
	}

	public String getLessons() {
		return this.lessons;
	}

	public void setLessons(String lessons) {
		this.lessons = lessons;
	}

}
