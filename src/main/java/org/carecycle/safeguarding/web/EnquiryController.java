package org.carecycle.safeguarding.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.carecycle.identity.CurrentUser;
import org.carecycle.identity.ProviderScope;
import org.carecycle.identity.SignedInUser;
import org.carecycle.providers.Register;
import org.carecycle.providers.RegisterViews.ProviderRow;
import org.carecycle.safeguarding.ActionAndResult;
import org.carecycle.safeguarding.Answer;
import org.carecycle.safeguarding.CaseAccess;
import org.carecycle.safeguarding.CaseReadLog;
import org.carecycle.safeguarding.Enquiries;
import org.carecycle.safeguarding.Enquiries.Conclusion;
import org.carecycle.safeguarding.Enquiries.Maker;
import org.carecycle.safeguarding.Enquiry;
import org.carecycle.safeguarding.EnquiryChangedException;
import org.carecycle.safeguarding.OutcomesAchieved;
import org.carecycle.safeguarding.OutcomesAsked;
import org.carecycle.safeguarding.RiskOutcome;
import org.carecycle.safeguarding.SafeguardingSteps;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.web.Choice;
import org.carecycle.web.FormBinding;
import org.carecycle.web.SortOrder;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An enquiry, step by step, for the safeguarding leads and the council staff named on the
 * case: the task list, and one page per step. Anyone else gets "Page not found", and
 * every page that shows the case is written to the read log first.
 */
@Controller
class EnquiryController {

	private static final String BASE = "/safeguarding/concerns/{concernId}/enquiry";

	private final Enquiries enquiries;

	private final CaseAccess access;

	private final CaseReadLog readLog;

	private final SafeguardingSteps steps;

	private final Register register;

	private final CurrentUser currentUser;

	EnquiryController(Enquiries enquiries, CaseAccess access, CaseReadLog readLog, SafeguardingSteps steps,
			Register register, CurrentUser currentUser) {
		this.currentUser = currentUser;
		this.enquiries = enquiries;
		this.access = access;
		this.readLog = readLog;
		this.steps = steps;
		this.register = register;
	}

	@InitBinder
	void binder(WebDataBinder binder) {
		FormBinding.keepPropertyMessages(binder);
	}

	@GetMapping("/safeguarding/enquiries")
	String list(@RequestParam(required = false) String view, Model model) {
		SignedInUser user = this.currentUser.require();
		String shown = ("overdue".equals(view) || "findings".equals(view)) ? view : null;
		model.addAttribute("rows", this.enquiries.list(user, shown));
		model.addAttribute("view", shown);
		model.addAttribute("today", this.enquiries.today());
		model.addAttribute("enquiries", this.enquiries);
		return "safeguarding/enquiries";
	}

	@GetMapping(BASE)
	String show(@PathVariable UUID concernId, Model model) {
		Enquiry enquiry = open(concernId);
		model.addAttribute("enquiry", enquiry);
		model.addAttribute("tasks", Task.of(enquiry));
		model.addAttribute("steps",
				this.steps.ofConcern(concernId).stream().filter(s -> enquiry.id().equals(s.enquiryId())).toList());
		LocalDate today = this.enquiries.today();
		model.addAttribute("overdueDays",
				(enquiry.awaitingProvider()) ? this.enquiries.workingDaysOverdue(enquiry.causedDueOn(), today) : 0);
		return "safeguarding/enquiry";
	}

	@GetMapping(BASE + "/planning")
	String planning(@PathVariable UUID concernId, Model model) {
		Enquiry enquiry = open(concernId);
		model.addAttribute("form", PlanningForm.of(enquiry));
		return step("planning", enquiry, model);
	}

