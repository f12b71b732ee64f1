package org.carecycle.providers.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.carecycle.identity.CurrentUser;
import org.carecycle.providers.ChangedByOthersException;
import org.carecycle.providers.ClientGroup;
import org.carecycle.providers.Ownership;
import org.carecycle.providers.ProfileSection;
import org.carecycle.providers.ProviderContact;
import org.carecycle.providers.ProviderDetails;
import org.carecycle.providers.Register;
import org.carecycle.providers.RegisterMaintenance;
import org.carecycle.providers.RegisterViews.ProviderProfile;
import org.carecycle.providers.ServiceDetails;
import org.carecycle.providers.ServiceType;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.shared.UkTime;
import org.carecycle.web.Choice;
import org.carecycle.web.FormBinding;
import org.carecycle.web.SortOrder;
import org.carecycle.web.TableExport;

import org.springframework.context.MessageSource;
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
 * Council staff look up provider organisations; commissioners and QA officers keep them
 * up to date.
 */
@Controller
@RequestMapping("/providers")
class ProviderController {

	private static final int PAGE_SIZE = 25;

	private final Register register;

	private final RegisterMaintenance maintenance;

	private final CurrentUser currentUser;

	private final List<ProfileSection> sections;

	private final Clock clock;

	private final MessageSource messages;

	ProviderController(Register register, RegisterMaintenance maintenance, CurrentUser currentUser,
			List<ProfileSection> sections, Clock clock, MessageSource messages) {
		this.register = register;
		this.maintenance = maintenance;
		this.currentUser = currentUser;
		this.sections = sections;
		this.clock = clock;
		this.messages = messages;
	}

	@GetMapping
	String list(@RequestParam Optional<String> q, @RequestParam Optional<String> sort,
			@RequestParam Optional<String> order, @RequestParam(defaultValue = "1") int page, Model model) {
		SortOrder sortOrder = SortOrder.parse(sort.orElse(null), order.orElse(null), Register.PROVIDER_SORTS.keySet(),
				new SortOrder("name", false));
		model.addAttribute("providers", this.register.providers(q.orElse(""), sortOrder, Math.max(page, 1), PAGE_SIZE,
				this.currentUser.scope()));
		model.addAttribute("q", q.orElse(""));
		model.addAttribute("sort", sortOrder);
		return "providers/providers";
	}

