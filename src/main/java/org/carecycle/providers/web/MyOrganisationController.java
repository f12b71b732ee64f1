package org.carecycle.providers.web;

import java.util.List;
import java.util.UUID;

import org.carecycle.identity.CurrentUser;
import org.carecycle.identity.ProviderScope;
import org.carecycle.providers.ChangedByOthersException;
import org.carecycle.providers.KeyQuestion;
import org.carecycle.providers.ProviderContact;
import org.carecycle.providers.Register;
import org.carecycle.providers.RegisterMaintenance;
import org.carecycle.providers.RegisterViews.ProviderProfile;
import org.carecycle.providers.RegisterViews.ServiceProfile;
import org.carecycle.shared.RecordNotFoundException;
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
 * The provider portal: a provider user's own organisation and its services, its contacts
 * and its services' vacancies to keep up to date, and nothing of anyone else's.
 */
@Controller
@RequestMapping("/my-organisation")
class MyOrganisationController {

	private final Register register;

	private final RegisterMaintenance maintenance;

	private final CurrentUser currentUser;

	MyOrganisationController(Register register, RegisterMaintenance maintenance, CurrentUser currentUser) {
		this.register = register;
		this.maintenance = maintenance;
		this.currentUser = currentUser;
	}

	/**
	 * The vacancies form.
	 *
	 * @param vacancies how many vacancies the service has today
	 */
	record VacanciesForm(String vacancies) {
	}

	@GetMapping
	String organisation(Model model) {
		ProviderProfile provider = ownProvider();
		model.addAttribute("provider", provider);
		model.addAttribute("services", this.register.servicesOf(provider.id(), this.currentUser.scope()));
		return "providers/my-organisation";
	}

	@GetMapping("/contacts")
	String contactsForm(Model model) {
		ProviderProfile provider = ownProvider();
		model.addAttribute("form", ContactsForm.of(provider.version(), provider.contacts()));
		return ProviderController.contactsPage(model, provider, "/my-organisation");
	}

	@PostMapping("/contacts")
	String contacts(@ModelAttribute("form") ContactsForm form, BindingResult bound, Model model,
			RedirectAttributes redirect) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		ProviderProfile provider = ownProvider();
		List<ProviderContact> contacts = form.toContacts(errors);
		if (contacts == null) {
			return ProviderController.contactsPage(model, provider, "/my-organisation");
		}
		try {
			this.maintenance.changeContacts(provider.id(), (form.version() != null) ? form.version() : -1, contacts);
		}
		catch (ChangedByOthersException ex) {
			ProviderProfile current = ownProvider();
			RegisterForms.showCurrent(model, ContactsForm.of(current.version(), current.contacts()));
			return ProviderController.contactsPage(model, current, "/my-organisation");
		}
		redirect.addFlashAttribute("saved", "contacts.changed");
		return "redirect:/my-organisation";
	}

	@GetMapping("/services/{id}")
	String service(@PathVariable UUID id, Model model) {
		ServiceProfile service = ownService(id);
		model.addAttribute("service", service);
		model.addAttribute("history", this.register.ratingHistory(service.cqcLocationId()));
		model.addAttribute("keyQuestions", KeyQuestion.values());
		return "providers/my-service";
	}

	@GetMapping("/services/{id}/vacancies")
	String vacanciesForm(@PathVariable UUID id, Model model) {
		ServiceProfile service = ownService(id);
		model.addAttribute("form",
				new VacanciesForm((service.vacancies() != null) ? service.vacancies().toString() : ""));
		model.addAttribute("service", service);
		return "providers/vacancies-form";
	}

	@PostMapping("/services/{id}/vacancies")
	String vacancies(@PathVariable UUID id, @ModelAttribute("form") VacanciesForm form, BindingResult bound,
			Model model, RedirectAttributes redirect) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		ServiceProfile service = ownService(id);
		Integer count = new Checks(errors).count("vacancies", form.vacancies(), true, "service.vacancies");
		if (count != null && service.capacity() != null && count > service.capacity()) {
			errors.rejectValue("vacancies", "vacancies.error.capacity", new Object[] { service.capacity() }, null);
		}
		if (errors.hasErrors()) {
			model.addAttribute("service", service);
			return "providers/vacancies-form";
		}
		this.maintenance.reportVacancies(id, count);
		redirect.addFlashAttribute("saved", "vacancies.changed");
		return "redirect:/my-organisation/services/" + id;
	}

	private ProviderProfile ownProvider() {
		ProviderScope scope = this.currentUser.scope();
		UUID providerId = scope.provider()
			.orElseThrow(() -> new RecordNotFoundException("Not a provider user"))
			.value();
		return this.register.provider(providerId, scope).orElseThrow();
	}

	private ServiceProfile ownService(UUID id) {
		return this.register.service(id, this.currentUser.scope())
			.orElseThrow(() -> new RecordNotFoundException("No such service"));
	}

	@InitBinder
	void binder(WebDataBinder binder) {
		FormBinding.keepPropertyMessages(binder);
	}

}
