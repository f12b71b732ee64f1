package org.carecycle.oversight.web;

import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import org.carecycle.oversight.Kpi;
import org.carecycle.oversight.KpiDefinitions;
import org.carecycle.oversight.KpiPeriod;
import org.carecycle.providers.ChangedByOthersException;
import org.carecycle.providers.ServiceType;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.web.FormBinding;
import org.carecycle.web.Choice;

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
 * The KPIs providers return, for administrators: each with its unit, how often it is due,
 * the types of service that return it and its tolerance.
 */
@Controller
@RequestMapping("/admin/kpis")
class KpiAdminController {

	private final KpiDefinitions definitions;

	KpiAdminController(KpiDefinitions definitions) {
		this.definitions = definitions;
	}

	@InitBinder
	void binder(WebDataBinder binder) {
		FormBinding.keepPropertyMessages(binder);
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("kpis", this.definitions.all());
		return "oversight/kpi/kpis";
	}

	@GetMapping("/new")
	String add(Model model) {
		return page(model, KpiForm.empty(), null);
	}

	@PostMapping("/new")
	String add(@ModelAttribute("form") KpiForm form, BindingResult bound, Model model, RedirectAttributes redirect) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		KpiDefinitions.Draft draft = form.toDraft();
		reject(this.definitions.check(draft, null), errors);
		if (errors.hasErrors()) {
			return page(model, form, null);
		}
		Kpi added = this.definitions.add(draft);
		redirect.addFlashAttribute("savedKpi", added.name());
		return "redirect:/admin/kpis";
	}

	@GetMapping("/{id}")
	String change(@PathVariable UUID id, Model model) {
		Kpi kpi = kpi(id);
		return page(model, KpiForm.of(kpi), kpi);
	}

	@PostMapping("/{id}")
	String change(@PathVariable UUID id, @ModelAttribute("form") KpiForm form, BindingResult bound, Model model,
			RedirectAttributes redirect) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		Kpi kpi = kpi(id);
		KpiDefinitions.Draft draft = form.withCode(kpi.code()).toDraft();
		reject(this.definitions.check(draft, kpi), errors);
		if (errors.hasErrors()) {
			return page(model, form, kpi);
		}
		try {
			Kpi changed = this.definitions.change(id, form.version(), draft);
			redirect.addFlashAttribute("savedKpi", changed.name());
			return "redirect:/admin/kpis";
		}
		catch (ChangedByOthersException ex) {
			errors.reject("kpi.changedByOthers");
			return page(model, KpiForm.of(kpi(id)), kpi);
		}
	}

	private Kpi kpi(UUID id) {
		return this.definitions.find(id).orElseThrow(() -> new RecordNotFoundException("No such KPI"));
	}

	private static void reject(Map<String, String> problems, BindingResult errors) {
		problems.forEach((field, key) -> errors.rejectValue(field, key));
	}

	private String page(Model model, KpiForm form, Kpi kpi) {
		model.addAttribute("form", form);
		model.addAttribute("kpi", kpi);
		model.addAttribute("units", Choice.of(Kpi.Unit::messageKey, Kpi.Unit.values()));
		model.addAttribute("frequencies", Choice.of(KpiPeriod.Frequency::messageKey, KpiPeriod.Frequency.values()));
		model.addAttribute("types",
				Arrays.stream(ServiceType.values())
					.map(type -> new Choice(type.name(), type.messageKey(), null, null))
					.toList());
		return "oversight/kpi/kpi-form";
	}

}