	/** The providers matching a search, as CSV or Excel. */
	@GetMapping("/export")
	void export(@RequestParam Optional<String> q, @RequestParam String format, HttpServletResponse response)
			throws IOException {
		TableExport.Format chosen = TableExport.Format.parse(format).orElse(null);
		if (chosen == null) {
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return;
		}
		String file = "providers-" + UkTime.today(this.clock) + "." + chosen.extension();
		response.setContentType(chosen.contentType());
		response.setHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
		List<String> headings = List.of(text("provider.name"), text("provider.cqcId"), text("provider.ownership"),
				text("provider.group"), text("provider.activeServices"));
		long rows;
		try (OutputStream out = response.getOutputStream();
				TableExport.Writer writer = TableExport.open(chosen, out, headings)) {
			rows = this.register.eachProvider(q.orElse(""), this.currentUser.scope(), provider -> {
				try {
					writer.row(Arrays.asList(provider.name(), provider.cqcProviderId(),
							text(provider.ownership().messageKey()), provider.groupName(), provider.activeServices()));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		this.maintenance.recordExport("providers (" + chosen.extension() + ")", rows);
	}

	private String text(String key) {
		return this.messages.getMessage(key, null, key, Locale.UK);
	}

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, Model model) {
		var scope = this.currentUser.scope();
		ProviderProfile provider = find(id);
		model.addAttribute("provider", provider);
		model.addAttribute("services", this.register.servicesOf(id, scope));
		model.addAttribute("contracts", this.register.contractsOfProvider(id));
		model.addAttribute("groupMembers",
				this.register.groupMembers(provider.groupId(), scope)
					.stream()
					.filter(p -> !p.id().equals(id))
					.toList());
		model.addAttribute("sections",
				RegisterAdvice.sections(this.sections, ProfileSection.Subject.PROVIDER, id, this.currentUser));
		return "providers/provider";
	}

	@GetMapping("/new")
	String addForm(Model model) {
		model.addAttribute("form", ProviderForm.empty());
		return providerFormPage(model, null);
	}

	@PostMapping("/new")
	String add(@ModelAttribute("form") ProviderForm form, BindingResult bound, Model model,
			RedirectAttributes redirect) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		ProviderDetails details = form.toDetails(errors);
		if (details == null) {
			return providerFormPage(model, null);
		}
		try {
			UUID id = this.maintenance.addProvider(details);
			redirect.addFlashAttribute("saved", "provider.added");
			return "redirect:/providers/" + id;
		}
		catch (RegisterMaintenance.DuplicateCqcIdException ex) {
			errors.rejectValue("cqcProviderId", "provider.error.cqcId.taken");
			return providerFormPage(model, null);
		}
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable UUID id, Model model) {
		ProviderProfile provider = find(id);
		model.addAttribute("form", ProviderForm.of(provider));
		return providerFormPage(model, provider);
	}

	@PostMapping("/{id}/edit")
	String edit(@PathVariable UUID id, @ModelAttribute("form") ProviderForm form, BindingResult bound, Model model,
			RedirectAttributes redirect) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		ProviderProfile provider = find(id);
		ProviderDetails details = form.toDetails(errors);
		if (details == null) {
			return providerFormPage(model, provider);
		}
		try {
			this.maintenance.changeProvider(id, (form.version() != null) ? form.version() : -1, details);
		}
		catch (ChangedByOthersException ex) {
			RegisterForms.showCurrent(model, ProviderForm.of(find(id)));
			return providerFormPage(model, find(id));
		}
		catch (RegisterMaintenance.DuplicateCqcIdException ex) {
			errors.rejectValue("cqcProviderId", "provider.error.cqcId.taken");
			return providerFormPage(model, provider);
		}
		redirect.addFlashAttribute("saved", "provider.changed");
		return "redirect:/providers/" + id;
	}

	@GetMapping("/{id}/contacts")
	String contactsForm(@PathVariable UUID id, Model model) {
		ProviderProfile provider = find(id);
		model.addAttribute("form", ContactsForm.of(provider.version(), provider.contacts()));
		return contactsPage(model, provider, "/providers/" + id);
	}

	@PostMapping("/{id}/contacts")
	String contacts(@PathVariable UUID id, @ModelAttribute("form") ContactsForm form, BindingResult bound, Model model,
			RedirectAttributes redirect) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		ProviderProfile provider = find(id);
		List<ProviderContact> contacts = form.toContacts(errors);
		if (contacts == null) {
			return contactsPage(model, provider, "/providers/" + id);
		}
		try {
			this.maintenance.changeContacts(id, (form.version() != null) ? form.version() : -1, contacts);
		}
		catch (ChangedByOthersException ex) {
			ProviderProfile current = find(id);
			RegisterForms.showCurrent(model, ContactsForm.of(current.version(), current.contacts()));
			return contactsPage(model, current, "/providers/" + id);
		}
		redirect.addFlashAttribute("saved", "contacts.changed");
		return "redirect:/providers/" + id;
	}

	@GetMapping("/{id}/services/new")
	String addServiceForm(@PathVariable UUID id, Model model) {
		model.addAttribute("form", ServiceForm.empty());
		return serviceFormPage(model, find(id));
	}

	@PostMapping("/{id}/services/new")
	String addService(@PathVariable UUID id, @ModelAttribute("form") ServiceForm form, BindingResult bound, Model model,
			RedirectAttributes redirect) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		ProviderProfile provider = find(id);
		ServiceDetails details = form.toDetails(errors, this.clock);
		if (details == null) {
			return serviceFormPage(model, provider);
		}
		try {
			UUID serviceId = this.maintenance.addService(id, details);
			redirect.addFlashAttribute("saved", "service.added");
			return "redirect:/services/" + serviceId;
		}
		catch (RegisterMaintenance.DuplicateCqcIdException ex) {
			errors.rejectValue("cqcLocationId", "service.error.cqcId.taken");
			return serviceFormPage(model, provider);
		}
	}

	private ProviderProfile find(UUID id) {
		return this.register.provider(id, this.currentUser.scope())
			.orElseThrow(() -> new RecordNotFoundException("No such provider"));
	}

	private String providerFormPage(Model model, ProviderProfile provider) {
		model.addAttribute("provider", provider);
		model.addAttribute("ownerships", Choice.of(Ownership::messageKey, Ownership.values()));
		return "providers/provider-form";
	}

	static String contactsPage(Model model, ProviderProfile provider, String back) {
		model.addAttribute("provider", provider);
		model.addAttribute("returnTo", back);
		return "providers/contacts-form";
	}

	static String serviceFormPage(Model model, ProviderProfile provider) {
		model.addAttribute("provider", provider);
		model.addAttribute("types", Choice.of(ServiceType::messageKey, ServiceType.values()));
		model.addAttribute("groups", Choice.of(ClientGroup::messageKey, ClientGroup.values()));
		return "providers/service-form";
	}

	@InitBinder
	void binder(WebDataBinder binder) {
		FormBinding.keepPropertyMessages(binder);
	}

}
