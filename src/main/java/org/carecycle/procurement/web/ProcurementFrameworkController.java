package org.carecycle.procurement.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.carecycle.identity.CurrentUser;
import org.carecycle.procurement.Admission;
import org.carecycle.procurement.AdmissionStatus;
import org.carecycle.procurement.Framework;
import org.carecycle.procurement.FrameworkKind;
import org.carecycle.procurement.FrameworkLot;
import org.carecycle.procurement.FrameworkRegister;
import org.carecycle.procurement.FrameworkRegister.AdmissionChangedException;
import org.carecycle.procurement.FrameworkRegister.Decision;
import org.carecycle.procurement.web.FrameworkForms.AwardForm;
import org.carecycle.procurement.web.FrameworkForms.DecisionForm;
import org.carecycle.procurement.web.FrameworkForms.FrameworkForm;
import org.carecycle.procurement.web.FrameworkForms.LotForm;
import org.carecycle.providers.PriceUnit;
import org.carecycle.providers.ServiceType;
import org.carecycle.shared.Role;
import org.carecycle.shared.UkTime;
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
 * FrameworkRegister and dynamic markets for council staff: the list with the applications
 * waiting, one arrangement with its lots, one lot with its admitted providers and their
 * prices, and the commissioner's forms that record them and decide on admissions.
 */
@Controller
@RequestMapping("/procurement/frameworks")
class ProcurementFrameworkController {

	private static final String BASE = "/procurement/frameworks/";

	private final FrameworkRegister frameworks;

	private final CurrentUser currentUser;

	private final Clock clock;

	ProcurementFrameworkController(FrameworkRegister frameworks, CurrentUser currentUser, Clock clock) {
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
		model.addAttribute("frameworks", this.frameworks.list());
		model.addAttribute("waiting", this.frameworks.waiting());
		return "procurement/frameworks/list";
	}

	// Recording a framework or dynamic market
	// --------------------

	@GetMapping("/new")
	String newForm(Model model) {
		return newPage(FrameworkForm.empty(), model);
	}

	private String newPage(FrameworkForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("kinds",
				Arrays.stream(FrameworkKind.values())
					.map(kind -> new Choice(kind.name(), kind.messageKey(), null, kind.messageKey() + ".hint"))
					.toList());
		return "procurement/frameworks/new";
	}

