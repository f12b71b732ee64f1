package org.carecycle.commissioning.web;

import java.util.Arrays;
import java.util.List;

import org.carecycle.commissioning.CareGroup;
import org.carecycle.commissioning.IntentionRoute;
import org.carecycle.commissioning.IntentionService;
import org.carecycle.commissioning.IntentionStatus;
import org.carecycle.commissioning.Intentions;
import org.carecycle.commissioning.Strategies;
import org.carecycle.commissioning.web.PlanForms.IntentionForm;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.web.Choice;
import org.carecycle.web.FormBinding;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Every commissioning intention, by care group, and changing one (commissioners only).
 */
@Controller
@RequestMapping("/commissioning/intentions")
class IntentionController {

	private final Intentions intentions;

	private final Strategies strategies;

	IntentionController(Intentions intentions, Strategies strategies) {
		this.intentions = intentions;
		this.strategies = strategies;
	}

	@InitBinder
	void binder(WebDataBinder binder) {
		FormBinding.keepPropertyMessages(binder);
	}

	@GetMapping
	String list(Model model) {
		java.util.Map<CareGroup, List<Intentions.Intention>> byGroup = new java.util.EnumMap<>(CareGroup.class);
		for (CareGroup group : CareGroup.values()) {
			List<Intentions.Intention> of = this.intentions.ofCareGroup(group);
			if (!of.isEmpty()) {
				byGroup.put(group, of);
			}
		}
		model.addAttribute("byGroup", byGroup);
		return "commissioning/intentions";
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable String id, Model model) {
		Intentions.Intention intention = require(id);
		model.addAttribute("form", IntentionForm.of(intention));
		return page(intention, model);
	}

	@PostMapping("/{id}/edit")
	String edit(@PathVariable String id, @ModelAttribute("form") IntentionForm form, BindingResult bound, Model model,
			RedirectAttributes redirect) {
		Intentions.Intention intention = require(id);
		BindingResult errors = FormBinding.checked(form, bound, model);
		Integer version = PlanForms.version(errors, form.version());
		Intentions.Details details = form.check(errors);
		if (details != null && version != null) {
			try {
				this.intentions.update(intention.id(), version, details);
				redirect.addFlashAttribute("saved", "intention.saved.changed");
				return "redirect:/commissioning/strategies/" + intention.strategyId() + "#intentions";
			}
			catch (Strategies.ChangedException ex) {
				errors.reject("form.error.changedByOthers");
				model.addAttribute("form", IntentionForm.of(require(id)));
			}
			catch (IllegalArgumentException ex) {
				errors.rejectValue("priority", "intention.form.priority.blank");
			}
		}
		return page(intention, model);
	}

	private String page(Intentions.Intention intention, Model model) {
		model.addAttribute("strategy", this.strategies.require(intention.strategyId()));
		model.addAttribute("intention", intention);
		model.addAttribute("priorities",
				this.strategies.priorities(intention.strategyId())
					.stream()
					.map(p -> Choice.literal(p.id().toString(), p.title()))
					.toList());
		model.addAttribute("serviceTypes", Choice.of(IntentionService::messageKey, IntentionService.values()));
		model.addAttribute("areas",
				this.intentions.areas().stream().map(a -> Choice.literal(a.id().toString(), a.name())).toList());
		model.addAttribute("routes",
				Arrays.stream(IntentionRoute.values())
					.map(r -> new Choice(r.name(), r.messageKey(), null, r.messageKey() + ".hint"))
					.toList());
		model.addAttribute("intentionStatuses", Choice.of(IntentionStatus::messageKey, IntentionStatus.values()));
		return "commissioning/intention-form";
	}

	private Intentions.Intention require(String id) {
		return FormText.uuid(id)
			.flatMap(this.intentions::find)
			.orElseThrow(() -> new RecordNotFoundException("No commissioning intention " + id));
	}

}
