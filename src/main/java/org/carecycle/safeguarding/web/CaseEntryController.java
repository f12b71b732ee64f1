package org.carecycle.safeguarding.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.carecycle.concerns.AbuseType;
import org.carecycle.identity.ProviderScope;
import org.carecycle.providers.Register;
import org.carecycle.providers.RegisterViews.ServiceFilter;
import org.carecycle.providers.RegisterViews.ServiceProfile;
import org.carecycle.safeguarding.AgeBand;
import org.carecycle.safeguarding.Answer;
import org.carecycle.safeguarding.CaseAccess;
import org.carecycle.safeguarding.CaseChangedException;
import org.carecycle.safeguarding.Ethnicity;
import org.carecycle.safeguarding.Gender;
import org.carecycle.safeguarding.LocationOfRisk;
import org.carecycle.safeguarding.PartnerAgency;
import org.carecycle.safeguarding.SafeguardingCase;
import org.carecycle.safeguarding.SafeguardingCases;
import org.carecycle.safeguarding.ScreenReasons;
import org.carecycle.safeguarding.SourceOfRisk;
import org.carecycle.safeguarding.SupportReason;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.web.SortOrder;
import org.carecycle.shared.UkTime;
import org.carecycle.web.Choice;
import org.carecycle.web.FormBinding;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Entering a safeguarding concern that came to staff or from a partner agency (police,
 * NHS, another council), first choosing the service concerned from the register (or
 * none), and a lead correcting a case's details later.
 */
@Controller
class CaseEntryController {

	private final SafeguardingCases cases;

	private final CaseAccess access;

	private final Register register;

	private final ScreenReasons screen;

	private final Clock clock;

	CaseEntryController(SafeguardingCases cases, CaseAccess access, Register register, ScreenReasons screen,
			Clock clock) {
		this.cases = cases;
		this.access = access;
		this.register = register;
		this.screen = screen;
		this.clock = clock;
	}

	@GetMapping("/safeguarding/concerns/new")
	String newForm(@RequestParam(required = false) String service, @RequestParam(required = false) String q,
			Model model) {
		CaseForm form = CaseForm.blank(service, UkTime.today(this.clock));
		model.addAttribute("form", form);
		return page(form, q, null, model);
	}