	@PostMapping("/new")
	String create(@ModelAttribute("form") FrameworkForm form, BindingResult bound, Model model,
			RedirectAttributes redirect) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		FrameworkRegister.NewFramework command = form.toCommand(errors);
		if (errors.hasErrors()) {
			return newPage(form, model);
		}
		try {
			Framework framework = this.frameworks.create(command);
			redirect.addFlashAttribute("saved", "arrangement.saved.created");
			return "redirect:" + BASE + framework.id();
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			errors.reject("arrangement.refused", new Object[] { ex.getMessage() }, ex.getMessage());
			return newPage(form, model);
		}
	}

	// One arrangement and its lots
	// --------------------

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, Model model) {
		Framework framework = this.frameworks.get(id);
		List<FrameworkLot> lots = this.frameworks.lots(id);
		model.addAttribute("framework", framework);
		model.addAttribute("lots",
				lots.stream().map(lot -> new LotRow(lot, this.frameworks.admissions(lot.id()))).toList());
		return "procurement/frameworks/show";
	}

	/** A lot with its admissions, counted for the arrangement's page. */
	public record LotRow(FrameworkLot lot, List<Admission> admissions) {

		public long admitted() {
			return this.admissions.stream().filter(a -> a.status() == AdmissionStatus.ADMITTED).count();
		}

		public long waiting() {
			return this.admissions.stream().filter(a -> a.status() == AdmissionStatus.APPLIED).count();
		}

	}

	@GetMapping("/{id}/lots/new")
	String newLotForm(@PathVariable UUID id, Model model) {
		return lotPage(this.frameworks.get(id), LotForm.empty(), model);
	}

	private String lotPage(Framework framework, LotForm form, Model model) {
		model.addAttribute("framework", framework);
		model.addAttribute("form", form);
		model.addAttribute("serviceTypes", Choice.of(ServiceType::messageKey, ServiceType.values()));
		model.addAttribute("areas",
				this.frameworks.areas().stream().map(a -> Choice.literal(a.id().toString(), a.name())).toList());
		model.addAttribute("priceUnits", Choice.of(PriceUnit::nameKey, PriceUnit.values()));
		return "procurement/frameworks/lot-new";
	}

	@PostMapping("/{id}/lots/new")
	String addLot(@PathVariable UUID id, @ModelAttribute("form") LotForm form, BindingResult bound, Model model,
			RedirectAttributes redirect) {
		Framework framework = this.frameworks.get(id);
		BindingResult errors = FormBinding.checked(form, bound, model);
		FrameworkRegister.NewLot command = form.toCommand(errors,
				this.frameworks.areas().stream().map(FrameworkRegister.ProviderName::id).toList());
		if (errors.hasErrors()) {
			return lotPage(framework, form, model);
		}
		try {
			FrameworkLot lot = this.frameworks.addLot(id, command);
			redirect.addFlashAttribute("saved", "lot.saved.created");
			return "redirect:" + BASE + id + "/lots/" + lot.id();
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			errors.reject("arrangement.refused", new Object[] { ex.getMessage() }, ex.getMessage());
			return lotPage(framework, form, model);
		}
	}

	@GetMapping("/{id}/lots/{lotId}")
	String lot(@PathVariable UUID id, @PathVariable UUID lotId, Model model) {
		Framework framework = this.frameworks.get(id);
		FrameworkLot lot = this.frameworks.lot(id, lotId);
		List<Admission> admissions = this.frameworks.admissions(lotId);
		model.addAttribute("framework", framework);
		model.addAttribute("lot", lot);
		model.addAttribute("admitted",
				admissions.stream().filter(a -> a.status() == AdmissionStatus.ADMITTED).toList());
		model.addAttribute("waiting", admissions.stream().filter(a -> a.status() == AdmissionStatus.APPLIED).toList());
		model.addAttribute("others",
				admissions.stream()
					.filter(a -> a.status() != AdmissionStatus.ADMITTED && a.status() != AdmissionStatus.APPLIED)
					.toList());
		return "procurement/frameworks/lot";
	}

	// Admitting at a framework's award
	// --------------------

	@GetMapping("/{id}/lots/{lotId}/admit")
	String awardForm(@PathVariable UUID id, @PathVariable UUID lotId, Model model) {
		return awardPage(id, lotId, AwardForm.empty(), model);
	}

	private String awardPage(UUID id, UUID lotId, AwardForm form, Model model) {
		Framework framework = this.frameworks.get(id);
		FrameworkLot lot = this.frameworks.lot(id, lotId);
		if (framework.isDynamicMarket()) {
			throw new org.carecycle.shared.RecordNotFoundException("Providers join a dynamic market by applying");
		}
		model.addAttribute("framework", framework);
		model.addAttribute("lot", lot);
		model.addAttribute("form", form);
		model.addAttribute("providers",
				this.frameworks.providersOffering(lot.serviceType())
					.stream()
					.map(p -> Choice.literal(p.id().toString(), p.name()))
					.toList());
		return "procurement/frameworks/admit";
	}

	@PostMapping("/{id}/lots/{lotId}/admit")
	String award(@PathVariable UUID id, @PathVariable UUID lotId, @ModelAttribute("form") AwardForm form,
			BindingResult bound, Model model, RedirectAttributes redirect) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		FrameworkLot lot = this.frameworks.lot(id, lotId);
		var provider = form.providerId(errors,
				this.frameworks.providersOffering(lot.serviceType())
					.stream()
					.map(FrameworkRegister.ProviderName::id)
					.toList());
		BigDecimal price = FrameworkForms.price(errors, "price", form.price(), true, "award.price");
		String reasons = FormText.check(errors, "reasons", form.reasons(), true, FrameworkForms.LONG_TEXT,
				"award.reasons");
		if (errors.hasErrors()) {
			return awardPage(id, lotId, form, model);
		}
		try {
			this.frameworks.award(id, lotId, provider.get(), price, reasons);
			redirect.addFlashAttribute("saved", "award.saved");
			return "redirect:" + BASE + id + "/lots/" + lotId;
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			errors.reject("arrangement.refused", new Object[] { ex.getMessage() }, ex.getMessage());
			return awardPage(id, lotId, form, model);
		}
	}

	// Deciding on an admission
	// --------------------

	@GetMapping("/admissions/{id}/decide")
	String decideForm(@PathVariable UUID id, Model model) {
		Admission admission = this.frameworks.admission(id);
		return decidePage(admission, DecisionForm.of(admission), model);
	}

	private String decidePage(Admission admission, DecisionForm form, Model model) {
		FrameworkLot lot = this.frameworks.lot(admission.lotId());
		model.addAttribute("admission", admission);
		model.addAttribute("lot", lot);
		model.addAttribute("framework", this.frameworks.get(lot.frameworkId()));
		model.addAttribute("steps", this.frameworks.steps(admission.id()));
		model.addAttribute("form", form);
		model.addAttribute("decisions",
				Decision.openOn(admission.status())
					.stream()
					.map(d -> new Choice(d.name(), d.messageKey(), null, null))
					.toList());
		return "procurement/frameworks/decide";
	}

	@PostMapping("/admissions/{id}/decide")
	String decide(@PathVariable UUID id, @ModelAttribute("form") DecisionForm form, BindingResult bound, Model model,
			RedirectAttributes redirect) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		Admission admission = this.frameworks.admission(id);
		Decision decision = null;
		for (Decision open : Decision.openOn(admission.status())) {
			if (open.name().equals(form.decision())) {
				decision = open;
			}
		}
		if (decision == null) {
			errors.rejectValue("decision", "decision.decision.blank");
		}
		BigDecimal price = null;
		if (decision == Decision.ADMIT || decision == Decision.REPRICE) {
			price = FrameworkForms.price(errors, "price", form.price(), decision == Decision.REPRICE, "decision.price");
		}
		String reasons = FormText.check(errors, "reasons", form.reasons(), true, FrameworkForms.LONG_TEXT,
				"decision.reasons");
		if (errors.hasErrors()) {
			return decidePage(admission, form, model);
		}
		try {
			Admission decided = this.frameworks.decide(id, form.version(), decision, price, reasons);
			redirect.addFlashAttribute("saved", "decision.saved." + decision.name());
			FrameworkLot lot = this.frameworks.lot(decided.lotId());
			return "redirect:" + BASE + lot.frameworkId() + "/lots/" + lot.id();
		}
		catch (AdmissionChangedException ex) {
			errors.reject("decision.changedByOthers");
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			errors.reject("arrangement.refused", new Object[] { ex.getMessage() }, ex.getMessage());
		}
		return decidePage(this.frameworks.admission(id), form, model);
	}

}
