package org.carecycle.quality.web;

import java.util.UUID;

import org.carecycle.quality.Framework;
import org.carecycle.quality.Frameworks;
import org.carecycle.shared.RecordNotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' pages of the framework: its versions, drafting a new one, changing
 * the draft's standards and domains, and publishing it.
 */
@Controller
@RequestMapping("/admin/qa-framework")
class FrameworkController {

	private final Frameworks frameworks;

	FrameworkController(Frameworks frameworks) {
		this.frameworks = frameworks;
	}

	@GetMapping
	String versions(Model model) {
		model.addAttribute("versions", this.frameworks.versions());
		model.addAttribute("draft", this.frameworks.draft().orElse(null));
		return "quality/framework-versions";
	}

	@GetMapping("/{id}")
	String version(@PathVariable UUID id, Model model) {
		Framework framework = this.frameworks.get(id);
		model.addAttribute("framework", framework);
		model.addAttribute("editable", framework.status() == Framework.Status.DRAFT);
		return "quality/framework";
	}

	@PostMapping("/draft")
	String startDraft(RedirectAttributes redirect) {
		try {
			Framework draft = this.frameworks.startDraft(null);
			redirect.addFlashAttribute("saved", "framework.saved.draft");
			return "redirect:/admin/qa-framework/" + draft.id();
		}
		catch (IllegalStateException ex) {
			redirect.addFlashAttribute("problemKey", "framework.draftExists");
			return "redirect:/admin/qa-framework";
		}
	}

	@GetMapping("/{id}/standards/{key}")
	String standardForm(@PathVariable UUID id, @PathVariable String key, Model model) {
		Framework framework = draft(id);
		Framework.Standard standard = framework.standard(key)
			.orElseThrow(() -> new RecordNotFoundException("No such standard"));
		model.addAttribute("form", StandardForm.of(standard));
		model.addAttribute("framework", framework);
		model.addAttribute("standard", standard);
		return "quality/framework-standard";
	}

	@PostMapping("/{id}/standards/{key}")
	String changeStandard(@PathVariable UUID id, @PathVariable String key, @ModelAttribute("form") StandardForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		Framework framework = draft(id);
		Framework.Standard standard = framework.standard(key)
			.orElseThrow(() -> new RecordNotFoundException("No such standard"));
		StandardForm.StandardChange change = form.toChange(errors);
		if (change == null) {
			model.addAttribute("framework", framework);
			model.addAttribute("standard", standard);
			return "quality/framework-standard";
		}
		this.frameworks.changeStandard(id, key, change.name(), change.prompts(), change.evidence(), change.weight());
		redirect.addFlashAttribute("saved", "framework.saved.standard");
		return "redirect:/admin/qa-framework/" + id;
	}

	@PostMapping("/{id}/domains/{key}")
	String changeDomain(@PathVariable UUID id, @PathVariable String key, @RequestParam(required = false) String weight,
			@RequestParam(defaultValue = "false") boolean capsOverall, RedirectAttributes redirect) {
		Framework framework = draft(id);
		framework.domain(key).orElseThrow(() -> new RecordNotFoundException("No such domain"));
		try {
			int value = Integer.parseInt((weight != null) ? weight.strip() : "");
			if (value < 1 || value > 10) {
				throw new NumberFormatException();
			}
			this.frameworks.changeDomain(id, key, value, capsOverall);
			redirect.addFlashAttribute("saved", "framework.saved.domain");
		}
		catch (NumberFormatException ex) {
			redirect.addFlashAttribute("problemKey", "framework.weight.range");
		}
		return "redirect:/admin/qa-framework/" + id;
	}

	@PostMapping("/{id}/publish")
	String publish(@PathVariable UUID id, RedirectAttributes redirect) {
		draft(id);
		this.frameworks.publish(id);
		redirect.addFlashAttribute("saved", "framework.saved.published");
		return "redirect:/admin/qa-framework";
	}

	@PostMapping("/{id}/discard")
	String discard(@PathVariable UUID id, RedirectAttributes redirect) {
		draft(id);
		this.frameworks.discard(id);
		redirect.addFlashAttribute("saved", "framework.saved.discarded");
		return "redirect:/admin/qa-framework";
	}

	/** A version that can still change; a published one is refused as not found here. */
	private Framework draft(UUID id) {
		Framework framework = this.frameworks.get(id);
		if (framework.status() != Framework.Status.DRAFT) {
			throw new RecordNotFoundException("Only a draft can be changed");
		}
		return framework;
	}

}
