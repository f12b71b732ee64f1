package org.carecycle.commissioning.web;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.carecycle.commissioning.CareGroup;
import org.carecycle.commissioning.EvidenceChanges;
import org.carecycle.commissioning.EvidenceKind;
import org.carecycle.commissioning.IntentionRoute;
import org.carecycle.commissioning.IntentionService;
import org.carecycle.commissioning.IntentionStatus;
import org.carecycle.commissioning.Intentions;
import org.carecycle.commissioning.Strategies;
import org.carecycle.commissioning.Strategy;
import org.carecycle.commissioning.StrategyStatus;
import org.carecycle.commissioning.web.PlanForms.CareActForm;
import org.carecycle.commissioning.web.PlanForms.EvidenceForm;
import org.carecycle.commissioning.web.PlanForms.IntentionForm;
import org.carecycle.commissioning.web.PlanForms.PriorityForm;
import org.carecycle.commissioning.web.PlanForms.ReviewForm;
import org.carecycle.commissioning.web.PlanForms.StatusForm;
import org.carecycle.commissioning.web.PlanForms.StrategyForm;
import org.carecycle.concerns.Theme;
import org.carecycle.identity.CurrentUser;
import org.carecycle.providers.ServiceType;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.shared.Role;
import org.carecycle.web.Choice;
import org.carecycle.web.FormBinding;

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
 * The register of commissioning strategies and each strategy's pages: its details, the
 * Care Act compliance review, its status, priorities, evidence (with what has changed
 * since approval), reviews and the intentions grown from it. Council staff read;
 * commissioners write and change.
 */
@Controller
@RequestMapping("/commissioning/strategies")
class StrategyController {

	private final Strategies strategies;

	private final Intentions intentions;

	private final EvidenceChanges changes;

	private final CurrentUser currentUser;

	StrategyController(Strategies strategies, Intentions intentions, EvidenceChanges changes, CurrentUser currentUser) {
		this.strategies = strategies;
		this.intentions = intentions;
		this.changes = changes;
		this.currentUser = currentUser;
	}

	@InitBinder
	void binder(WebDataBinder binder) {
		FormBinding.keepPropertyMessages(binder);
	}

	// The register
	// --------------------

	@GetMapping
	String list(@RequestParam(required = false) String group, @RequestParam(required = false) String status,
			Model model) {
		CareGroup chosenGroup = Arrays.stream(CareGroup.values())
			.filter(g -> g.name().equals(group))
			.findFirst()
			.orElse(null);
		StrategyStatus chosenStatus = Arrays.stream(StrategyStatus.values())
			.filter(s -> s.name().equals(status))
			.findFirst()
			.orElse(null);
		model.addAttribute("strategies", this.strategies.list(chosenGroup, chosenStatus));
		model.addAttribute("group", chosenGroup);
		model.addAttribute("status", chosenStatus);
		model.addAttribute("groups", CareGroup.values());
		model.addAttribute("statuses", StrategyStatus.values());
		model.addAttribute("canWrite", canWrite());
		return "commissioning/strategies";
	}

	// A new strategy
	// --------------------

	@GetMapping("/new")
	String newForm(Model model) {
		model.addAttribute("form", StrategyForm.empty());
		return strategyFormPage(null, model);
	}

