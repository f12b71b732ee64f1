package org.carecycle.oversight.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.carecycle.identity.CurrentUser;
import org.carecycle.identity.ProviderScope;
import org.carecycle.identity.UserDirectory;
import org.carecycle.identity.UserSummary;
import org.carecycle.oversight.Escalation;
import org.carecycle.oversight.EscalationStage;
import org.carecycle.oversight.Escalations;
import org.carecycle.oversight.Escalations.EscalationChangedException;
import org.carecycle.oversight.Escalations.NotPermittedException;
import org.carecycle.providers.Register;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.shared.Role;
import org.carecycle.shared.UkTime;
import org.carecycle.web.Choice;
import org.carecycle.web.DateInput;
import org.carecycle.web.FormText;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The escalation ladder's pages: the oversight dashboard, one ladder with its stages,
 * timers, decisions and meetings, and the forms that move it and record what happened.
 */
@Controller
@RequestMapping("/oversight")
class EscalationController {

	private static final int LONG_TEXT = 20_000;

	private final Escalations escalations;

	private final Register register;

	private final UserDirectory users;

	private final CurrentUser currentUser;

	private final Clock clock;

	private final org.carecycle.oversight.RiskProfiles profiles;

	private final org.carecycle.oversight.EarlyWarnings warnings;

	private final org.carecycle.oversight.KpiReturns returns;

