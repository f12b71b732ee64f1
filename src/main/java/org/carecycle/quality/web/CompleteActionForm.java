package org.carecycle.quality.web;

import java.time.LocalDate;

import org.carecycle.quality.Reviews;
import org.carecycle.web.DateInput;

import org.springframework.util.StringUtils;
import org.springframework.validation.Errors;
import org.springframework.web.multipart.MultipartFile;

/**
 * An action of the plan marked as done, as typed: when, what was done and, if the
 * provider has one, a document that shows it.
 *
 * @param doneDay the day it was done
 * @param doneMonth the month
 * @param doneYear the year
 * @param note what was done
 * @param document the document chosen, if any
 */
record CompleteActionForm(String doneDay, String doneMonth, String doneYear, String note, MultipartFile document) {

	static CompleteActionForm of(Reviews.Action action) {
		if (!action.isDone()) {
			return new CompleteActionForm(null, null, null, null, null);
		}
		DateInput done = DateInput.of(action.completedOn());
		return new CompleteActionForm(done.day(), done.month(), done.year(), action.completionNote(), null);
	}

	DateInput done() {
		return new DateInput(orEmpty(this.doneDay), orEmpty(this.doneMonth), orEmpty(this.doneYear));
	}

	/** Whether a file was chosen (a browser may send an empty part with no name). */
	boolean hasDocument() {
		return this.document != null
				&& !(this.document.isEmpty() && !StringUtils.hasText(this.document.getOriginalFilename()));
	}

	/**
	 * The date and note, checked: the problems go in {@code errors} (the document is
	 * checked by the caller).
	 * @param errors where problems go
	 * @param today today in London
	 * @param doneName the name of the date in messages
	 * @param noteLength the longest note kept
	 */
	Completion toCompletion(Errors errors, LocalDate today, String doneName, int noteLength) {
		DateInput checkedDone = done();
		if (checkedDone.isBlank()) {
			errors.rejectValue("doneDay", "providerReviews.complete.done.blank");
		}
		else if (checkedDone.problem() != null) {
			errors.rejectValue("doneDay", checkedDone.problem(), new Object[] { doneName }, null);
		}
		else if (checkedDone.toDate().isAfter(today)) {
			errors.rejectValue("doneDay", "providerReviews.complete.done.future");
		}
		if (!StringUtils.hasText(this.note)) {
			errors.rejectValue("note", "providerReviews.complete.note.blank");
		}
		else if (this.note.strip().length() > noteLength) {
			errors.rejectValue("note", "providerReviews.complete.note.long", new Object[] { noteLength }, null);
		}
		return errors.hasErrors() ? null : new Completion(checkedDone.toDate(), this.note.strip());
	}

	private static String orEmpty(String value) {
		return (value != null) ? value : "";
	}

	/**
	 * A checked completion.
	 *
	 * @param done the day it was done
	 * @param note what was done
	 */
	record Completion(LocalDate done, String note) {

	}

}
