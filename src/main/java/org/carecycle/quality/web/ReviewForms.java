package org.carecycle.quality.web;

/**
 * The forms of the review pages, as the GOV.UK form fragments bind them (properties with
 * getters and setters); the controller checks them and turns them into calls on
 * {@link org.carecycle.quality.Reviews}.
 */
final class ReviewForms {

	private ReviewForms() {
	}

	/** Planning or moving a review: when and by whom. */
	public static class PlanForm {

		private int version;

		private String service;

		private String kind;

		private String officer;

		private String dateDay;

		private String dateMonth;

		private String dateYear;

		public int getVersion() {
			return this.version;
		}

		public void setVersion(int version) {
			this.version = version;
		}

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

		public String getOfficer() {
			return this.officer;
		}

		public void setOfficer(String officer) {
			this.officer = officer;
		}

		public String getDateDay() {
			return this.dateDay;
		}

		public void setDateDay(String dateDay) {
			this.dateDay = dateDay;
		}

		public String getDateMonth() {
			return this.dateMonth;
		}

		public void setDateMonth(String dateMonth) {
			this.dateMonth = dateMonth;
		}

		public String getDateYear() {
			return this.dateYear;
		}

		public void setDateYear(String dateYear) {
			this.dateYear = dateYear;
		}

	}

	/** The visit: dates, announced or not, who was spoken to, what was asked for. */
	public static class VisitForm {

		private int version;

		private String startDay;

		private String startMonth;

		private String startYear;

		private String endDay;

		private String endMonth;

		private String endYear;

		private String announced;

		private String peopleSpokenTo;

		private String documentsRequested;

		public int getVersion() {
			return this.version;
		}

		public void setVersion(int version) {
			this.version = version;
		}

		public String getStartDay() {
			return this.startDay;
		}

		public void setStartDay(String startDay) {
			this.startDay = startDay;
		}

		public String getStartMonth() {
			return this.startMonth;
		}

		public void setStartMonth(String startMonth) {
			this.startMonth = startMonth;
		}

		public String getStartYear() {
			return this.startYear;
		}

		public void setStartYear(String startYear) {
			this.startYear = startYear;
		}

		public String getEndDay() {
			return this.endDay;
		}

		public void setEndDay(String endDay) {
			this.endDay = endDay;
		}

		public String getEndMonth() {
			return this.endMonth;
		}

		public void setEndMonth(String endMonth) {
			this.endMonth = endMonth;
		}

		public String getEndYear() {
			return this.endYear;
		}

		public void setEndYear(String endYear) {
			this.endYear = endYear;
		}

		public String getAnnounced() {
			return this.announced;
		}

		public void setAnnounced(String announced) {
			this.announced = announced;
		}

		public String getPeopleSpokenTo() {
			return this.peopleSpokenTo;
		}

		public void setPeopleSpokenTo(String peopleSpokenTo) {
			this.peopleSpokenTo = peopleSpokenTo;
		}

		public String getDocumentsRequested() {
			return this.documentsRequested;
		}

		public void setDocumentsRequested(String documentsRequested) {
			this.documentsRequested = documentsRequested;
		}

	}

	/** A standard's rating and findings. */
	public static class FindingForm {

		private int version;

		private String rating;

		private String findings;

		public int getVersion() {
			return this.version;
		}

		public void setVersion(int version) {
			this.version = version;
		}

		public String getRating() {
			return this.rating;
		}

		public void setRating(String rating) {
			this.rating = rating;
		}

		public String getFindings() {
			return this.findings;
		}

		public void setFindings(String findings) {
			this.findings = findings;
		}

	}

	/** A piece of evidence: a note or an observation, and perhaps a document. */
	public static class EvidenceForm {

		private String kind;

		private String text;

		private org.springframework.web.multipart.MultipartFile document;

		public org.springframework.web.multipart.MultipartFile getDocument() {
			return this.document;
		}

		public void setDocument(org.springframework.web.multipart.MultipartFile document) {
			this.document = document;
		}

		public String getKind() {
			return this.kind;
		}

		public void setKind(String kind) {
			this.kind = kind;
		}

		public String getText() {
			return this.text;
		}

		public void setText(String text) {
			this.text = text;
		}

	}

	/** One text and the version it was written against (summary, reasons, decisions). */
	public static class TextForm {

		private int version;

		private String text;

		public int getVersion() {
			return this.version;
		}

		public void setVersion(int version) {
			this.version = version;
		}

		public String getText() {
			return this.text;
		}

		public void setText(String text) {
			this.text = text;
		}

	}

	/** The senior officer's decision on a provider's comment. */
	public static class DecisionForm {

		private int version;

		private String outcome;

		private String response;

		private String rating;

		private String findings;

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

		public String getResponse() {
			return this.response;
		}

		public void setResponse(String response) {
			this.response = response;
		}

		public String getRating() {
			return this.rating;
		}

		public void setRating(String rating) {
			this.rating = rating;
		}

		public String getFindings() {
			return this.findings;
		}

		public void setFindings(String findings) {
			this.findings = findings;
		}

	}

}
