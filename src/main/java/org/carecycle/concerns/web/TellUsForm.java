package org.carecycle.concerns.web;

import java.io.Serial;
import java.io.Serializable;
import java.util.UUID;

/**
 * The answers of the public form as typed, kept in the session between its pages. Each
 * page binds a fresh copy and takes only its own fields from it.
 */
public class TellUsForm implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private String kind;

	private String serviceId;

	private String serviceName;

	private String serviceDescription;

	private String whatHappened;

	private String whenDay;

	private String whenMonth;

	private String whenYear;

	private String whenText;

	private String peopleAffected;

	private String atRisk;

	private String reporterRole;

	private String giveDetails;

	private String name;

	private String email;

	private String phone;

	private boolean consent;

	/** The honeypot: a field people never see, that form-filling robots fill. */
	private String website;

	private UUID submissionKey = UUID.randomUUID();

	public String getKind() {
		return this.kind;
	}

	public void setKind(String kind) {
		this.kind = kind;
	}

	public String getServiceId() {
		return this.serviceId;
	}

	public void setServiceId(String serviceId) {
		this.serviceId = serviceId;
	}

	public String getServiceName() {
		return this.serviceName;
	}

	public void setServiceName(String serviceName) {
		this.serviceName = serviceName;
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

	public String getGiveDetails() {
		return this.giveDetails;
	}

	public void setGiveDetails(String giveDetails) {
		this.giveDetails = giveDetails;
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

	public String getWebsite() {
		return this.website;
	}

	public void setWebsite(String website) {
		this.website = website;
	}

	public UUID getSubmissionKey() {
		return this.submissionKey;
	}

	void newSubmissionKey() {
		this.submissionKey = UUID.randomUUID();
	}

}
