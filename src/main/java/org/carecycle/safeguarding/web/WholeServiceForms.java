package org.carecycle.safeguarding.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.carecycle.safeguarding.WholeServiceEnquiries;
import org.carecycle.safeguarding.WholeServiceEnquiries.Attendee;
import org.carecycle.safeguarding.WholeServiceEnquiries.NewAction;
import org.carecycle.safeguarding.WholeServiceEnquiry.Agency;
import org.carecycle.safeguarding.WholeServiceEnquiry.Audience;
import org.carecycle.safeguarding.WholeServiceEnquiry.MeetingKind;
import org.carecycle.web.FormText;

import org.springframework.util.StringUtils;
import org.springframework.validation.Errors;

/** The forms of the whole-service enquiry pages, as typed, each checking itself. */
final class WholeServiceForms {

	static final int LONG_TEXT = WholeServiceEnquiries.LONG_TEXT;

	static final int NAME = 200;

	private WholeServiceForms() {
	}

	/** A lead raises an enquiry about a service by hand. */
	record RaiseForm(String service, String detail) {

		static RaiseForm empty(String service) {
			return new RaiseForm(service, null);
		}

	}

	/**
	 * The senior manager's decision.
	 *
	 * @param version the version the manager saw
	 * @param decision OPEN or DECLINE
	 * @param reasons why
	 * @param suspendPlacements whether to ask the escalation ladder to suspend placements
	 */
	record DecisionForm(String version, String decision, String reasons, String suspendPlacements) {

		boolean open() {
			return "OPEN".equals(this.decision);
		}

		boolean suspend() {
			return "true".equals(this.suspendPlacements);
		}

		void check(Errors errors) {
			if (!"OPEN".equals(this.decision) && !"DECLINE".equals(this.decision)) {
				errors.rejectValue("decision", "safeguarding.wse.decision.blank");
			}
			FormText.check(errors, "reasons", this.reasons, true, LONG_TEXT, "safeguarding.wse.decision.reasons");
			if (this.suspendPlacements != null && !"true".equals(this.suspendPlacements)
					&& !"false".equals(this.suspendPlacements)) {
				errors.rejectValue("suspendPlacements", "safeguarding.wse.decision.suspend.invalid");
			}
		}

	}

	/** Someone at a meeting: a row of the repeating list. */
	record AttendeeRow(String name, String agency) {

		boolean isBlank() {
			return !StringUtils.hasText(this.name) && !StringUtils.hasText(this.agency);
		}

	}

	/** An action agreed at a meeting: a row of the repeating list. */
	record ActionRow(String description, String owner, String email, String dueDay, String dueMonth, String dueYear) {

		boolean isBlank() {
			return !StringUtils.hasText(this.description) && !StringUtils.hasText(this.owner)
					&& !StringUtils.hasText(this.email) && !StringUtils.hasText(this.dueDay)
					&& !StringUtils.hasText(this.dueMonth) && !StringUtils.hasText(this.dueYear);
		}

	}

