package org.carecycle.concerns.web;

import java.util.UUID;

import org.carecycle.concerns.AbuseType;
import org.carecycle.concerns.HeldOutFigures;
import org.carecycle.concerns.SafeguardingRule;
import org.carecycle.concerns.SafeguardingScreen;
import org.carecycle.web.Choice;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The rules that flag possible abuse or neglect, as a list anyone responsible can read
 * and change: add a phrase, switch a rule off or on.
 */
@Controller
@RequestMapping("/admin/safeguarding-rules")
class SafeguardingRulesController {

	private final SafeguardingScreen screen;

	SafeguardingRulesController(SafeguardingScreen screen) {
		this.screen = screen;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("rules", this.screen.all());
		model.addAttribute("types", Choice.of(AbuseType::messageKey, AbuseType.values()));
		model.addAttribute("heldOut", HeldOutFigures.published().orElse(null));
		model.addAttribute("meaningRunning", this.screen.meaningRunning());
		model.addAttribute("checkFigures", this.screen.checkFigures());
		model.addAttribute("shippedExamples", this.screen.shippedExampleCount());
		model.addAttribute("councilExamples", this.screen.councilExamples());
		model.addAttribute("typesOfRisk", AbuseType.typesOfRisk());
		return "concerns/safeguarding-rules";
	}

	@PostMapping
	String add(@RequestParam(required = false) String phrase, @RequestParam(required = false) String abuseType,
			RedirectAttributes redirect) {
		AbuseType type = ConcernController.parse(AbuseType.class, abuseType).orElse(null);
		if (!SafeguardingRule.isValidPhrase(phrase)) {
			redirect.addFlashAttribute("problem", "safeguardingRules.phrase.invalid");
			redirect.addFlashAttribute("phrase", (phrase != null && phrase.length() <= 200) ? phrase : null);
		}
		else if (type == null) {
			redirect.addFlashAttribute("problem", "safeguardingRules.type.blank");
			redirect.addFlashAttribute("phrase", phrase);
		}
		else if (!this.screen.addPhrase(phrase, type)) {
			redirect.addFlashAttribute("problem", "safeguardingRules.phrase.exists");
			redirect.addFlashAttribute("phrase", phrase);
		}
		else {
			redirect.addFlashAttribute("saved", "safeguardingRules.added");
		}
		return "redirect:/admin/safeguarding-rules";
	}

	@PostMapping("/{id}")
	String enable(@PathVariable UUID id, @RequestParam boolean enabled, RedirectAttributes redirect) {
		this.screen.setEnabled(id, enabled);
		redirect.addFlashAttribute("saved", enabled ? "safeguardingRules.enabled" : "safeguardingRules.disabled");
		return "redirect:/admin/safeguarding-rules";
	}

}
