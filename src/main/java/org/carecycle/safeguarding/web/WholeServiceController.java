package org.carecycle.safeguarding.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.carecycle.identity.CurrentUser;
import org.carecycle.safeguarding.CaseAccess;
import org.carecycle.safeguarding.CaseReadLog;
import org.carecycle.safeguarding.SafeguardingSteps;
import org.carecycle.safeguarding.WholeServiceEnquiries;
import org.carecycle.safeguarding.WholeServiceEnquiries.ChangedException;
import org.carecycle.safeguarding.WholeServiceEnquiry;
import org.carecycle.safeguarding.WholeServiceEnquiry.Agency;
import org.carecycle.safeguarding.WholeServiceEnquiry.Audience;
import org.carecycle.safeguarding.WholeServiceEnquiry.MeetingKind;
import org.carecycle.safeguarding.WholeServiceEnquiry.Status;
import org.carecycle.safeguarding.web.WholeServiceForms.CloseForm;
import org.carecycle.safeguarding.web.WholeServiceForms.CommunicationForm;
import org.carecycle.safeguarding.web.WholeServiceForms.DecisionForm;
import org.carecycle.safeguarding.web.WholeServiceForms.MeetingForm;
import org.carecycle.safeguarding.web.WholeServiceForms.RaiseForm;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.shared.UkTime;
import org.carecycle.web.Choice;
import org.carecycle.web.FormBinding;
import org.carecycle.web.FormText;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of whole-service (organisational) safeguarding enquiries: the list, raising
 * one by hand, the senior manager's decision, the enquiry with its adults at risk,
 * meetings, actions and communication, and the closure. Safeguarding leads read and
 * change everything; QA officers named on an enquiry read it and record its meetings and
 * communication; for anyone else an enquiry is "Page not found".
 */
@Controller
@RequestMapping("/safeguarding/whole-service")
class WholeServiceController {

	private final WholeServiceEnquiries enquiries;

	private final CaseReadLog readLog;

	private final SafeguardingSteps steps;

	private final CurrentUser currentUser;

	private final Clock clock;

	WholeServiceController(WholeServiceEnquiries enquiries, CaseReadLog readLog, SafeguardingSteps steps,
			CurrentUser currentUser, Clock clock) {
		this.enquiries = enquiries;
		this.readLog = readLog;
		this.steps = steps;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	@InitBinder
	void binder(WebDataBinder binder) {
		FormBinding.keepPropertyMessages(binder);
	}

	// The list
	// --------------------

	@GetMapping
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String actions,
			Model model) {
		Status chosen = Arrays.stream(Status.values()).filter(s -> s.name().equals(status)).findFirst().orElse(null);
		boolean overdue = "overdue".equals(actions);
		model.addAttribute("enquiries", this.enquiries.list(chosen, overdue));
		model.addAttribute("status", chosen);
		model.addAttribute("overdue", overdue);
		model.addAttribute("statuses", Status.values());
		model.addAttribute("isLead", CaseAccess.isLead(this.currentUser.require()));
		return "safeguarding/whole-service/list";
	}

	// Raising one by hand
	// --------------------

	@GetMapping("/new")
	String raiseForm(@RequestParam(required = false) String service, Model model) {
		model.addAttribute("form", RaiseForm.empty(FormText.uuid(service).map(UUID::toString).orElse(null)));
		return raisePage(model);
	}

	private String raisePage(Model model) {
		model.addAttribute("services",
				this.enquiries.servicesWithConcerns()
					.stream()
					.map(service -> new Choice(service.id().toString(), null, service.name(), null))
					.toList());
		return "safeguarding/whole-service/new";
	}

