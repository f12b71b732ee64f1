package org.carecycle.commissioning.web;

import java.util.Arrays;

import org.carecycle.commissioning.MarketPosition;
import org.carecycle.commissioning.MarketPositionSection;
import org.carecycle.commissioning.web.PlanForms.NarrativeForm;
import org.carecycle.commissioning.web.PlanForms.PublishForm;
import org.carecycle.identity.CurrentUser;
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
 * Where commissioners write the Market Position Statement: the draft as it would be
 * published today (live figures and their narrative), each section's narrative, and
 * publishing a new dated version.
 */
@Controller
@RequestMapping("/commissioning/market-position")
class MarketPositionController {

	private final MarketPosition marketPosition;

	private final CurrentUser currentUser;

	MarketPositionController(MarketPosition marketPosition, CurrentUser currentUser) {
		this.marketPosition = marketPosition;
		this.currentUser = currentUser;
	}

	@InitBinder
	void binder(WebDataBinder binder) {
		FormBinding.keepPropertyMessages(binder);
	}

	@GetMapping
	String draft(Model model) {
		model.addAttribute("mps", this.marketPosition.draft());
		model.addAttribute("sections", MarketPositionSection.values());
		model.addAttribute("versions", this.marketPosition.versions());
		return "commissioning/market-position";
	}

	@GetMapping("/sections/{section}")
	String sectionForm(@PathVariable String section, Model model) {
		MarketPositionSection chosen = section(section);
		model.addAttribute("form", new NarrativeForm(this.marketPosition.narrative().get(chosen)));
		model.addAttribute("section", chosen);
		return "commissioning/market-position-section";
	}

	@PostMapping("/sections/{section}")
	String saveSection(@PathVariable String section, @ModelAttribute("form") NarrativeForm form, BindingResult bound,
			Model model, RedirectAttributes redirect) {
		MarketPositionSection chosen = section(section);
		model.addAttribute("section", chosen);
		BindingResult errors = FormBinding.checked(form, bound, model);
		String text = form.check(errors);
		if (text != null) {
			this.marketPosition.saveNarrative(chosen, text, this.currentUser.require().displayName());
			redirect.addFlashAttribute("saved", "mps.saved.section");
			return "redirect:/commissioning/market-position#" + chosen.anchor();
		}
		return "commissioning/market-position-section";
	}

	@GetMapping("/publish")
	String publishForm(Model model) {
		model.addAttribute("form", new PublishForm(null, null));
		return "commissioning/market-position-publish";
	}

	@PostMapping("/publish")
	String publish(@ModelAttribute("form") PublishForm form, BindingResult bound, Model model,
			RedirectAttributes redirect) {
		BindingResult errors = FormBinding.checked(form, bound, model);
		PublishForm.Checked checked = form.check(errors);
		if (checked != null) {
			int number = this.marketPosition.publish(checked.title(), checked.summary(),
					this.currentUser.require().displayName());
			redirect.addFlashAttribute("saved", "mps.saved.published");
			redirect.addFlashAttribute("publishedNumber", number);
			return "redirect:/commissioning/market-position";
		}
		return "commissioning/market-position-publish";
	}

	private static MarketPositionSection section(String section) {
		return Arrays.stream(MarketPositionSection.values())
			.filter(s -> s.anchor().equals(section))
			.findFirst()
			.orElseThrow(() -> new RecordNotFoundException("No section " + section));
	}

}
