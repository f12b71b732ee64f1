package org.carecycle.oversight.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.carecycle.oversight.Escalation;
import org.carecycle.oversight.EscalationStage;
import org.carecycle.oversight.Escalations;
import org.carecycle.web.Choice;
import org.carecycle.web.FormText;

import org.springframework.validation.Errors;

/**
 * The forms of the escalation pages, as typed; each checks itself into what
 * {@link Escalations} is called with.
 */
final class EscalationForms {

	/** The longest text kept for evidence, rationales, minutes and actions. */
	static final int LONG_TEXT = 20_000;

	private EscalationForms() {
	}

	/**
	 * A move: where to, why, on what evidence, and when it is next reviewed.
	 *
	 * @param version the version of the ladder the person started from; -1 for a ladder
	 * not started yet
	 * @param service the id of the service, when starting a service's ladder
	 * @param provider the id of the provider, when starting a provider's ladder
	 * @param stage an {@link EscalationStage} name
	 * @param evidence what the move rests on
	 * @param rationale why
	 * @param reviewDay the day it is next reviewed
	 * @param reviewMonth the month
	 * @param reviewYear the year
	 * @param lead the id of the lead officer
	 * @param afterSafeguarding whether a suspension follows a safeguarding enquiry
	 */
	record MoveForm(Integer version, String service, String provider, String stage, String evidence, String rationale,
			String reviewDay, String reviewMonth, String reviewYear, String lead, Boolean afterSafeguarding) {

		MoveForm {
			version = (version != null) ? version : -1;
			afterSafeguarding = (afterSafeguarding != null) ? afterSafeguarding : Boolean.FALSE;
		}

		/** Starting the ladder of a service or, with no service, of a provider. */
		static MoveForm start(UUID service, UUID provider, UUID lead) {
			return new MoveForm(-1, (service != null) ? service.toString() : null,
					(service == null && provider != null) ? provider.toString() : null, null, null, null, null, null,
					null, lead.toString(), false);
		}

		/** Moving a ladder, led by its lead officer or else by the person moving it. */
		static MoveForm of(Escalation escalation, UUID me) {
			return new MoveForm(escalation.version(), null, null, null, null, null, null, null, null,
					((escalation.leadOfficerId() != null) ? escalation.leadOfficerId() : me).toString(), false);
		}

		/**
		 * The move, or null with the problems in {@code errors}.
		 * @param errors where problems go
		 * @param today today in London
		 * @param leads the people who can lead a ladder
		 */
		Escalations.Move toMove(Errors errors, LocalDate today, List<Choice> leads) {
			EscalationStage to = FormText.choice(errors, "stage", this.stage, EscalationStage.class,
					"move.stage.blank");
			String checkedEvidence = FormText.check(errors, "evidence", this.evidence, true, LONG_TEXT,
					"move.evidence");
			String checkedRationale = FormText.check(errors, "rationale", this.rationale, true, LONG_TEXT,
					"move.rationale");
			LocalDate review = null;
			if (to != null && to != EscalationStage.ROUTINE) {
				review = FormText.date(errors, "review", this.reviewDay, this.reviewMonth, this.reviewYear,
						"move.review", true);
				if (review != null && !review.isAfter(today)) {
					errors.rejectValue("reviewDay", "move.review.future");
				}
			}
			UUID checkedLead = FormText.uuid(this.lead)
				.filter(candidate -> leads.stream().anyMatch(choice -> choice.value().equals(candidate.toString())))
				.orElse(null);
			if (to != null && to != EscalationStage.ROUTINE && checkedLead == null) {
				errors.rejectValue("lead", "move.lead.blank");
			}
			if (errors.hasErrors()) {
				return null;
			}
			return new Escalations.Move(to, checkedEvidence, checkedRationale, review, checkedLead,
					to == EscalationStage.SUSPENSION && this.afterSafeguarding);
		}

	}

	/**
	 * A multi-agency meeting.
	 *
	 * @param heldDay the day it was held
	 * @param heldMonth the month
	 * @param heldYear the year
	 * @param attendees who came
	 * @param minutes what was said
	 * @param actions what was agreed
	 */
	record MeetingForm(String heldDay, String heldMonth, String heldYear, String attendees, String minutes,
			String actions) {

		static MeetingForm empty() {
			return new MeetingForm(null, null, null, null, null, null);
		}

		/** The meeting, or null with the problems in {@code errors}. */
		Meeting toMeeting(Errors errors, LocalDate today) {
			LocalDate held = FormText.date(errors, "held", this.heldDay, this.heldMonth, this.heldYear, "meeting.held",
					true);
			if (held != null && held.isAfter(today)) {
				errors.rejectValue("heldDay", "meeting.held.future");
			}
			String checkedAttendees = FormText.check(errors, "attendees", this.attendees, true, LONG_TEXT,
					"meeting.attendees");
			String checkedMinutes = FormText.check(errors, "minutes", this.minutes, true, LONG_TEXT, "meeting.minutes");
			String checkedActions = FormText.check(errors, "actions", this.actions, false, LONG_TEXT,
					"meeting.actions");
			return errors.hasErrors() ? null : new Meeting(held, checkedAttendees, checkedMinutes, checkedActions);
		}

	}

	/**
	 * A checked meeting.
	 *
	 * @param held the day it was held
	 * @param attendees who came
	 * @param minutes what was said
	 * @param actions what was agreed, if anything
	 */
	record Meeting(LocalDate held, String attendees, String minutes, String actions) {

	}

}