	@PostMapping("/new")
	String raise(@ModelAttribute("form") RaiseForm form, BindingResult bound, Model model,
			RedirectAttributes redirect) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		UUID service = FormText.uuid(form.service()).orElse(null);
		if (service == null) {
			errors.rejectValue("service", "safeguarding.wse.raise.service.blank");
		}
		String detail = FormText.check(errors, "detail", form.detail(), true, WholeServiceForms.LONG_TEXT,
				"safeguarding.wse.raise.detail");
		if (!errors.hasErrors()) {
			try {
				UUID id = this.enquiries.raise(service, detail);
				redirect.addFlashAttribute("saved", "safeguarding.wse.saved.raised");
				return "redirect:/safeguarding/whole-service/" + id;
			}
			catch (IllegalArgumentException ex) {
				errors.rejectValue("service", "safeguarding.wse.raise.service.blank");
			}
			catch (IllegalStateException ex) {
				errors.rejectValue("service", "safeguarding.wse.raise.service.live");
			}
		}
		return raisePage(model);
	}

	// An enquiry
	// --------------------

	@GetMapping("/{id}")
	String show(@PathVariable String id, Model model) {
		UUID enquiryId = id(id);
		WholeServiceEnquiry enquiry = this.enquiries.requireRead(enquiryId);
		this.readLog.openedWholeService(enquiryId);
		model.addAttribute("enquiry", enquiry);
		model.addAttribute("concerns", this.enquiries.linkedConcerns(enquiryId));
		model.addAttribute("meetings", this.enquiries.meetings(enquiryId));
		model.addAttribute("communications", this.enquiries.communications(enquiryId));
		model.addAttribute("officers", this.enquiries.officers(enquiryId));
		model.addAttribute("nameable",
				this.enquiries.nameableOfficers()
					.stream()
					.map(user -> new Choice(user.id().toString(), null, user.displayName(), null))
					.toList());
		model.addAttribute("history", this.steps.ofWholeService(enquiryId));
		model.addAttribute("hasClosingMeeting", this.enquiries.hasClosingMeeting(enquiryId));
		model.addAttribute("isLead", CaseAccess.isLead(this.currentUser.require()));
		model.addAttribute("today", today());
		return "safeguarding/whole-service/enquiry";
	}

	// The decision
	// --------------------

	@GetMapping("/{id}/decide")
	String decideForm(@PathVariable String id, Model model) {
		WholeServiceEnquiry enquiry = this.enquiries.requireRead(id(id));
		if (!enquiry.isSuggested()) {
			return "redirect:/safeguarding/whole-service/" + enquiry.id();
		}
		model.addAttribute("form", new DecisionForm(String.valueOf(enquiry.version()), null, null, null));
		return decidePage(enquiry, model);
	}

	private String decidePage(WholeServiceEnquiry enquiry, Model model) {
		this.readLog.openedWholeService(enquiry.id());
		model.addAttribute("enquiry", enquiry);
		model.addAttribute("decisions",
				List.of(new Choice("OPEN", "safeguarding.wse.decision.OPEN", null,
						"safeguarding.wse.decision.OPEN.hint"),
						new Choice("DECLINE", "safeguarding.wse.decision.DECLINE", null, null)));
		model.addAttribute("suspendChoices",
				List.of(new Choice("true", "safeguarding.wse.decision.suspend.true", null,
						"safeguarding.wse.decision.suspend.true.hint"),
						new Choice("false", "safeguarding.wse.decision.suspend.false", null, null)));
		return "safeguarding/whole-service/decide";
	}

	@PostMapping("/{id}/decide")
	String decide(@PathVariable String id, @ModelAttribute("form") DecisionForm form, BindingResult bound, Model model,
			RedirectAttributes redirect) {
		WholeServiceEnquiry enquiry = this.enquiries.requireRead(id(id));
		BindingResult errors = FormBinding.checked(form, bound, model);
		form.check(errors);
		if (!errors.hasErrors()) {
			try {
				this.enquiries.decide(enquiry.id(), WholeServiceForms.version(form.version()), form.open(),
						FormText.clean(form.reasons()), form.suspend());
				redirect.addFlashAttribute("saved",
						form.open() ? "safeguarding.wse.saved.opened" : "safeguarding.wse.saved.declined");
				return "redirect:/safeguarding/whole-service/" + enquiry.id();
			}
			catch (ChangedException ex) {
				errors.reject("safeguarding.wse.changedByOthers");
			}
			catch (IllegalStateException ex) {
				errors.reject("safeguarding.wse.decision.already");
			}
		}
		return decidePage(this.enquiries.get(enquiry.id()), model);
	}

	// Adults at risk counted, and officers named
	// --------------------

	@PostMapping("/{id}/concerns")
	String link(@PathVariable String id, @RequestParam(required = false) String version,
			@RequestParam(required = false) String reference, RedirectAttributes redirect) {
		WholeServiceEnquiry enquiry = this.enquiries.requireRead(id(id));
		String text = FormText.clean(reference);
		if (text == null || text.length() > 20) {
			redirect.addFlashAttribute("problemKey", "safeguarding.wse.link.blank");
			return back(enquiry, "adults");
		}
		try {
			this.enquiries.link(enquiry.id(), WholeServiceForms.version(version), text);
			redirect.addFlashAttribute("saved", "safeguarding.wse.saved.linked");
		}
		catch (ChangedException ex) {
			redirect.addFlashAttribute("problemKey", "safeguarding.wse.changedByOthers");
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return back(enquiry, "adults");
	}

	@PostMapping("/{id}/concerns/{concern}/remove")
	String unlink(@PathVariable String id, @PathVariable String concern, @RequestParam(required = false) String version,
			RedirectAttributes redirect) {
		WholeServiceEnquiry enquiry = this.enquiries.requireRead(id(id));
		try {
			this.enquiries.unlink(enquiry.id(), WholeServiceForms.version(version), id(concern));
			redirect.addFlashAttribute("saved", "safeguarding.wse.saved.unlinked");
		}
		catch (ChangedException ex) {
			redirect.addFlashAttribute("problemKey", "safeguarding.wse.changedByOthers");
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return back(enquiry, "adults");
	}

	@PostMapping("/{id}/officers")
	String nameOfficer(@PathVariable String id, @RequestParam(required = false) String version,
			@RequestParam(required = false) String officer, RedirectAttributes redirect) {
		WholeServiceEnquiry enquiry = this.enquiries.requireRead(id(id));
		UUID user = FormText.uuid(officer).orElse(null);
		if (user == null) {
			redirect.addFlashAttribute("problemKey", "safeguarding.wse.officer.blank");
			return back(enquiry, "officers");
		}
		try {
			this.enquiries.nameOfficer(enquiry.id(), WholeServiceForms.version(version), user);
			redirect.addFlashAttribute("saved", "safeguarding.wse.saved.officer");
		}
		catch (ChangedException ex) {
			redirect.addFlashAttribute("problemKey", "safeguarding.wse.changedByOthers");
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("problemKey", "safeguarding.wse.officer.blank");
		}
		return back(enquiry, "officers");
	}

	// Meetings and their actions
	// --------------------

	@GetMapping("/{id}/meetings/new")
	String meetingForm(@PathVariable String id, Model model) {
		WholeServiceEnquiry enquiry = this.enquiries.requireRead(id(id));
		if (!enquiry.isOpen()) {
			return "redirect:/safeguarding/whole-service/" + enquiry.id();
		}
		model.addAttribute("form", MeetingForm.empty());
		return meetingPage(enquiry, model);
	}

	private String meetingPage(WholeServiceEnquiry enquiry, Model model) {
		model.addAttribute("enquiry", enquiry);
		model.addAttribute("kinds",
				Arrays.stream(MeetingKind.values())
					.map(kind -> new Choice(kind.name(), kind.messageKey(), null, null))
					.toList());
		model.addAttribute("agencies",
				Arrays.stream(Agency.values())
					.map(agency -> new Choice(agency.name(), agency.messageKey(), null, null))
					.toList());
		model.addAttribute("mostAttendees", MeetingForm.MOST_ATTENDEES);
		model.addAttribute("mostActions", MeetingForm.MOST_ACTIONS);
		return "safeguarding/whole-service/meeting";
	}

	@PostMapping("/{id}/meetings/new")
	String meeting(@PathVariable String id, @ModelAttribute("form") MeetingForm form, BindingResult bound, Model model,
			RedirectAttributes redirect) {
		WholeServiceEnquiry enquiry = this.enquiries.requireRead(id(id));
		if (form.wantsMoreRows()) {
			return redrawMeeting(form, new org.springframework.validation.BeanPropertyBindingResult(form, "form"),
					enquiry, model);
		}
		BindingResult errors = FormBinding.checked(form, bound, model);
		MeetingForm.Checked checked = errors.hasErrors() ? null : form.check(errors, today());
		if (checked != null) {
			try {
				this.enquiries.recordMeeting(enquiry.id(), checked.kind(), checked.heldOn(), checked.agenda(),
						checked.minutes(), checked.attendees(), checked.actions());
				redirect.addFlashAttribute("saved", "safeguarding.wse.saved.meeting");
				return back(enquiry, "meetings");
			}
			catch (IllegalStateException ex) {
				errors.reject("safeguarding.wse.notOpen");
			}
		}
		return redrawMeeting(form, errors, enquiry, model);
	}

	private String redrawMeeting(MeetingForm form, BindingResult errors, WholeServiceEnquiry enquiry, Model model) {
		MeetingForm padded = form.padded();
		org.springframework.validation.BeanPropertyBindingResult result = new org.springframework.validation.BeanPropertyBindingResult(
				padded, "form");
		errors.getGlobalErrors().forEach(result::addError);
		errors.getFieldErrors()
			.forEach(error -> result.addError(new org.springframework.validation.FieldError("form", error.getField(),
					error.getRejectedValue(), error.isBindingFailure(), error.getCodes(), error.getArguments(),
					error.getDefaultMessage())));
		model.addAttribute("form", padded);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
		return meetingPage(enquiry, model);
	}

	@PostMapping("/{id}/actions/{action}/done")
	String actionDone(@PathVariable String id, @PathVariable String action, RedirectAttributes redirect) {
		WholeServiceEnquiry enquiry = this.enquiries.requireRead(id(id));
		try {
			this.enquiries.markActionDone(enquiry.id(), id(action));
			redirect.addFlashAttribute("saved", "safeguarding.wse.saved.actionDone");
		}
		catch (IllegalStateException ex) {
			redirect.addFlashAttribute("problemKey", "safeguarding.wse.action.alreadyDone");
		}
		return back(enquiry, "meetings");
	}

	// Communication
	// --------------------

	@GetMapping("/{id}/communications/new")
	String communicationForm(@PathVariable String id, Model model) {
		WholeServiceEnquiry enquiry = this.enquiries.requireRead(id(id));
		if (!enquiry.isOpen()) {
			return "redirect:/safeguarding/whole-service/" + enquiry.id();
		}
		model.addAttribute("form", CommunicationForm.empty());
		return communicationPage(enquiry, model);
	}

	private String communicationPage(WholeServiceEnquiry enquiry, Model model) {
		model.addAttribute("enquiry", enquiry);
		model.addAttribute("audiences",
				Arrays.stream(Audience.values())
					.map(audience -> new Choice(audience.name(), audience.messageKey(), null, null))
					.toList());
		return "safeguarding/whole-service/communication";
	}

	@PostMapping("/{id}/communications/new")
	String communication(@PathVariable String id, @ModelAttribute("form") CommunicationForm form, BindingResult bound,
			Model model, RedirectAttributes redirect) {
		WholeServiceEnquiry enquiry = this.enquiries.requireRead(id(id));
		BindingResult errors = FormBinding.checked(form, bound, model);
		CommunicationForm.Checked checked = form.check(errors, today());
		if (checked != null) {
			try {
				this.enquiries.recordCommunication(enquiry.id(), checked.on(), checked.audience(), checked.withWhom(),
						checked.summary());
				redirect.addFlashAttribute("saved", "safeguarding.wse.saved.communication");
				return back(enquiry, "communication");
			}
			catch (IllegalStateException ex) {
				errors.reject("safeguarding.wse.notOpen");
			}
		}
		return communicationPage(enquiry, model);
	}

	// Closure
	// --------------------

	@GetMapping("/{id}/close")
	String closeForm(@PathVariable String id, Model model) {
		WholeServiceEnquiry enquiry = this.enquiries.requireRead(id(id));
		if (!enquiry.isOpen()) {
			return "redirect:/safeguarding/whole-service/" + enquiry.id();
		}
		model.addAttribute("form", new CloseForm(String.valueOf(enquiry.version()), null));
		return closePage(enquiry, model);
	}

	private String closePage(WholeServiceEnquiry enquiry, Model model) {
		model.addAttribute("enquiry", enquiry);
		model.addAttribute("hasClosingMeeting", this.enquiries.hasClosingMeeting(enquiry.id()));
		return "safeguarding/whole-service/close";
	}

	@PostMapping("/{id}/close")
	String close(@PathVariable String id, @ModelAttribute("form") CloseForm form, BindingResult bound, Model model,
			RedirectAttributes redirect) {
		WholeServiceEnquiry enquiry = this.enquiries.requireRead(id(id));
		BindingResult errors = FormBinding.checked(form, bound, model);
		String summary = FormText.check(errors, "summary", form.summary(), true, WholeServiceForms.LONG_TEXT,
				"safeguarding.wse.close.summary");
		if (!errors.hasErrors()) {
			try {
				this.enquiries.close(enquiry.id(), WholeServiceForms.version(form.version()), summary);
				redirect.addFlashAttribute("saved", "safeguarding.wse.saved.closed");
				return "redirect:/safeguarding/whole-service/" + enquiry.id();
			}
			catch (ChangedException ex) {
				errors.reject("safeguarding.wse.changedByOthers");
			}
			catch (IllegalStateException ex) {
				errors.reject(this.enquiries.hasClosingMeeting(enquiry.id()) ? "safeguarding.wse.notOpen"
						: "safeguarding.wse.close.noClosingMeeting");
			}
		}
		return closePage(enquiry, model);
	}

	/**
	 * A repeating list posted with an index far past its rows ({@code attendees[5000]}):
	 * the binder cannot build it, so the form is shown again with a problem, never an
	 * error page.
	 */
	@ExceptionHandler(IndexOutOfBoundsException.class)
	String listTooLong(IndexOutOfBoundsException ex, HttpServletRequest request) {
		if (!"POST".equals(request.getMethod())) {
			throw ex;
		}
		FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
		flash.put("problemKey", "safeguarding.wse.meeting.rows");
		return "redirect:" + request.getRequestURI();
	}

	private static String back(WholeServiceEnquiry enquiry, String part) {
		return "redirect:/safeguarding/whole-service/" + enquiry.id() + "#" + part;
	}

	private static UUID id(String text) {
		return FormText.uuid(text).orElseThrow(() -> new RecordNotFoundException("whole-service enquiry " + text));
	}

	private LocalDate today() {
		return UkTime.today(this.clock);
	}

}