	EscalationController(Escalations escalations, Register register, UserDirectory users, CurrentUser currentUser,
			Clock clock, org.carecycle.oversight.RiskProfiles profiles, org.carecycle.oversight.EarlyWarnings warnings,
			org.carecycle.oversight.KpiReturns returns) {
		this.profiles = profiles;
		this.returns = returns;
		this.warnings = warnings;
		this.escalations = escalations;
		this.register = register;
		this.users = users;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	@GetMapping
	String dashboard(Model model) {
		model.addAttribute("open", this.escalations.open());
		model.addAttribute("returnsOverdue", this.returns.overdueCount());
		model.addAttribute("bands", this.profiles.bands());
		model.addAttribute("highest", this.profiles.register(org.carecycle.oversight.RiskBand.HIGH, 10, 0));
		model.addAttribute("openWarnings", this.warnings.openCount());
		model.addAttribute("today", today());
		return "oversight/dashboard";
	}

	// A ladder
	// --------------------

	@GetMapping("/escalations/{id}")
	String show(@PathVariable UUID id, Model model) {
		Escalation escalation = this.escalations.get(id);
		model.addAttribute("escalation", escalation);
		model.addAttribute("subjectName", subjectName(escalation.careServiceId(), escalation.providerId()));
		model.addAttribute("stages", EscalationStage.values());
		model.addAttribute("decisions", this.escalations.decisions(id));
		model.addAttribute("meetings", this.escalations.meetings(id));
		model.addAttribute("lead", (escalation.leadOfficerId() != null)
				? this.users.find(escalation.leadOfficerId()).map(UserSummary::displayName).orElse(null) : null);
		model.addAttribute("today", today());
		model.addAttribute("canDecide", Escalations.DECIDERS.contains(this.currentUser.require().role()));
		return "oversight/escalation";
	}

	/** A move: where to, why, on what evidence, and when it is next reviewed. */
	public static class MoveForm {

		private int version = -1;

		private String service;

		private String provider;

		private String stage;

		private String evidence;

		private String rationale;

		private String reviewDay;

		private String reviewMonth;

		private String reviewYear;

		private String lead;

		private boolean afterSafeguarding;

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

		public String getProvider() {
			return this.provider;
		}

		public void setProvider(String provider) {
			this.provider = provider;
		}

		public String getStage() {
			return this.stage;
		}

		public void setStage(String stage) {
			this.stage = stage;
		}

		public String getEvidence() {
			return this.evidence;
		}

		public void setEvidence(String evidence) {
			this.evidence = evidence;
		}

		public String getRationale() {
			return this.rationale;
		}

		public void setRationale(String rationale) {
			this.rationale = rationale;
		}

		public String getReviewDay() {
			return this.reviewDay;
		}

		public void setReviewDay(String reviewDay) {
			this.reviewDay = reviewDay;
		}

		public String getReviewMonth() {
			return this.reviewMonth;
		}

		public void setReviewMonth(String reviewMonth) {
			this.reviewMonth = reviewMonth;
		}

		public String getReviewYear() {
			return this.reviewYear;
		}

		public void setReviewYear(String reviewYear) {
			this.reviewYear = reviewYear;
		}

		public String getLead() {
			return this.lead;
		}

		public void setLead(String lead) {
			this.lead = lead;
		}

		public boolean isAfterSafeguarding() {
			return this.afterSafeguarding;
		}

		public void setAfterSafeguarding(boolean afterSafeguarding) {
			this.afterSafeguarding = afterSafeguarding;
		}

	}

	@GetMapping("/escalations/new")
	String startForm(@RequestParam(required = false) UUID service, @RequestParam(required = false) UUID provider,
			Model model) {
		Optional<Escalation> existing = (service != null) ? this.escalations.ofService(service)
				: (provider != null) ? this.escalations.ofProvider(provider) : Optional.empty();
		if (existing.isPresent()) {
			return "redirect:/oversight/escalations/" + existing.get().id() + "/move";
		}
		MoveForm form = new MoveForm();
		form.setService((service != null) ? service.toString() : null);
		form.setProvider((service == null && provider != null) ? provider.toString() : null);
		form.setLead(this.currentUser.require().id().toString());
		return movePage(form, null, model);
	}

	@GetMapping("/escalations/{id}/move")
	String moveForm(@PathVariable UUID id, Model model) {
		Escalation escalation = this.escalations.get(id);
		MoveForm form = new MoveForm();
		form.setVersion(escalation.version());
		form.setLead((escalation.leadOfficerId() != null) ? escalation.leadOfficerId().toString()
				: this.currentUser.require().id().toString());
		return movePage(form, escalation, model);
	}

	private String movePage(MoveForm form, Escalation escalation, Model model) {
		UUID service = (escalation != null) ? escalation.careServiceId()
				: FormText.uuid(form.getService()).orElse(null);
		UUID provider = (escalation != null) ? escalation.providerId() : FormText.uuid(form.getProvider()).orElse(null);
		if (service == null && provider == null) {
			throw new RecordNotFoundException("Choose the service or provider from its page");
		}
		EscalationStage current = (escalation != null) ? escalation.stage() : EscalationStage.ROUTINE;
		model.addAttribute("form", form);
		model.addAttribute("escalation", escalation);
		model.addAttribute("subjectName", subjectName(service, provider));
		model.addAttribute("current", current);
		model.addAttribute("stageChoices",
				Arrays.stream(EscalationStage.values())
					.filter(stage -> stage != current)
					.map(stage -> new Choice(stage.name(), stage.messageKey(), null, stage.messageKey() + ".hint"))
					.toList());
		model.addAttribute("leads", leadChoices());
		return "oversight/move";
	}

	@PostMapping({ "/escalations/new", "/escalations/{id}/move" })
	String move(@PathVariable(required = false) UUID id, @ModelAttribute("form") MoveForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		Escalation escalation = (id != null) ? this.escalations.get(id) : null;
		EscalationStage to = FormText.choice(errors, "stage", form.getStage(), EscalationStage.class,
				"move.stage.blank");
		String evidence = FormText.check(errors, "evidence", form.getEvidence(), true, LONG_TEXT, "move.evidence");
		String rationale = FormText.check(errors, "rationale", form.getRationale(), true, LONG_TEXT, "move.rationale");
		LocalDate review = null;
		if (to != null && to != EscalationStage.ROUTINE) {
			review = date(errors, "review", form.getReviewDay(), form.getReviewMonth(), form.getReviewYear(),
					"move.review");
			if (review != null && !review.isAfter(today())) {
				errors.rejectValue("reviewDay", "move.review.future");
			}
		}
		UUID lead = FormText.uuid(form.getLead())
			.filter(candidate -> leadChoices().stream().anyMatch(choice -> choice.value().equals(candidate.toString())))
			.orElse(null);
		if (to != null && to != EscalationStage.ROUTINE && lead == null) {
			errors.rejectValue("lead", "move.lead.blank");
		}
		if (!errors.hasErrors() && to != null) {
			EscalationStage from = (escalation != null) ? escalation.stage() : EscalationStage.ROUTINE;
			if (from == to) {
				errors.rejectValue("stage", "move.stage.same");
			}
			else if (!EscalationStage.decidersOf(from, to).contains(this.currentUser.require().role())) {
				errors.rejectValue("stage", "move.stage.senior");
			}
		}
		if (errors.hasErrors()) {
			return movePage(form, escalation, model);
		}
		Escalations.Move move = new Escalations.Move(to, evidence, rationale, review, lead,
				to == EscalationStage.SUSPENSION && form.isAfterSafeguarding());
		try {
			Escalation moved;
			if (escalation != null) {
				moved = (escalation.careServiceId() != null)
						? this.escalations.moveService(escalation.careServiceId(), form.getVersion(), move)
						: this.escalations.moveProvider(escalation.providerId(), form.getVersion(), move);
			}
			else if (FormText.uuid(form.getService()).isPresent()) {
				moved = this.escalations.moveService(FormText.uuid(form.getService()).get(), form.getVersion(), move);
			}
			else {
				moved = this.escalations.moveProvider(
						FormText.uuid(form.getProvider()).orElseThrow(() -> new RecordNotFoundException("No subject")),
						form.getVersion(), move);
			}
			redirect.addFlashAttribute("saved", "escalation.saved.moved");
			return "redirect:/oversight/escalations/" + moved.id();
		}
		catch (EscalationChangedException ex) {
			errors.reject("escalation.changedByOthers");
		}
		catch (NotPermittedException | IllegalArgumentException | IllegalStateException ex) {
			errors.reject("escalation.refused", new Object[] { ex.getMessage() }, ex.getMessage());
		}
		return movePage(form, escalation, model);
	}

	// Letters, plans, appeals and meetings
	// --------------------

	@PostMapping("/escalations/{id}/{what:letter|plan|appeal}")
	String record(@PathVariable UUID id, @PathVariable String what, @RequestParam int version,
			@RequestParam(required = false) String day, @RequestParam(required = false) String month,
			@RequestParam(required = false) String year, @RequestParam(required = false) String outcome,
			RedirectAttributes redirect) {
		DateInput input = new DateInput(FormText.orEmpty(day), FormText.orEmpty(month), FormText.orEmpty(year));
		if (input.isBlank() || input.problem() != null || input.toDate().isAfter(today())
				|| input.toDate().getYear() < 2000) {
			redirect.addFlashAttribute("problemKey", "escalation.record.date");
			return "redirect:/oversight/escalations/" + id + "#" + what;
		}
		LocalDate on = input.toDate();
		String text = FormText.clean(outcome);
		if (text != null && text.length() > LONG_TEXT) {
			redirect.addFlashAttribute("problemKey", "escalation.record.long");
			return "redirect:/oversight/escalations/" + id + "#" + what;
		}
		try {
			switch (what) {
				case "letter" -> this.escalations.recordLetterSent(id, version, on);
				case "plan" -> this.escalations.recordPlanReceived(id, version, on);
				default -> this.escalations.recordAppeal(id, version, on, text);
			}
			redirect.addFlashAttribute("saved", "escalation.saved." + what);
		}
		catch (EscalationChangedException ex) {
			redirect.addFlashAttribute("problemKey", "escalation.changedByOthers");
		}
		catch (IllegalStateException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/oversight/escalations/" + id;
	}

	/** A multi-agency meeting. */
	public static class MeetingForm {

		private String heldDay;

		private String heldMonth;

		private String heldYear;

		private String attendees;

		private String minutes;

		private String actions;

		public String getHeldDay() {
			return this.heldDay;
		}

		public void setHeldDay(String heldDay) {
			this.heldDay = heldDay;
		}

		public String getHeldMonth() {
			return this.heldMonth;
		}

		public void setHeldMonth(String heldMonth) {
			this.heldMonth = heldMonth;
		}

		public String getHeldYear() {
			return this.heldYear;
		}

		public void setHeldYear(String heldYear) {
			this.heldYear = heldYear;
		}

		public String getAttendees() {
			return this.attendees;
		}

		public void setAttendees(String attendees) {
			this.attendees = attendees;
		}

		public String getMinutes() {
			return this.minutes;
		}

		public void setMinutes(String minutes) {
			this.minutes = minutes;
		}

		public String getActions() {
			return this.actions;
		}

		public void setActions(String actions) {
			this.actions = actions;
		}

	}

	@GetMapping("/escalations/{id}/meetings")
	String meetingForm(@PathVariable UUID id, Model model) {
		model.addAttribute("form", new MeetingForm());
		return meetingPage(id, model);
	}

	private String meetingPage(UUID id, Model model) {
		Escalation escalation = this.escalations.get(id);
		model.addAttribute("escalation", escalation);
		model.addAttribute("subjectName", subjectName(escalation.careServiceId(), escalation.providerId()));
		return "oversight/meeting";
	}

	@PostMapping("/escalations/{id}/meetings")
	String meeting(@PathVariable UUID id, @ModelAttribute("form") MeetingForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		LocalDate held = date(errors, "held", form.getHeldDay(), form.getHeldMonth(), form.getHeldYear(),
				"meeting.held");
		if (held != null && held.isAfter(today())) {
			errors.rejectValue("heldDay", "meeting.held.future");
		}
		String attendees = FormText.check(errors, "attendees", form.getAttendees(), true, LONG_TEXT,
				"meeting.attendees");
		String minutes = FormText.check(errors, "minutes", form.getMinutes(), true, LONG_TEXT, "meeting.minutes");
		String actions = FormText.check(errors, "actions", form.getActions(), false, LONG_TEXT, "meeting.actions");
		if (errors.hasErrors()) {
			return meetingPage(id, model);
		}
		this.escalations.recordMeeting(id, held, attendees, minutes, actions);
		redirect.addFlashAttribute("saved", "escalation.saved.meeting");
		return "redirect:/oversight/escalations/" + id;
	}

	// Helpers
	// --------------------

	private List<Choice> leadChoices() {
		return java.util.stream.Stream.of(Role.QA_OFFICER, Role.COMMISSIONER)
			.flatMap(role -> this.users.withRole(role).stream())
			.filter(UserSummary::enabled)
			.map(user -> Choice.literal(user.id().toString(), user.displayName()))
			.toList();
	}

	private String subjectName(UUID service, UUID provider) {
		if (service != null) {
			return this.register.service(service, ProviderScope.everything())
				.map(s -> s.name() + " (" + s.providerName() + ")")
				.orElseThrow(() -> new RecordNotFoundException("No such service"));
		}
		return this.register.provider(provider, ProviderScope.everything())
			.map(p -> p.name())
			.orElseThrow(() -> new RecordNotFoundException("No such provider"));
	}

	private LocalDate date(BindingResult errors, String field, String day, String month, String year, String prefix) {
		DateInput input = new DateInput(FormText.orEmpty(day), FormText.orEmpty(month), FormText.orEmpty(year));
		Object[] name = { new DefaultMessageSourceResolvable(prefix + ".name") };
		if (input.isBlank()) {
			errors.rejectValue(field + "Day", prefix + ".blank");
			return null;
		}
		if (input.problem() != null) {
			errors.rejectValue(field + "Day", input.problem(), name, null);
			return null;
		}
		LocalDate date = input.toDate();
		if (date.getYear() < 2000 || date.getYear() > 2100) {
			errors.rejectValue(field + "Day", "date.error.real", name, null);
			return null;
		}
		return date;
	}

	private LocalDate today() {
		return UkTime.today(this.clock);
	}

}
