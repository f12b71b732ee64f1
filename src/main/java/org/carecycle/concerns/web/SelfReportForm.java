package org.carecycle.concerns.web;

import java.util.UUID;

/**
 * An incident or notification a provider reports about one of its own services, as typed.
 */
public class SelfReportForm {

	private String service;

	private String whatHappened;

	private String whenDay;

	private String whenMonth;

	private String whenYear;

	private String peopleAffected;

	private String atRisk;

	private UUID submissionKey = UUID.randomUUID();

	public String getService() {
		return this.service;
	}

	public void setService(String service) {
		this.service = service;
	}

	public String getWhatHappened() {
		return this.whatHappened;
	}

	public void setWhatHappened(String whatHappened) {
		this.whatHappened = whatHappened;
	}

	public String getWhenDay() {
		return this.whenDay;
	}

	public void setWhenDay(String whenDay) {
		this.whenDay = whenDay;
	}

	public String getWhenMonth() {
		return this.whenMonth;
	}

	public void setWhenMonth(String whenMonth) {
		this.whenMonth = whenMonth;
	}

	public String getWhenYear() {
		return this.whenYear;
	}

	public void setWhenYear(String whenYear) {
		this.whenYear = whenYear;
	}

	public String getPeopleAffected() {
		return this.peopleAffected;
	}

	public void setPeopleAffected(String peopleAffected) {
		this.peopleAffected = peopleAffected;
	}

	public String getAtRisk() {
		return this.atRisk;
	}

	public void setAtRisk(String atRisk) {
		this.atRisk = atRisk;
	}

	public UUID getSubmissionKey() {
		return this.submissionKey;
	}

	public void setSubmissionKey(UUID submissionKey) {
		this.submissionKey = submissionKey;
	}

}
