package org.carecycle.concerns.web;

import java.util.UUID;

/**
 * A concern or compliment that reached a member of staff by phone, email, letter or in
 * person, as typed.
 */
public class StaffConcernForm {

	private String service;

	private String kind;

	private String channel;

	private String receivedDay;

	private String receivedMonth;

	private String receivedYear;

	private String serviceDescription;

	private String whatHappened;

	private String whenText;

	private String peopleAffected;

	private String atRisk;

	private String reporterRole;

	private String name;

	private String email;

	private String phone;

	private boolean consent;

	private UUID submissionKey = UUID.randomUUID();

	public String getService() {
		return this.service;
	}

	public void setService(String service) {
		this.service = service;
	}

	public String getKind() {
		return this.kind;
	}

	public void setKind(String kind) {
		this.kind = kind;
	}

	public String getChannel() {
		return this.channel;
	}

	public void setChannel(String channel) {
		this.channel = channel;
	}

	public String getReceivedDay() {
		return this.receivedDay;
	}

	public void setReceivedDay(String receivedDay) {
		this.receivedDay = receivedDay;
	}

	public String getReceivedMonth() {
		return this.receivedMonth;
	}

	public void setReceivedMonth(String receivedMonth) {
		this.receivedMonth = receivedMonth;
	}

	public String getReceivedYear() {
		return this.receivedYear;
	}

	public void setReceivedYear(String receivedYear) {
		this.receivedYear = receivedYear;
	}

	public String getServiceDescription() {
		return this.serviceDescription;
	}

	public void setServiceDescription(String serviceDescription) {
		this.serviceDescription = serviceDescription;
	}

	public String getWhatHappened() {
		return this.whatHappened;
	}

	public void setWhatHappened(String whatHappened) {
		this.whatHappened = whatHappened;
	}

	public String getWhenText() {
		return this.whenText;
	}

	public void setWhenText(String whenText) {
		this.whenText = whenText;
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

	public String getReporterRole() {
		return this.reporterRole;
	}

	public void setReporterRole(String reporterRole) {
		this.reporterRole = reporterRole;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getPhone() {
		return this.phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public boolean isConsent() {
		return this.consent;
	}

	public void setConsent(boolean consent) {
		this.consent = consent;
	}

	public UUID getSubmissionKey() {
		return this.submissionKey;
	}

	public void setSubmissionKey(UUID submissionKey) {
		this.submissionKey = submissionKey;
	}

}