	@PostMapping("/safeguarding/concerns/new")
	String enter(@ModelAttribute("form") CaseForm form, BindingResult bound, Model model, RedirectAttributes redirect) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		Optional<ServiceProfile> service = service(form);
		if (service.isEmpty() && !form.noService()) {
			return "redirect:/safeguarding/concerns/new";
		}
		SafeguardingCases.Partner partner = form.toPartner(errors);
		SafeguardingCases.Details details = form.toDetails(errors, service.map(ServiceProfile::id).orElse(null),
				UkTime.today(this.clock), this.clock.instant(), this.screen::of);
		if (details == null) {
			return page(form, null, null, model);
		}
		UUID id = this.cases.open(details, partner);
		redirect.addFlashAttribute("saved", "safeguarding.case.form.saved");
		return "redirect:/safeguarding/concerns/" + id;
	}

	@GetMapping("/safeguarding/concerns/{id}/edit")
	String editForm(@PathVariable UUID id, @RequestParam(required = false) String service,
			@RequestParam(required = false) String q, Model model) {
		this.access.requireLead();
		SafeguardingCase c = find(id);
		CaseForm form = CaseForm.of(c);
		if (service != null) {
			form = new CaseForm(service.isBlank() ? null : service, form.from(), form.partnerAgency(),
					form.partnerName(), form.summary(), form.receivedDay(), form.receivedMonth(), form.receivedYear(),
					form.seriousIncident(), form.adultInitials(), form.adultReference(), form.ageBand(), form.gender(),
					form.ethnicity(), form.supportReason(), form.autism(), form.riskTypes(), form.locationOfRisk(),
					form.sourcesOfRisk(), form.version());
		}
		model.addAttribute("form", form);
		return page(form, q, c, model);
	}

	@PostMapping("/safeguarding/concerns/{id}/edit")
	String edit(@PathVariable UUID id, @ModelAttribute("form") CaseForm form, BindingResult bound, Model model,
			RedirectAttributes redirect) {
		this.access.requireLead();
		SafeguardingCase c = find(id);
		BindingResult errors = FormBinding.checked(form, bound, model);
		Optional<ServiceProfile> service = service(form);
		UUID serviceId = service.map(ServiceProfile::id)
			.orElse(form.serviceId().filter(s -> s.equals(c.careServiceId())).orElse(null));
		if (serviceId == null && !form.noService()) {
			errors.rejectValue("service", "safeguarding.case.form.service.blank");
		}
		SafeguardingCases.Details details = form.toDetails(errors, serviceId, UkTime.today(this.clock),
				this.clock.instant(), this.screen::of);
		if (details == null) {
			return page(form, null, c, model);
		}
		try {
			this.cases.edit(id, form.versionNumber(), details);
		}
		catch (CaseChangedException ex) {
			errors.reject("safeguarding.case.changed");
			return page(form, null, find(id), model);
		}
		catch (IllegalStateException ex) {
			redirect.addFlashAttribute("problem", "safeguarding.case.form.notEditable");
			return "redirect:/safeguarding/concerns/" + id;
		}
		redirect.addFlashAttribute("saved", "safeguarding.case.form.changed");
		return "redirect:/safeguarding/concerns/" + id;
	}

	private Optional<ServiceProfile> service(CaseForm form) {
		return form.serviceId().flatMap(id -> this.register.service(id, ProviderScope.everything()));
	}

	private String page(CaseForm form, String q, SafeguardingCase editing, Model model) {
		model.addAttribute("editing", editing);
		if (form.service() == null) {
			model.addAttribute("q", q);
			if (StringUtils.hasText(q) && q.length() <= 100) {
				model.addAttribute("results",
						this.register
							.services(new ServiceFilter(q.strip(), null, null, null, null, null, null),
									new SortOrder("name", false), 1, 20, ProviderScope.everything())
							.items());
			}
			return "safeguarding/choose-service";
		}
		Optional<ServiceProfile> service = service(form);
		if (service.isEmpty() && !form.noService()) {
			if (editing != null && form.serviceId().filter(s -> s.equals(editing.careServiceId())).isPresent()) {
				model.addAttribute("serviceName", editing.serviceName());
				model.addAttribute("providerName", editing.providerName());
			}
			else {
				return (editing != null) ? "redirect:/safeguarding/concerns/" + editing.id() + "/edit"
						: "redirect:/safeguarding/concerns/new";
			}
		}
		service.ifPresent(s -> {
			model.addAttribute("serviceName", s.name());
			model.addAttribute("providerName", s.providerName());
		});
		if (editing != null && editing.careServiceId() != null && service.isEmpty() && !form.noService()) {
			model.addAttribute("serviceName", editing.serviceName());
		}
		model.addAttribute("fromChoices",
				java.util.List.of(new Choice("STAFF", "safeguarding.case.source.STAFF", null, null),
						new Choice("PARTNER", "safeguarding.case.source.PARTNER", null, null)));
		model.addAttribute("agencies", Choice.of(PartnerAgency::messageKey, PartnerAgency.values()));
		model.addAttribute("ageBands", Choice.of(AgeBand::messageKey, AgeBand.values()));
		model.addAttribute("genders", Choice.of(Gender::messageKey, Gender.values()));
		model.addAttribute("ethnicities", Choice.of(Ethnicity::messageKey, Ethnicity.values()));
		model.addAttribute("supportReasons", Choice.of(SupportReason::messageKey, SupportReason.values()));
		model.addAttribute("autismAnswers", Choice.of(Answer::messageKey, Answer.YES, Answer.NO, Answer.NOT_KNOWN));
		model.addAttribute("riskTypeChoices",
				AbuseType.typesOfRisk().stream().map(t -> new Choice(t.name(), t.messageKey(), null, null)).toList());
		model.addAttribute("locations", Choice.of(LocationOfRisk::messageKey, LocationOfRisk.values()));
		model.addAttribute("sources", Choice.of(SourceOfRisk::messageKey, SourceOfRisk.values()));
		model.addAttribute("yesNo", java.util.List.of(Choice.literal("yes", "Yes"), Choice.literal("no", "No")));
		model.addAttribute("screenReasons",
				(form.summary() != null && form.summary().length() <= 10_000) ? this.screen.of(form.summary()) : null);
		return "safeguarding/case-form";
	}

	private SafeguardingCase find(UUID id) {
		return this.cases.find(id).orElseThrow(() -> new RecordNotFoundException("safeguarding case " + id));
	}

	static LocalDate today(Clock clock) {
		return UkTime.today(clock);
	}

}
