package org.carecycle.concerns;

import java.util.List;

import org.carecycle.providers.KeyQuestion;

import static org.carecycle.concerns.QaStandard.CARE_AND_WELFARE;
import static org.carecycle.concerns.QaStandard.COMPLAINTS;
import static org.carecycle.concerns.QaStandard.COOPERATING_WITH_PROVIDERS;
import static org.carecycle.concerns.QaStandard.EQUIPMENT;
import static org.carecycle.concerns.QaStandard.INFECTION_CONTROL;
import static org.carecycle.concerns.QaStandard.MEDICINES;
import static org.carecycle.concerns.QaStandard.MONITORING_QUALITY;
import static org.carecycle.concerns.QaStandard.NUTRITION;
import static org.carecycle.concerns.QaStandard.PREMISES;
import static org.carecycle.concerns.QaStandard.RECORDS;
import static org.carecycle.concerns.QaStandard.REQUIREMENTS_FOR_WORKERS;
import static org.carecycle.concerns.QaStandard.RESPECTING_AND_INVOLVING;
import static org.carecycle.concerns.QaStandard.SAFEGUARDING;
import static org.carecycle.concerns.QaStandard.STAFFING;
import static org.carecycle.concerns.QaStandard.SUPPORTING_STAFF;

/**
 * What a concern is about. Each theme maps to the quality assurance standards it bears on
 * and to CQC's key questions, so that concerns feed the next review and the risk profile.
 */
public enum Theme {

	MEDICATION(List.of(MEDICINES), List.of(KeyQuestion.SAFE)),
	STAFFING_LEVELS(List.of(STAFFING, REQUIREMENTS_FOR_WORKERS, SUPPORTING_STAFF),
			List.of(KeyQuestion.SAFE, KeyQuestion.WELL_LED)),
	DIGNITY_AND_RESPECT(List.of(RESPECTING_AND_INVOLVING), List.of(KeyQuestion.CARING)),
	NUTRITION_AND_HYDRATION(List.of(NUTRITION), List.of(KeyQuestion.EFFECTIVE)),
	FALLS(List.of(CARE_AND_WELFARE, SAFEGUARDING), List.of(KeyQuestion.SAFE)),
	PRESSURE_CARE(List.of(CARE_AND_WELFARE), List.of(KeyQuestion.SAFE, KeyQuestion.EFFECTIVE)),
	INFECTION_CONTROL(List.of(QaStandard.INFECTION_CONTROL), List.of(KeyQuestion.SAFE)),
	RECORDS(List.of(QaStandard.RECORDS), List.of(KeyQuestion.WELL_LED)),
	PREMISES_AND_EQUIPMENT(List.of(PREMISES, EQUIPMENT), List.of(KeyQuestion.SAFE)),
	MANAGEMENT_AND_LEADERSHIP(List.of(MONITORING_QUALITY), List.of(KeyQuestion.WELL_LED)),
	MISSED_OR_LATE_VISITS(List.of(CARE_AND_WELFARE, STAFFING), List.of(KeyQuestion.RESPONSIVE, KeyQuestion.SAFE)),
	FINANCE(List.of(SAFEGUARDING, MONITORING_QUALITY), List.of(KeyQuestion.SAFE, KeyQuestion.WELL_LED)),
	COMMUNICATION(List.of(RESPECTING_AND_INVOLVING, COOPERATING_WITH_PROVIDERS, COMPLAINTS),
			List.of(KeyQuestion.RESPONSIVE, KeyQuestion.CARING));

	private final List<QaStandard> standards;

	private final List<KeyQuestion> keyQuestions;

	Theme(List<QaStandard> standards, List<KeyQuestion> keyQuestions) {
		this.standards = standards;
		this.keyQuestions = keyQuestions;
	}

	public List<QaStandard> standards() {
		return this.standards;
	}

	public List<KeyQuestion> keyQuestions() {
		return this.keyQuestions;
	}

	public String messageKey() {
		return "theme." + name();
	}

}
