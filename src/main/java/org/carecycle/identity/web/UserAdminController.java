package org.carecycle.identity.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import org.carecycle.identity.AuditTrail;
import org.carecycle.identity.CurrentUser;
import org.carecycle.identity.OrganisationDirectory;
import org.carecycle.identity.SecondFactors;
import org.carecycle.identity.UserAdministration;
import org.carecycle.identity.UserDirectory;
import org.carecycle.identity.UserSummary;
import org.carecycle.shared.ProviderId;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.shared.Role;
import org.carecycle.web.Choice;
import org.carecycle.web.FormBinding;
import org.carecycle.web.Paged;
import org.carecycle.web.SortOrder;

import org.springframework.dao.OptimisticLockingFailureException;
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
 * Administrators add people, change their role, disable them and reset their passwords.
 */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

	private static final int PAGE_SIZE = 25;

	private static final int ORGANISATION_CHOICES = 5000;

	private final UserDirectory directory;

	private final UserAdministration administration;

	private final OrganisationDirectory organisations;

	private final AuditTrail auditTrail;

	private final CurrentUser currentUser;

	private final SecondFactors secondFactors;

	UserAdminController(UserDirectory directory, UserAdministration administration, OrganisationDirectory organisations,
			AuditTrail auditTrail, CurrentUser currentUser, SecondFactors secondFactors) {
		this.secondFactors = secondFactors;
		this.directory = directory;
		this.administration = administration;
		this.organisations = organisations;
		this.auditTrail = auditTrail;
		this.currentUser = currentUser;
	}

	@GetMapping
	String list(@RequestParam Optional<String> q, @RequestParam Optional<String> role,
			@RequestParam Optional<String> status, @RequestParam Optional<String> sort,
			@RequestParam Optional<String> order, @RequestParam(defaultValue = "1") int page, Model model) {
		SortOrder sortOrder = SortOrder.parse(sort.orElse(null), order.orElse(null), UserDirectory.sortKeys(),
				new SortOrder("name", false));
		Role chosenRole = RoleForm.parseRole(role.orElse(null)).orElse(null);
		Boolean enabled = switch (status.orElse("")) {
			case "enabled" -> true;
			case "disabled" -> false;
			default -> null;
		};
		Paged<UserSummary> users = this.directory.search(q.orElse(""), chosenRole, enabled, sortOrder,
				Math.max(page, 1), PAGE_SIZE);
		model.addAttribute("users", users);
		model.addAttribute("organisationNames", organisationNames(users.items()));
		model.addAttribute("q", q.orElse(""));
		model.addAttribute("role", (chosenRole != null) ? chosenRole.name() : "");
		model.addAttribute("status", status.orElse(""));
		model.addAttribute("sort", sortOrder);
		model.addAttribute("roleChoices", Choice.of(Role::messageKey, Role.values()));
		return "identity/users";
	}

	@GetMapping("/new")
	String addForm(Model model) {
		model.addAttribute("form", UserForm.empty());
		return addPage(model);
	}

	@PostMapping
	String add(@Valid @ModelAttribute("form") UserForm form, BindingResult bound, Model model,
			RedirectAttributes redirect) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		checkRoleAndOrganisation(form.chosenRole(), form.chosenProvider(), errors);
		if (!errors.hasFieldErrors("email") && this.directory.findByEmail(form.email()).isPresent()) {
			errors.rejectValue("email", "user.error.email.taken");
		}
		if (errors.hasErrors()) {
			return addPage(model);
		}
		UserAdministration.NewAccount account;
		try {
			account = this.administration.add(form.email(), form.displayName(), form.chosenRole().orElseThrow(),
					providerFor(form.chosenRole(), form.chosenProvider()));
		}
		catch (UserAdministration.EmailAlreadyUsedException ex) {
			errors.rejectValue("email", "user.error.email.taken");
			return addPage(model);
		}
		redirect.addFlashAttribute("temporaryPassword", account.temporaryPassword());
		redirect.addFlashAttribute("added", true);
		return "redirect:/admin/users/" + account.id();
	}

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, Model model) {
		UserSummary user = find(id);
		model.addAttribute("user", user);
		model.addAttribute("organisation",
				Optional.ofNullable(user.providerId()).flatMap(this.organisations::find).orElse(null));
		model.addAttribute("history", this.auditTrail.forRecord("UserAccount", id.toString()));
		model.addAttribute("isSelf", id.equals(this.currentUser.require().id()));
		return "identity/user";
	}

	@GetMapping("/{id}/role")
	String roleForm(@PathVariable UUID id, Model model) {
		UserSummary user = find(id);
		model.addAttribute("form",
				new RoleForm(user.role().name(), (user.providerId() != null) ? user.providerId().toString() : null));
		return rolePage(user, model);
	}

	@PostMapping("/{id}/role")
	String changeRole(@PathVariable UUID id, @ModelAttribute("form") RoleForm form, BindingResult bound, Model model,
			RedirectAttributes redirect) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		UserSummary user = find(id);
		checkRoleAndOrganisation(form.chosenRole(), form.chosenProvider(), errors);
		if (errors.hasErrors()) {
			return rolePage(user, model);
		}
		try {
			this.administration.changeRole(id, form.chosenRole().orElseThrow(),
					providerFor(form.chosenRole(), form.chosenProvider()), this.currentUser.require().id());
		}
		catch (IllegalStateException ex) {
			errors.reject("user.error.role.refused", new Object[] { ex.getMessage() }, ex.getMessage());
			return rolePage(user, model);
		}
		redirect.addFlashAttribute("roleChanged", true);
		return "redirect:/admin/users/" + id;
	}

	@GetMapping("/{id}/disable")
	String confirmDisable(@PathVariable UUID id, Model model) {
		model.addAttribute("user", find(id));
		return "identity/disable-user";
	}

	@PostMapping("/{id}/disable")
	String disable(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
		UserSummary user = find(id);
		try {
			this.administration.disable(id, this.currentUser.require().id());
		}
		catch (IllegalStateException | OptimisticLockingFailureException ex) {
			model.addAttribute("user", user);
			model.addAttribute("refusal", ex.getMessage());
			model.addAttribute("pageHasErrors", true);
			return "identity/disable-user";
		}
		redirect.addFlashAttribute("disabled", true);
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/enable")
	String enable(@PathVariable UUID id, RedirectAttributes redirect) {
		UserSummary user = find(id);
		if (!user.enabled()) {
			this.administration.enable(id);
			redirect.addFlashAttribute("enabled", true);
		}
		return "redirect:/admin/users/" + id;
	}

	@GetMapping("/{id}/reset-password")
	String confirmReset(@PathVariable UUID id, Model model) {
		model.addAttribute("user", find(id));
		return "identity/reset-password";
	}

	@PostMapping("/{id}/reset-password")
	String reset(@PathVariable UUID id, RedirectAttributes redirect) {
		find(id);
		redirect.addFlashAttribute("temporaryPassword", this.administration.resetPassword(id));
		redirect.addFlashAttribute("passwordReset", true);
		return "redirect:/admin/users/" + id;
	}

	@GetMapping("/{id}/reset-second-factor")
	String confirmSecondFactorReset(@PathVariable UUID id, Model model) {
		model.addAttribute("user", find(id));
		return "identity/reset-second-factor";
	}

	/** For a lost phone: the person sets up their authenticator app again. */
	@PostMapping("/{id}/reset-second-factor")
	String resetSecondFactor(@PathVariable UUID id, RedirectAttributes redirect) {
		find(id);
		this.secondFactors.resetByAdministrator(id);
		redirect.addFlashAttribute("secondFactorReset", true);
		return "redirect:/admin/users/" + id;
	}

	private UserSummary find(UUID id) {
		return this.directory.find(id).orElseThrow(() -> new RecordNotFoundException("No such user"));
	}

	private String addPage(Model model) {
		addChoices(model);
		return "identity/add-user";
	}

	private String rolePage(UserSummary user, Model model) {
		model.addAttribute("user", user);
		addChoices(model);
		return "identity/change-role";
	}

	private void addChoices(Model model) {
		model.addAttribute("roleChoices",
				Arrays.stream(Role.values())
					.map(role -> new Choice(role.name(), role.messageKey(), null, role.messageKey() + ".hint"))
					.toList());
		model.addAttribute("organisationChoices",
				this.organisations.search("", ORGANISATION_CHOICES)
					.stream()
					.map(organisation -> Choice.literal(organisation.id().toString(), organisation.name()))
					.toList());
	}

	private void checkRoleAndOrganisation(Optional<Role> role, Optional<ProviderId> provider, BindingResult errors) {
		if (role.isEmpty()) {
			errors.rejectValue("role", "user.error.role.blank");
		}
		else if (role.get() == Role.PROVIDER
				&& (provider.isEmpty() || this.organisations.find(provider.get()).isEmpty())) {
			errors.rejectValue("providerId", "user.error.provider.blank");
		}
	}

	private static ProviderId providerFor(Optional<Role> role, Optional<ProviderId> provider) {
		return role.filter(r -> r == Role.PROVIDER).flatMap(r -> provider).orElse(null);
	}

	private Map<ProviderId, String> organisationNames(List<UserSummary> users) {
		Set<ProviderId> ids = users.stream()
			.map(UserSummary::providerId)
			.filter(java.util.Objects::nonNull)
			.collect(Collectors.toSet());
		return this.organisations.names(ids);
	}

	@InitBinder
	void binder(WebDataBinder binder) {
		FormBinding.keepPropertyMessages(binder);
	}

}
