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
import org.carecycle.oversight.web.EscalationForms.MeetingForm;
import org.carecycle.oversight.web.EscalationForms.MoveForm;
import org.carecycle.providers.Register;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.shared.Role;
import org.carecycle.shared.UkTime;
import org.carecycle.web.FormBinding;
import org.carecycle.web.Choice;
import org.carecycle.web.DateInput;
import org.carecycle.web.FormText;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
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

	private static final int LONG_TEXT = EscalationForms.LONG_TEXT;

	private final Escalations escalations;

	private final Register register;

	private final UserDirectory users;

	private final CurrentUser currentUser;

	private final Clock clock;

	private final org.carecycle.oversight.RiskProfiles profiles;

	private final org.carecycle.oversight.EarlyWarnings warnings;

	private final org.carecycle.oversight.KpiReturns returns;

	private final org.carecycle.safeguarding.WholeServiceActivity wholeService;

	EscalationController(Escalations escalations, Register register, UserDirectory users, CurrentUser currentUser,
			Clock clock, org.carecycle.oversight.RiskProfiles profiles, org.carecycle.oversight.EarlyWarnings warnings,
			org.carecycle.oversight.KpiReturns returns, org.carecycle.safeguarding.WholeServiceActivity wholeService) {
		this.wholeService = wholeService;
		this.profiles = profiles;
		this.returns = returns;
		this.warnings = warnings;
		this.escalations = escalations;
		this.register = register;
		this.users = users;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	@InitBinder
	void binder(WebDataBinder binder) {
		FormBinding.keepPropertyMessages(binder);
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
		model.addAttribute("wholeServiceEnquiry", (escalation.careServiceId() != null)
				? this.wholeService.openFor(escalation.careServiceId()).orElse(null) : null);
		model.addAttribute("lead", (escalation.leadOfficerId() != null)
				? this.users.find(escalation.leadOfficerId()).map(UserSummary::displayName).orElse(null) : null);
		model.addAttribute("today", today());
		model.addAttribute("canDecide", Escalations.DECIDERS.contains(this.currentUser.require().role()));
		return "oversight/escalation";
	}

	@GetMapping("/escalations/new")
	String startForm(@RequestParam(required = false) UUID service, @RequestParam(required = false) UUID provider,
			Model model) {
		Optional<Escalation> existing = (service != null) ? this.escalations.ofService(service)
				: (provider != null) ? this.escalations.ofProvider(provider) : Optional.empty();
		if (existing.isPresent()) {
			return "redirect:/oversight/escalations/" + existing.get().id() + "/move";
		}
		return movePage(MoveForm.start(service, provider, this.currentUser.require().id()), null, model);
	}

	@GetMapping("/escalations/{id}/move")
	String moveForm(@PathVariable UUID id, Model model) {
		Escalation escalation = this.escalations.get(id);
		return movePage(MoveForm.of(escalation, this.currentUser.require().id()), escalation, model);
	}

	private String movePage(MoveForm form, Escalation escalation, Model model) {
		UUID service = (escalation != null) ? escalation.careServiceId() : FormText.uuid(form.service()).orElse(null);
		UUID provider = (escalation != null) ? escalation.providerId() : FormText.uuid(form.provider()).orElse(null);
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
	String move(@PathVariable(required = false) UUID id, @ModelAttribute("form") MoveForm form, BindingResult bound,
			Model model, RedirectAttributes redirect) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		Escalation escalation = (id != null) ? this.escalations.get(id) : null;
		Escalations.Move move = form.toMove(errors, today(), leadChoices());
		if (move != null) {
			EscalationStage to = move.to();
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
		try {
			Escalation moved;
			if (escalation != null) {
				moved = (escalation.careServiceId() != null)
						? this.escalations.moveService(escalation.careServiceId(), form.version(), move)
						: this.escalations.moveProvider(escalation.providerId(), form.version(), move);
			}
			else if (FormText.uuid(form.service()).isPresent()) {
				moved = this.escalations.moveService(FormText.uuid(form.service()).get(), form.version(), move);
			}
			else {
				moved = this.escalations.moveProvider(
						FormText.uuid(form.provider()).orElseThrow(() -> new RecordNotFoundException("No subject")),
						form.version(), move);
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

	@GetMapping("/escalations/{id}/meetings")
	String meetingForm(@PathVariable UUID id, Model model) {
		model.addAttribute("form", MeetingForm.empty());
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
		EscalationForms.Meeting meeting = form.toMeeting(errors, today());
		if (meeting == null) {
			return meetingPage(id, model);
		}
		this.escalations.recordMeeting(id, meeting.held(), meeting.attendees(), meeting.minutes(), meeting.actions());
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

	private LocalDate today() {
		return UkTime.today(this.clock);
	}

}