	/**
	 * A multi-agency meeting. Without JavaScript the lists grow by a button that sends
	 * the form back with more empty rows ({@code more} is "attendee" or "action").
	 */
	record MeetingForm(String kind, String heldDay, String heldMonth, String heldYear, String agenda, String minutes,
			List<AttendeeRow> attendees, List<ActionRow> actions, String more) {

		static final int ATTENDEE_ROWS = 4;

		static final int ACTION_ROWS = 2;

		static final int MOST_ATTENDEES = 40;

		static final int MOST_ACTIONS = 30;

		static MeetingForm empty() {
			return new MeetingForm(null, null, null, null, null, null, null, null, null).padded();
		}

		/** The form with its lists at least as long as the rows to show. */
		MeetingForm padded() {
			List<AttendeeRow> people = new ArrayList<>((this.attendees != null) ? this.attendees : List.of());
			people.replaceAll(row -> (row != null) ? row : new AttendeeRow(null, null));
			int wantPeople = Math.min(MOST_ATTENDEES,
					Math.max(ATTENDEE_ROWS, people.size() + ("attendee".equals(this.more) ? 1 : 0)));
			if (people.size() > MOST_ATTENDEES) {
				people = new ArrayList<>(people.subList(0, MOST_ATTENDEES));
			}
			while (people.size() < wantPeople) {
				people.add(new AttendeeRow(null, null));
			}
			List<ActionRow> things = new ArrayList<>((this.actions != null) ? this.actions : List.of());
			things.replaceAll(row -> (row != null) ? row : new ActionRow(null, null, null, null, null, null));
			int wantActions = Math.min(MOST_ACTIONS,
					Math.max(ACTION_ROWS, things.size() + ("action".equals(this.more) ? 1 : 0)));
			if (things.size() > MOST_ACTIONS) {
				things = new ArrayList<>(things.subList(0, MOST_ACTIONS));
			}
			while (things.size() < wantActions) {
				things.add(new ActionRow(null, null, null, null, null, null));
			}
			return new MeetingForm(this.kind, this.heldDay, this.heldMonth, this.heldYear, this.agenda, this.minutes,
					people, things, null);
		}

		boolean wantsMoreRows() {
			return "attendee".equals(this.more) || "action".equals(this.more);
		}

		/** The checked meeting, or null with the problems in {@code errors}. */
		Checked check(Errors errors, LocalDate today) {
			MeetingKind meetingKind = FormText.choice(errors, "kind", this.kind, MeetingKind.class,
					"safeguarding.wse.meeting.kind.blank");
			LocalDate held = FormText.date(errors, "held", this.heldDay, this.heldMonth, this.heldYear,
					"safeguarding.wse.meeting.held", true);
			if (held != null && held.isAfter(today)) {
				errors.rejectValue("heldDay", "safeguarding.wse.meeting.held.future");
			}
			String checkedAgenda = FormText.check(errors, "agenda", this.agenda, false, LONG_TEXT,
					"safeguarding.wse.meeting.agenda");
			String checkedMinutes = FormText.check(errors, "minutes", this.minutes, true, LONG_TEXT,
					"safeguarding.wse.meeting.minutes");
			List<Attendee> people = new ArrayList<>();
			List<AttendeeRow> rows = (this.attendees != null) ? this.attendees : List.of();
			if (rows.size() > MOST_ATTENDEES) {
				errors.reject("safeguarding.wse.meeting.attendees.tooMany");
				return null;
			}
			for (int i = 0; i < rows.size(); i++) {
				AttendeeRow row = rows.get(i);
				if (row == null || row.isBlank()) {
					continue;
				}
				String field = "attendees[" + i + "].";
				String name = FormText.check(errors, field + "name", row.name(), true, NAME,
						"safeguarding.wse.meeting.attendee.name");
				Agency agency = FormText.choice(errors, field + "agency", row.agency(), Agency.class,
						"safeguarding.wse.meeting.attendee.agency.blank");
				if (name != null && agency != null) {
					people.add(new Attendee(name, agency));
				}
			}
			if (people.isEmpty() && !errors.hasFieldErrors("attendees*")) {
				errors.rejectValue("attendees[0].name", "safeguarding.wse.meeting.attendees.none");
			}
			List<NewAction> agreed = new ArrayList<>();
			List<ActionRow> actionRows = (this.actions != null) ? this.actions : List.of();
			if (actionRows.size() > MOST_ACTIONS) {
				errors.reject("safeguarding.wse.meeting.actions.tooMany");
				return null;
			}
			for (int i = 0; i < actionRows.size(); i++) {
				ActionRow row = actionRows.get(i);
				if (row == null || row.isBlank()) {
					continue;
				}
				String field = "actions[" + i + "].";
				String description = FormText.check(errors, field + "description", row.description(), true, LONG_TEXT,
						"safeguarding.wse.meeting.action.description");
				String owner = FormText.check(errors, field + "owner", row.owner(), true, NAME,
						"safeguarding.wse.meeting.action.owner");
				String email = FormText.email(errors, field + "email", row.email());
				LocalDate due = FormText.date(errors, field + "due", row.dueDay(), row.dueMonth(), row.dueYear(),
						"safeguarding.wse.meeting.action.due", true);
				if (description != null && owner != null && due != null) {
					agreed.add(new NewAction(description, owner, email, due));
				}
			}
			if (errors.hasErrors()) {
				return null;
			}
			return new Checked(meetingKind, held, checkedAgenda, checkedMinutes, people, agreed);
		}

		record Checked(MeetingKind kind, LocalDate heldOn, String agenda, String minutes, List<Attendee> attendees,
				List<NewAction> actions) {
		}

	}

	/** An entry of the communication log. */
	record CommunicationForm(String onDay, String onMonth, String onYear, String audience, String withWhom,
			String summary) {

		static CommunicationForm empty() {
			return new CommunicationForm(null, null, null, null, null, null);
		}

		record Checked(LocalDate on, Audience audience, String withWhom, String summary) {
		}

		Checked check(Errors errors, LocalDate today) {
			LocalDate on = FormText.date(errors, "on", this.onDay, this.onMonth, this.onYear,
					"safeguarding.wse.communication.on", true);
			if (on != null && on.isAfter(today)) {
				errors.rejectValue("onDay", "safeguarding.wse.communication.on.future");
			}
			Audience who = FormText.choice(errors, "audience", this.audience, Audience.class,
					"safeguarding.wse.communication.audience.blank");
			String with = FormText.check(errors, "withWhom", this.withWhom, true, NAME,
					"safeguarding.wse.communication.withWhom");
			String text = FormText.check(errors, "summary", this.summary, true, LONG_TEXT,
					"safeguarding.wse.communication.summary");
			return errors.hasErrors() ? null : new Checked(on, who, with, text);
		}

	}

	/** The closure: the closing summary. */
	record CloseForm(String version, String summary) {

	}

	/** The version posted as text; -1 (never a real version) when it is not a number. */
	static int version(String text) {
		try {
			return (text != null) ? Integer.parseInt(text.strip()) : -1;
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
