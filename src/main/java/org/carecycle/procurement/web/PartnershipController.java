package org.carecycle.procurement.web;

import java.time.Clock;
import java.util.UUID;

import org.carecycle.identity.CurrentUser;
import org.carecycle.procurement.FrameworkRegister;
import org.carecycle.procurement.Partnership;
import org.carecycle.procurement.Partnerships;
import org.carecycle.procurement.web.FrameworkForms.PartnershipForm;
import org.carecycle.providers.ServiceType;
import org.carecycle.shared.Role;
import org.carecycle.shared.UkTime;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Preferred-provider partnerships: the list by review date, one partnership, and the
 * commissioner's form that records one with its rationale.
 */
@Controller
@RequestMapping("/procurement/partnerships")
class PartnershipController {

	private final Partnerships partnerships;

	private final FrameworkRegister frameworks;

	private final CurrentUser currentUser;

	private final Clock clock;

	PartnershipController(Partnerships partnerships, FrameworkRegister frameworks, CurrentUser currentUser,
			Clock clock) {
		this.partnerships = partnerships;
		this.frameworks = frameworks;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	@InitBinder
	void binder(WebDataBinder binder) {
		FormBinding.keepPropertyMessages(binder);
	}

	@ModelAttribute("canDecide")
	boolean canDecide() {
		return this.currentUser.get().map(user -> user.role() == Role.COMMISSIONER).orElse(false);
	}

	@ModelAttribute("today")
	java.time.LocalDate today() {
		return UkTime.today(this.clock);
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("partnerships", this.partnerships.list());
		return "procurement/partnerships/list";
	}

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, Model model) {
		model.addAttribute("partnership", this.partnerships.get(id));
		return "procurement/partnerships/show";
	}

	@GetMapping("/new")
	String newForm(Model model) {
		return newPage(PartnershipForm.empty(), model);
	}

	private String newPage(PartnershipForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("providers",
				providers().stream().map(p -> Choice.literal(p.id().toString(), p.name())).toList());
		model.addAttribute("serviceTypes", Choice.of(ServiceType::messageKey, ServiceType.values()));
		return "procurement/partnerships/new";
	}

	private java.util.List<FrameworkRegister.ProviderName> providers() {
		return java.util.Arrays.stream(ServiceType.values())
			.flatMap(type -> this.frameworks.providersOffering(type).stream())
			.distinct()
			.sorted(java.util.Comparator.comparing((FrameworkRegister.ProviderName p) -> p.name().toLowerCase())
				.thenComparing(FrameworkRegister.ProviderName::id))
			.toList();
	}

	@PostMapping("/new")
	String create(@ModelAttribute("form") PartnershipForm form, BindingResult bound, Model model,
			RedirectAttributes redirect) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		Partnerships.NewPartnership command = form.toCommand(errors,
				providers().stream().map(FrameworkRegister.ProviderName::id).toList());
		if (errors.hasErrors()) {
			return newPage(form, model);
		}
		try {
			Partnership partnership = this.partnerships.record(command);
			redirect.addFlashAttribute("saved", "partnership.saved");
			return "redirect:/procurement/partnerships/" + partnership.id();
		}
		catch (IllegalArgumentException ex) {
			errors.reject("arrangement.refused", new Object[] { ex.getMessage() }, ex.getMessage());
			return newPage(form, model);
		}
	}

}
