package org.carecycle.concerns;

/**
 * The graded action chosen when a concern is assessed, from the lightest to the heaviest.
 */
public enum ConcernAction {

	INTELLIGENCE_ONLY, ASK_PROVIDER, QA_VISIT_ANNOUNCED, QA_VISIT_UNANNOUNCED, IMPROVEMENT_PLAN, REFER_SAFEGUARDING,
	SHARE_WITH_CQC, RECOMMEND_ESCALATION;

	public String messageKey() {
		return "concern.action." + name();
	}

	public String hintKey() {
		return "concern.action." + name() + ".hint";
	}

}
