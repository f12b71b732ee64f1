package org.carecycle.matching.web;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.carecycle.identity.CurrentUser;
import org.carecycle.providers.Register;
import org.carecycle.providers.RegisterMaintenance;
import org.carecycle.providers.RegisterViews.ServiceProfile;
import org.carecycle.providers.Specialism;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.web.Choice;
import org.carecycle.web.FormBinding;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Changing the specialisms a service offers: by its provider, on their own organisation's
 * pages (another organisation's service is not found), and by council staff who keep the
 * register, on the service's profile.
 */
@Controller
class SpecialismsController {

	private final Register register;

	private final RegisterMaintenance maintenance;

	private final CurrentUser currentUser;

	SpecialismsController(Register register, RegisterMaintenance maintenance, CurrentUser currentUser) {
		this.register = register;
		this.maintenance = maintenance;
		this.currentUser = currentUser;
	}

	/** The specialisms ticked, by name. */
	record SpecialismsForm(List<String> specialism) {

		public List<String> names() {
			return (this.specialism != null) ? this.specialism : List.of();
		}

	}

	@GetMapping("/my-organisation/services/{id}/specialisms")
	String providerForm(@PathVariable UUID id, Model model) {
		return form(id, model, "/my-organisation/services/" + id);
	}

	@PostMapping("/my-organisation/services/{id}/specialisms")
	String providerChange(@PathVariable UUID id, @ModelAttribute("form") SpecialismsForm form, BindingResult bound,
			Model model, RedirectAttributes redirect) {
		return change(id, form, bound, model, redirect, "/my-organisation/vacancies",
				"/my-organisation/services/" + id);
	}

	@GetMapping("/services/{id}/specialisms")
	String staffForm(@PathVariable UUID id, Model model) {
		return form(id, model, "/services/" + id);
	}

	@PostMapping("/services/{id}/specialisms")
	String staffChange(@PathVariable UUID id, @ModelAttribute("form") SpecialismsForm form, BindingResult bound,
			Model model, RedirectAttributes redirect) {
		return change(id, form, bound, model, redirect, "/services/" + id, "/services/" + id);
	}

	private String form(UUID id, Model model, String back) {
		ServiceProfile service = service(id);
		model.addAttribute("form",
				new SpecialismsForm(this.register.specialisms(id).stream().map(Specialism::name).toList()));
		return page(model, service, back);
	}

	private String change(UUID id, SpecialismsForm form, BindingResult bound, Model model, RedirectAttributes redirect,
			String done, String back) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		ServiceProfile service = service(id);
		Set<Specialism> chosen = EnumSet.noneOf(Specialism.class);
		for (String name : form.names()) {
			Specialism each = Arrays.stream(Specialism.values())
				.filter(s -> s.name().equals(name))
				.findFirst()
				.orElse(null);
			if (each == null) {
				errors.rejectValue("specialism", "matching.specialism.error");
				return page(model, service, back);
			}
			chosen.add(each);
		}
		this.maintenance.changeSpecialisms(id, chosen);
		redirect.addFlashAttribute("saved", "matching.specialisms.saved");
		return "redirect:" + done;
	}

	private String page(Model model, ServiceProfile service, String back) {
		model.addAttribute("service", service);
		model.addAttribute("backUrl", back);
		model.addAttribute("action", back + "/specialisms");
		model.addAttribute("careSpecialisms",
				Choice.of(Specialism::messageKey,
						Arrays.stream(Specialism.values())
							.filter(s -> s.kind() == Specialism.Kind.CARE)
							.toArray(Specialism[]::new)));
		model.addAttribute("languages",
				Choice.of(Specialism::messageKey,
						Arrays.stream(Specialism.values())
							.filter(s -> s.kind() == Specialism.Kind.LANGUAGE)
							.toArray(Specialism[]::new)));
		return "matching/specialisms-form";
	}

	private ServiceProfile service(UUID id) {
		return this.register.service(id, this.currentUser.scope())
			.orElseThrow(() -> new RecordNotFoundException("No such service"));
	}

}