	@PostMapping("/new")
	String create(@ModelAttribute("form") StrategyForm form, BindingResult bound, Model model,
			RedirectAttributes redirect) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		Strategies.Details details = form.check(errors);
		if (details != null) {
			try {
				UUID id = this.strategies.create(details);
				redirect.addFlashAttribute("saved", "strategy.saved.created");
				return "redirect:/commissioning/strategies/" + id;
			}
			catch (IllegalArgumentException ex) {
				errors.rejectValue("owner", "strategy.form.owner.blank");
			}
		}
		return strategyFormPage(null, model);
	}

	private String strategyFormPage(Strategy strategy, Model model) {
		model.addAttribute("strategy", strategy);
		model.addAttribute("careGroups", Choice.of(CareGroup::messageKey, CareGroup.values()));
		model.addAttribute("owners",
				this.strategies.owners()
					.stream()
					.map(user -> Choice.literal(user.id().toString(), user.displayName()))
					.toList());
		return "commissioning/strategy-form";
	}

	// A strategy
	// --------------------

	@GetMapping("/{id}")
	String show(@PathVariable String id, Model model) {
		Strategy strategy = require(id);
		model.addAttribute("strategy", strategy);
		model.addAttribute("today", this.strategies.today());
		model.addAttribute("priorities", this.strategies.priorities(strategy.id()));
		model.addAttribute("evidence", this.changes.changes(strategy, this.strategies.evidence(strategy.id())));
		model.addAttribute("reviews", this.strategies.reviews(strategy.id()));
		model.addAttribute("intentions", this.intentions.ofStrategy(strategy.id()));
		model.addAttribute("canWrite", canWrite() && strategy.isEditable());
		return "commissioning/strategy";
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable String id, Model model) {
		Strategy strategy = require(id);
		model.addAttribute("form", StrategyForm.of(strategy));
		return strategyFormPage(strategy, model);
	}

	@PostMapping("/{id}/edit")
	String edit(@PathVariable String id, @ModelAttribute("form") StrategyForm form, BindingResult bound, Model model,
			RedirectAttributes redirect) {
		Strategy strategy = require(id);
		BindingResult errors = FormBinding.checked(form, bound, model);
		Integer version = PlanForms.version(errors, form.version());
		Strategies.Details details = form.check(errors);
		if (details != null && version != null) {
			try {
				this.strategies.update(strategy.id(), version, details);
				redirect.addFlashAttribute("saved", "strategy.saved.changed");
				return "redirect:/commissioning/strategies/" + strategy.id();
			}
			catch (Strategies.ChangedException ex) {
				errors.reject("form.error.changedByOthers");
				model.addAttribute("form", StrategyForm.of(require(id)));
			}
			catch (Strategy.RefusedException ex) {
				errors.reject(ex.messageKey());
			}
			catch (IllegalArgumentException ex) {
				errors.rejectValue("owner", "strategy.form.owner.blank");
			}
		}
		return strategyFormPage(strategy, model);
	}

	// The Care Act compliance review
	// --------------------

	@GetMapping("/{id}/care-act-review")
	String careActForm(@PathVariable String id, Model model) {
		Strategy strategy = require(id);
		model.addAttribute("form", CareActForm.of(strategy));
		model.addAttribute("strategy", strategy);
		return "commissioning/care-act-review";
	}

	@PostMapping("/{id}/care-act-review")
	String careAct(@PathVariable String id, @ModelAttribute("form") CareActForm form, BindingResult bound, Model model,
			RedirectAttributes redirect) {
		Strategy strategy = require(id);
		model.addAttribute("strategy", strategy);
		BindingResult errors = FormBinding.checked(form, bound, model);
		Integer version = PlanForms.version(errors, form.version());
		CareActForm.Checked checked = form.check(errors, this.strategies.today());
		if (checked != null && version != null) {
			try {
				this.strategies.recordCareActReview(strategy.id(), version, checked.on(), checked.reviewer(),
						checked.findings());
				redirect.addFlashAttribute("saved", "strategy.saved.careAct");
				return "redirect:/commissioning/strategies/" + strategy.id();
			}
			catch (Strategies.ChangedException ex) {
				errors.reject("form.error.changedByOthers");
			}
			catch (Strategy.RefusedException ex) {
				errors.reject(ex.messageKey());
			}
		}
		return "commissioning/care-act-review";
	}

	// The status
	// --------------------

	@GetMapping("/{id}/status")
	String statusForm(@PathVariable String id, Model model) {
		Strategy strategy = require(id);
		model.addAttribute("form", new StatusForm(String.valueOf(strategy.version()), null));
		return statusPage(strategy, model);
	}

	private String statusPage(Strategy strategy, Model model) {
		model.addAttribute("strategy", strategy);
		model.addAttribute("statuses",
				strategy.status()
					.next()
					.stream()
					.map(s -> new Choice(s.name(), s.messageKey(), null, "strategy.status.hint." + s.name()))
					.toList());
		return "commissioning/strategy-status";
	}

	@PostMapping("/{id}/status")
	String status(@PathVariable String id, @ModelAttribute("form") StatusForm form, BindingResult bound, Model model,
			RedirectAttributes redirect) {
		Strategy strategy = require(id);
		BindingResult errors = FormBinding.checked(form, bound, model);
		Integer version = PlanForms.version(errors, form.version());
		StrategyStatus target = form.check(errors, strategy);
		if (target != null && version != null && !errors.hasErrors()) {
			try {
				this.strategies.move(strategy.id(), version, target);
				redirect.addFlashAttribute("saved", "strategy.saved.status." + target.name());
				return "redirect:/commissioning/strategies/" + strategy.id();
			}
			catch (Strategies.ChangedException ex) {
				errors.reject("form.error.changedByOthers");
			}
			catch (Strategy.RefusedException ex) {
				errors.rejectValue("status", ex.messageKey());
			}
		}
		return statusPage(strategy, model);
	}

	// Priorities
	// --------------------

	@GetMapping("/{id}/priorities/new")
	String priorityForm(@PathVariable String id, Model model) {
		model.addAttribute("strategy", require(id));
		model.addAttribute("form", PriorityForm.empty());
		return "commissioning/priority-form";
	}

	@PostMapping("/{id}/priorities/new")
	String addPriority(@PathVariable String id, @ModelAttribute("form") PriorityForm form, BindingResult bound,
			Model model, RedirectAttributes redirect) {
		Strategy strategy = require(id);
		model.addAttribute("strategy", strategy);
		BindingResult errors = FormBinding.checked(form, bound, model);
		Strategies.NewPriority priority = form.check(errors);
		if (priority != null) {
			try {
				this.strategies.addPriority(strategy.id(), priority);
				redirect.addFlashAttribute("saved", "strategy.saved.priority");
				return "redirect:/commissioning/strategies/" + strategy.id() + "#priorities";
			}
			catch (Strategy.RefusedException ex) {
				errors.reject(ex.messageKey());
			}
		}
		return "commissioning/priority-form";
	}

	// Evidence
	// --------------------

	@GetMapping("/{id}/evidence/new")
	String evidenceForm(@PathVariable String id, Model model) {
		model.addAttribute("form", EvidenceForm.empty());
		return evidencePage(require(id), model);
	}

	private String evidencePage(Strategy strategy, Model model) {
		model.addAttribute("strategy", strategy);
		model.addAttribute("kinds",
				Arrays.stream(EvidenceKind.values())
					.map(kind -> new Choice(kind.name(), kind.messageKey(), null, kind.messageKey() + ".hint"))
					.toList());
		model.addAttribute("serviceTypes", Choice.of(ServiceType::messageKey, ServiceType.values()));
		model.addAttribute("themes", Choice.of(Theme::messageKey, Theme.values()));
		model.addAttribute("areas", areas());
		return "commissioning/evidence-form";
	}

	@PostMapping("/{id}/evidence/new")
	String addEvidence(@PathVariable String id, @ModelAttribute("form") EvidenceForm form, BindingResult bound,
			Model model, RedirectAttributes redirect) {
		Strategy strategy = require(id);
		BindingResult errors = FormBinding.checked(form, bound, model);
		Strategies.NewEvidence evidence = form.check(errors);
		if (evidence != null) {
			try {
				this.strategies.addEvidence(strategy.id(), evidence);
				redirect.addFlashAttribute("saved", "strategy.saved.evidence");
				return "redirect:/commissioning/strategies/" + strategy.id() + "#evidence";
			}
			catch (Strategy.RefusedException ex) {
				errors.reject(ex.messageKey());
			}
		}
		return evidencePage(strategy, model);
	}

	// Reviews
	// --------------------

	@GetMapping("/{id}/review")
	String reviewForm(@PathVariable String id, Model model) {
		Strategy strategy = require(id);
		model.addAttribute("form", new ReviewForm(String.valueOf(strategy.version()), null, null, null,
				this.currentUser.require().displayName(), null, null, null, null));
		model.addAttribute("strategy", strategy);
		return "commissioning/strategy-review";
	}

	@PostMapping("/{id}/review")
	String review(@PathVariable String id, @ModelAttribute("form") ReviewForm form, BindingResult bound, Model model,
			RedirectAttributes redirect) {
		Strategy strategy = require(id);
		model.addAttribute("strategy", strategy);
		BindingResult errors = FormBinding.checked(form, bound, model);
		Integer version = PlanForms.version(errors, form.version());
		ReviewForm.Checked checked = form.check(errors, this.strategies.today());
		if (checked != null && version != null) {
			try {
				this.strategies.recordReview(strategy.id(), version, checked.on(), checked.reviewer(), checked.notes(),
						checked.next());
				redirect.addFlashAttribute("saved", "strategy.saved.review");
				return "redirect:/commissioning/strategies/" + strategy.id();
			}
			catch (Strategies.ChangedException ex) {
				errors.reject("form.error.changedByOthers");
			}
			catch (Strategy.RefusedException ex) {
				errors.reject(ex.messageKey());
			}
		}
		return "commissioning/strategy-review";
	}

	// Intentions
	// --------------------

	@GetMapping("/{id}/intentions/new")
	String intentionForm(@PathVariable String id, @RequestParam(required = false) String priority, Model model) {
		Strategy strategy = require(id);
		IntentionForm empty = IntentionForm.empty();
		model.addAttribute("form", new IntentionForm(empty.version(), priority, null, null, null, null, null, null,
				null, null, null, empty.status()));
		return intentionPage(strategy, null, model);
	}

	String intentionPage(Strategy strategy, Intentions.Intention intention, Model model) {
		model.addAttribute("strategy", strategy);
		model.addAttribute("intention", intention);
		model.addAttribute("priorities",
				this.strategies.priorities(strategy.id())
					.stream()
					.map(p -> Choice.literal(p.id().toString(), p.title()))
					.toList());
		model.addAttribute("serviceTypes", Choice.of(IntentionService::messageKey, IntentionService.values()));
		model.addAttribute("areas", areas());
		model.addAttribute("routes",
				Arrays.stream(IntentionRoute.values())
					.map(r -> new Choice(r.name(), r.messageKey(), null, r.messageKey() + ".hint"))
					.toList());
		model.addAttribute("intentionStatuses", Choice.of(IntentionStatus::messageKey, IntentionStatus.values()));
		return "commissioning/intention-form";
	}

	@PostMapping("/{id}/intentions/new")
	String addIntention(@PathVariable String id, @ModelAttribute("form") IntentionForm form, BindingResult bound,
			Model model, RedirectAttributes redirect) {
		Strategy strategy = require(id);
		BindingResult errors = FormBinding.checked(form, bound, model);
		Intentions.Details details = form.check(errors);
		if (details != null) {
			try {
				this.intentions.add(strategy.id(), details);
				redirect.addFlashAttribute("saved", "intention.saved.added");
				return "redirect:/commissioning/strategies/" + strategy.id() + "#intentions";
			}
			catch (Strategy.RefusedException ex) {
				errors.reject(ex.messageKey());
			}
			catch (IllegalArgumentException ex) {
				errors.rejectValue("priority", "intention.form.priority.blank");
			}
		}
		return intentionPage(strategy, null, model);
	}

	List<Choice> areas() {
		return this.intentions.areas().stream().map(a -> Choice.literal(a.id().toString(), a.name())).toList();
	}

	private boolean canWrite() {
		return this.currentUser.get().map(user -> user.role() == Role.COMMISSIONER).orElse(false);
	}

	private Strategy require(String id) {
		Optional<UUID> uuid = org.carecycle.web.FormText.uuid(id);
		return uuid.flatMap(this.strategies::find)
			.orElseThrow(() -> new RecordNotFoundException("No commissioning strategy " + id));
	}

}
