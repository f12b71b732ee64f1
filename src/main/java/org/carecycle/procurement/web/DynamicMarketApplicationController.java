package org.carecycle.procurement.web;

import java.math.BigDecimal;
import java.util.UUID;

import org.carecycle.identity.CurrentUser;
import org.carecycle.procurement.Framework;
import org.carecycle.procurement.FrameworkLot;
import org.carecycle.procurement.FrameworkRegister;
import org.carecycle.procurement.web.FrameworkForms.ApplicationForm;
import org.carecycle.shared.RecordNotFoundException;
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
 * A provider's own view of the council's dynamic markets: the lots open to applications,
 * its places and applications with the council's decisions and reasons, applying to a lot
 * and withdrawing an application. A provider sees only its own organisation's.
 */
@Controller
@RequestMapping("/my-organisation/dynamic-markets")
class DynamicMarketApplicationController {

	private static final String BASE = "/my-organisation/dynamic-markets";

	private final FrameworkRegister frameworks;

	private final CurrentUser currentUser;

	DynamicMarketApplicationController(FrameworkRegister frameworks, CurrentUser currentUser) {
		this.frameworks = frameworks;
		this.currentUser = currentUser;
	}

	@InitBinder
	void binder(WebDataBinder binder) {
		FormBinding.keepPropertyMessages(binder);
	}

	private UUID provider() {
		return this.currentUser.require()
			.provider()
			.orElseThrow(() -> new RecordNotFoundException("Not a provider user"))
			.value();
	}

	@GetMapping
	String list(Model model) {
		UUID provider = provider();
		var places = this.frameworks.placesOf(provider);
		model.addAttribute("places", places);
		model.addAttribute("open",
				this.frameworks.openLots()
					.stream()
					.filter(open -> places.stream()
						.noneMatch(p -> p.lot().id().equals(open.lot().id()) && p.admission().status().isLive()))
					.toList());
		return "procurement/dynamic-markets/list";
	}

	@GetMapping("/lots/{lotId}/apply")
	String applyForm(@PathVariable UUID lotId, Model model) {
		return applyPage(lotId, ApplicationForm.empty(), model);
	}

	private String applyPage(UUID lotId, ApplicationForm form, Model model) {
		FrameworkLot lot = openLot(lotId);
		model.addAttribute("lot", lot);
		model.addAttribute("framework", this.frameworks.get(lot.frameworkId()));
		model.addAttribute("form", form);
		return "procurement/dynamic-markets/apply";
	}

	private FrameworkLot openLot(UUID lotId) {
		return this.frameworks.openLots()
			.stream()
			.map(FrameworkRegister.ProviderPlace::lot)
			.filter(lot -> lot.id().equals(lotId))
			.findFirst()
			.orElseThrow(() -> new RecordNotFoundException("No such lot open to applications"));
	}

	@PostMapping("/lots/{lotId}/apply")
	String apply(@PathVariable UUID lotId, @ModelAttribute("form") ApplicationForm form, BindingResult bound,
			Model model, RedirectAttributes redirect) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		openLot(lotId);
		BigDecimal price = FrameworkForms.price(errors, "price", form.price(), true, "application.price");
		String statement = FormText.check(errors, "statement", form.statement(), true, FrameworkForms.LONG_TEXT,
				"application.statement");
		if (errors.hasErrors()) {
			return applyPage(lotId, form, model);
		}
		try {
			this.frameworks.apply(lotId, provider(), price, statement);
			redirect.addFlashAttribute("saved", "application.saved");
			return "redirect:" + BASE;
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			errors.reject("arrangement.refused", new Object[] { ex.getMessage() }, ex.getMessage());
			return applyPage(lotId, form, model);
		}
	}

	@PostMapping("/applications/{id}/withdraw")
	String withdraw(@PathVariable UUID id, RedirectAttributes redirect) {
		try {
			this.frameworks.withdraw(id, provider());
			redirect.addFlashAttribute("saved", "application.withdrawn");
		}
		catch (IllegalStateException ex) {
			redirect.addFlashAttribute("problemKey", "application.notWithdrawable");
		}
		return "redirect:" + BASE;
	}

	/** Used by templates to name a lot's arrangement. */
	static String name(Framework framework) {
		return framework.reference() + " " + framework.title();
	}

}