	@PostMapping(BASE + "/planning")
	String planning(@PathVariable UUID concernId, @ModelAttribute("form") PlanningForm form, BindingResult bound,
			Model model, RedirectAttributes redirect) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		Enquiry enquiry = open(concernId);
		LocalDate held = form.heldOn(errors, this.enquiries.today());
		String participants = form.checkedParticipants(errors);
		String notes = form.checkedNotes(errors);
		if (errors.hasErrors()) {
			return step("planning", enquiry, model);
		}
		return attempt(enquiry, errors, model, redirect, "planning", () -> this.enquiries.recordPlanning(concernId,
				Versions.parse(form.version()), held, notes, participants));
	}

	@GetMapping(BASE + "/maker")
	String maker(@PathVariable UUID concernId, Model model) {
		Enquiry enquiry = open(concernId);
		model.addAttribute("form", MakerForm.of(enquiry, this.enquiries.defaultDueOn()));
		return step("maker", enquiry, model);
	}

	@PostMapping(BASE + "/maker")
	String maker(@PathVariable UUID concernId, @ModelAttribute("form") MakerForm form, BindingResult bound, Model model,
			RedirectAttributes redirect) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		Enquiry enquiry = open(concernId);
		Maker maker = form.toMaker(errors, providers(), this.enquiries.today(), this.enquiries.defaultDueOn());
		if (maker == null) {
			return step("maker", enquiry, model);
		}
		return attempt(enquiry, errors, model, redirect, "maker",
				() -> this.enquiries.decideMaker(concernId, Versions.parse(form.version()), maker));
	}

	@GetMapping(BASE + "/capacity")
	String capacity(@PathVariable UUID concernId, Model model) {
		Enquiry enquiry = open(concernId);
		model.addAttribute("form", CapacityForm.of(enquiry));
		return step("capacity", enquiry, model);
	}

	@PostMapping(BASE + "/capacity")
	String capacity(@PathVariable UUID concernId, @ModelAttribute("form") CapacityForm form, BindingResult bound,
			Model model, RedirectAttributes redirect) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		Enquiry enquiry = open(concernId);
		Answer lacked = form.lacked(errors);
		Answer advocacy = form.advocacy(errors, lacked);
		if (errors.hasErrors()) {
			return step("capacity", enquiry, model);
		}
		return attempt(enquiry, errors, model, redirect, "capacity",
				() -> this.enquiries.recordCapacity(concernId, Versions.parse(form.version()), lacked, advocacy));
	}

	@GetMapping(BASE + "/outcomes")
	String outcomes(@PathVariable UUID concernId, Model model) {
		Enquiry enquiry = open(concernId);
		model.addAttribute("form", OutcomesForm.of(enquiry));
		return step("outcomes", enquiry, model);
	}

	@PostMapping(BASE + "/outcomes")
	String outcomes(@PathVariable UUID concernId, @ModelAttribute("form") OutcomesForm form, BindingResult bound,
			Model model, RedirectAttributes redirect) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		Enquiry enquiry = open(concernId);
		OutcomesAsked asked = form.asked(errors);
		String desired = form.desired(errors, asked);
		if (errors.hasErrors()) {
			return step("outcomes", enquiry, model);
		}
		return attempt(enquiry, errors, model, redirect, "outcomes",
				() -> this.enquiries.recordOutcomesAsked(concernId, Versions.parse(form.version()), asked, desired));
	}

	@GetMapping(BASE + "/conclusion")
	String conclusion(@PathVariable UUID concernId, Model model) {
		Enquiry enquiry = open(concernId);
		model.addAttribute("form", ConclusionForm.of(enquiry));
		return step("conclusion", enquiry, model);
	}

	@PostMapping(BASE + "/conclusion")
	String conclusion(@PathVariable UUID concernId, @ModelAttribute("form") ConclusionForm form, BindingResult bound,
			Model model, RedirectAttributes redirect) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		Enquiry enquiry = open(concernId);
		Conclusion conclusion = form.toConclusion(errors, enquiry, this.enquiries.today());
		if (conclusion == null) {
			return step("conclusion", enquiry, model);
		}
		return attempt(enquiry, errors, model, redirect, "conclusion",
				() -> this.enquiries.conclude(concernId, Versions.parse(form.version()), conclusion));
	}

	@GetMapping(BASE + "/close")
	String close(@PathVariable UUID concernId, Model model) {
		Enquiry enquiry = open(concernId);
		model.addAttribute("form", new VersionForm(Integer.toString(enquiry.version())));
		return step("close", enquiry, model);
	}

	@PostMapping(BASE + "/close")
	String close(@PathVariable UUID concernId, @ModelAttribute("form") VersionForm form, BindingResult bound,
			Model model, RedirectAttributes redirect) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		Enquiry enquiry = open(concernId);
		return attempt(enquiry, errors, model, redirect, "close",
				() -> this.enquiries.close(concernId, Versions.parse(form.version())));
	}

	/**
	 * Takes the step; a stale version or a step the enquiry refuses is shown on the page
	 * again, with the latest enquiry, as a GOV.UK error.
	 */
	private String attempt(Enquiry enquiry, BindingResult errors, Model model, RedirectAttributes redirect, String step,
			Runnable change) {
		try {
			change.run();
		}
		catch (EnquiryChangedException ex) {
			errors.reject("safeguarding.enquiry.changed");
			return step(step, this.enquiries.ofConcern(enquiry.concernId()).orElseThrow(), model);
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			errors.reject("safeguarding.enquiry.refused", new Object[] { ex.getMessage() }, ex.getMessage());
			return step(step, enquiry, model);
		}
		redirect.addFlashAttribute("saved", "safeguarding.enquiry.saved." + step);
		return "redirect:/safeguarding/concerns/" + enquiry.concernId() + "/enquiry";
	}

	private String step(String step, Enquiry enquiry, Model model) {
		model.addAttribute("enquiry", enquiry);
		model.addAttribute("step", step);
		switch (step) {
			case "maker" -> model
				.addAttribute("makers",
						java.util.stream.Stream.of(MakerForm.COUNCIL, MakerForm.PROVIDER, MakerForm.OTHER)
							.map(maker -> new Choice(maker, "safeguarding.enquiry.maker.madeBy." + maker, null, null))
							.toList())
				.addAttribute("providers",
						providers().entrySet()
							.stream()
							.map(e -> Choice.literal(e.getKey().toString(), e.getValue()))
							.toList());
			case "capacity" -> model.addAttribute("answers",
					Choice.of(Answer::messageKey, CapacityForm.ANSWERS.toArray(Answer[]::new)));
			case "outcomes" ->
				model.addAttribute("asked", Choice.of(OutcomesAsked::messageKey, OutcomesAsked.values()));
			case "conclusion" -> {
				model.addAttribute("actions", Choice.of(ActionAndResult::messageKey, ActionAndResult.values()));
				model.addAttribute("risks", Choice.of(RiskOutcome::messageKey, RiskOutcome.values()));
				model.addAttribute("achieved", Choice.of(OutcomesAchieved::messageKey, OutcomesAchieved.values()));
				model.addAttribute("asksAchieved", Enquiry.needsOutcomesAchieved(enquiry.outcomesAsked()));
			}
			default -> {
			}
		}
		return "safeguarding/enquiry-step";
	}

	/** The register's providers by name, for an enquiry caused to one of them. */
	private Map<UUID, String> providers() {
		Map<UUID, String> providers = new LinkedHashMap<>();
		List<ProviderRow> rows = this.register
			.providers(null, new SortOrder("name", false), 1, 5_000, ProviderScope.everything())
			.items();
		rows.forEach(row -> providers.put(row.id(), row.name()));
		return providers;
	}

	/**
	 * The case's enquiry, for someone who may read the case (otherwise, or without an
	 * enquiry, "Page not found"), recorded in the read log.
	 */
	private Enquiry open(UUID concernId) {
		this.access.requireRead(concernId);
		Enquiry enquiry = this.enquiries.ofConcern(concernId)
			.orElseThrow(() -> new RecordNotFoundException("No enquiry for " + concernId));
		this.readLog.openedCase(concernId, CaseReadLog.Page.ENQUIRY);
		return enquiry;
	}

}
