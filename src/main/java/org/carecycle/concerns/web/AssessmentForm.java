package org.carecycle.concerns.web;

import java.util.List;

/** An officer's assessment of a concern, as typed. */
public class AssessmentForm {

	private int version;

	private List<String> themes;

	private String likelihood;

	private String impact;

	private String action;

	private String rationale;

	private String providerSummary;

	public int getVersion() {
		return this.version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

	public List<String> getThemes() {
		return this.themes;
	}

	public void setThemes(List<String> themes) {
		this.themes = themes;
	}

	public String getLikelihood() {
		return this.likelihood;
	}

	public void setLikelihood(String likelihood) {
		this.likelihood = likelihood;
	}

	public String getImpact() {
		return this.impact;
	}

	public void setImpact(String impact) {
		this.impact = impact;
	}

	public String getAction() {
		return this.action;
	}

	public void setAction(String action) {
		this.action = action;
	}

	public String getRationale() {
		return this.rationale;
	}

	public void setRationale(String rationale) {
		this.rationale = rationale;
	}

	public String getProviderSummary() {
		return this.providerSummary;
	}

	public void setProviderSummary(String providerSummary) {
		this.providerSummary = providerSummary;
	}

}
