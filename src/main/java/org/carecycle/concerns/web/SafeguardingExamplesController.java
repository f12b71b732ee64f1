package org.carecycle.concerns.web;

import java.util.Optional;
import java.util.UUID;

import org.carecycle.concerns.AbuseType;
import org.carecycle.concerns.Concern;
import org.carecycle.concerns.ConcernAccesses;
import org.carecycle.concerns.Concerns;
import org.carecycle.concerns.SafeguardingExamples;
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
 * Teaching the safeguarding screen: an administrator or safeguarding lead writes an
 * example of how people describe a type of risk (often from a concern the screen did not
 * flag: "flag reports like this"), sees what it would change on the check set, and saves
 * it.
 */
@Controller
@RequestMapping("/admin/safeguarding-rules/examples")
class SafeguardingExamplesController {

	private static final String PAGE = "concerns/safeguarding-example";

	private final SafeguardingScreen screen;

	private final Concerns concerns;

	private final ConcernAccesses accesses;

	SafeguardingExamplesController(SafeguardingScreen screen, Concerns concerns, ConcernAccesses accesses) {
		this.screen = screen;
		this.concerns = concerns;
		this.accesses = accesses;
	}

	@GetMapping("/new")
	String start(@RequestParam(required = false) String concern, Model model) {
		Optional<Concern> from = ConcernController.parseId(concern).flatMap(this.concerns::find);
		String text = "";
		if (from.isPresent()) {
			this.accesses.opened(from.get().id(), ConcernAccesses.Page.SAFEGUARDING_EXAMPLE);
			text = SafeguardingExamples.normalise(from.get().whatHappened());
			model.addAttribute("fromConcern", from.get());
		}
		return form(model, text, null, from.map(Concern::id).orElse(null), null);
	}

	@PostMapping("/check")
	String check(@RequestParam(required = false) String text, @RequestParam(required = false) String abuseType,
			@RequestParam(required = false) String concern, Model model) {
		UUID concernId = fromConcern(concern, model);
		AbuseType type = type(abuseType);
		String problem = problem(text, abuseType, type);
		if (problem != null) {
			return form(model, text, abuseType, concernId, problem);
		}
		if (!this.screen.meaningRunning()) {
			return form(model, text, abuseType, concernId, "safeguardingExample.notRunning");
		}
		model.addAttribute("effect", this.screen.tryExample(text, type));
		model.addAttribute("checkedType", type);
		return form(model, SafeguardingExamples.normalise(text), abuseType, concernId, null);
	}

	@PostMapping
	String save(@RequestParam(required = false) String text, @RequestParam(required = false) String abuseType,
			@RequestParam(required = false) String concern, Model model, RedirectAttributes redirect) {
		UUID concernId = fromConcern(concern, model);
		AbuseType type = type(abuseType);
		String problem = problem(text, abuseType, type);
		if (problem != null) {
			return form(model, text, abuseType, concernId, problem);
		}
		if (!this.screen.addExample(text, type, concernId)) {
			return form(model, text, abuseType, concernId, "safeguardingExample.exists");
		}
		redirect.addFlashAttribute("saved", "safeguardingExample.added");
		return "redirect:/admin/safeguarding-rules#examples";
	}

	@PostMapping("/{id}")
	String enable(@PathVariable UUID id, @RequestParam boolean enabled, RedirectAttributes redirect) {
		this.screen.setExampleEnabled(id, enabled);
		redirect.addFlashAttribute("saved", enabled ? "safeguardingExample.enabled" : "safeguardingExample.disabled");
		return "redirect:/admin/safeguarding-rules#examples";
	}

	private UUID fromConcern(String concern, Model model) {
		Optional<Concern> from = ConcernController.parseId(concern).flatMap(this.concerns::find);
		from.ifPresent(c -> model.addAttribute("fromConcern", c));
		return from.map(Concern::id).orElse(null);
	}

	private static AbuseType type(String abuseType) {
		return ConcernController.parse(AbuseType.class, abuseType).filter(t -> t != AbuseType.ANY).orElse(null);
	}

	private static String problem(String text, String abuseType, AbuseType type) {
		if (text == null || text.isBlank()) {
			return "safeguardingExample.text.blank";
		}
		if (text.strip().length() > SafeguardingExamples.MAX_EXAMPLE) {
			return "safeguardingExample.text.tooLong";
		}
		if (type == null) {
			return "safeguardingExample.type.blank";
		}
		return null;
	}

	private String form(Model model, String text, String abuseType, UUID concernId, String problem) {
		model.addAttribute("text", (text != null && text.length() <= 5_000) ? text : "");
		model.addAttribute("abuseType", abuseType);
		model.addAttribute("concernId", concernId);
		model.addAttribute("problem", problem);
		model.addAttribute("problemField", (problem != null && problem.contains(".type.")) ? "abuseType" : "text");
		model.addAttribute("types",
				Choice.of(AbuseType::messageKey, AbuseType.typesOfRisk().toArray(AbuseType[]::new)));
		return PAGE;
	}

}
