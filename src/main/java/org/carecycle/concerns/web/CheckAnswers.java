package org.carecycle.concerns.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.carecycle.concerns.ConcernKind;
import org.carecycle.web.FormText;
import org.carecycle.web.DateInput;

/**
 * The rows of the check-your-answers page: a question, the answer (as data or as a
 * message key) and where to change it.
 *
 * @param questionKey the question's message key
 * @param answer the answer as typed, or null when {@code answerKey} is given
 * @param answerKey the message key of a chosen answer
 * @param step the page that asks the question
 */
record CheckAnswers(String questionKey, String answer, String answerKey, String step) {

	static List<CheckAnswers> of(TellUsForm form) {
		boolean compliment = ConcernKind.COMPLIMENT.name().equals(form.kind());
		List<CheckAnswers> rows = new ArrayList<>();
		rows.add(new CheckAnswers("tellUs.check.kind", null, "tellUs.kind." + form.kind(), "kind"));
		rows.add((form.serviceName() != null)
				? new CheckAnswers("tellUs.check.service", form.serviceName(), null, "service")
				: new CheckAnswers("tellUs.check.service", form.serviceDescription(), null, "service"));
		rows.add(new CheckAnswers(compliment ? "tellUs.check.whatHappened.compliment" : "tellUs.check.whatHappened",
				form.whatHappened(), null, "what-happened"));
		LocalDate on = new DateInput(FormText.orEmpty(form.whenDay()), FormText.orEmpty(form.whenMonth()),
				FormText.orEmpty(form.whenYear()))
			.toDate();
		String when = (on != null)
				? on.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK)) : null;
		if (form.whenText() != null) {
			when = (when != null) ? when + " (" + form.whenText() + ")" : form.whenText();
		}
		rows.add(new CheckAnswers("tellUs.check.when", when, null, "when"));
		rows.add((form.peopleAffected() != null)
				? new CheckAnswers("tellUs.check.peopleAffected", form.peopleAffected(), null, "who-was-affected")
				: new CheckAnswers("tellUs.check.peopleAffected", null, "tellUs.check.notGiven", "who-was-affected"));
		if (!compliment) {
			rows.add(new CheckAnswers("tellUs.check.atRisk", null, "concern.atRisk." + form.atRisk(), "risk"));
		}
		rows.add(new CheckAnswers("tellUs.check.reporterRole", null, "concern.reporterRole." + form.reporterRole(),
				"about-you"));
		boolean anonymous = "no".equals(form.giveDetails());
		rows.add(new CheckAnswers("tellUs.check.giveDetails", null,
				anonymous ? "tellUs.giveDetails.no" : "tellUs.giveDetails.yes", "your-details"));
		if (!anonymous) {
			rows.add(new CheckAnswers("tellUs.check.name", form.name(), null, "contact"));
			rows.add((form.email() != null) ? new CheckAnswers("tellUs.check.email", form.email(), null, "contact")
					: new CheckAnswers("tellUs.check.email", null, "tellUs.check.notGiven", "contact"));
			rows.add((form.phone() != null) ? new CheckAnswers("tellUs.check.phone", form.phone(), null, "contact")
					: new CheckAnswers("tellUs.check.phone", null, "tellUs.check.notGiven", "contact"));
			rows.add(new CheckAnswers("tellUs.check.consent", null, form.consent() ? "common.yes" : "common.no",
					"contact"));
		}
		return rows;
	}

}
