package org.carecycle.oversight.web;

import java.util.List;
import java.util.UUID;

import org.carecycle.identity.ProviderScope;
import org.carecycle.oversight.EarlyWarnings;
import org.carecycle.oversight.Escalations;
import org.carecycle.oversight.RiskBand;
import org.carecycle.oversight.RiskProfiles;
import org.carecycle.providers.Register;
import org.carecycle.shared.RecordNotFoundException;
import org.carecycle.web.FormText;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The risk register (services ranked by risk score, with the signals behind each), one
 * service's risk with its explanation and its score over time, and the early warnings
 * officers acknowledge.
 */
@Controller
@RequestMapping("/oversight")
class RiskController {

	private static final int PAGE_SIZE = 50;

	/** Warnings a page: each is a card with its own decision to write. */
	private static final int WARNINGS_PAGE_SIZE = 20;

	private final RiskProfiles profiles;

	private final EarlyWarnings warnings;

	private final Escalations escalations;

	private final Register register;

	private final org.carecycle.oversight.KpiReturns returns;

	/** How far back a service's risk over time goes: eighteen months. */
	private static final int HISTORY_DAYS = 550;

	private final RiskValues values;

	RiskController(RiskProfiles profiles, EarlyWarnings warnings, Escalations escalations, Register register,
			org.carecycle.oversight.KpiReturns returns, RiskValues values) {
		this.values = values;
		this.returns = returns;
		this.profiles = profiles;
		this.warnings = warnings;
		this.escalations = escalations;
		this.register = register;
	}

	@GetMapping("/risk")
	String register(@RequestParam(defaultValue = "LOW") String band, @RequestParam(defaultValue = "1") int page,
			Model model) {
		RiskBand least = java.util.Arrays.stream(RiskBand.values())
			.filter(b -> b.name().equals(band))
			.findFirst()
			.orElse(RiskBand.LOW);
		int current = Math.max(1, Math.min(page, 1000));
		List<RiskProfiles.Ranked> ranked = this.profiles.register(least, PAGE_SIZE + 1, (current - 1) * PAGE_SIZE);
		model.addAttribute("ranked", ranked.subList(0, Math.min(PAGE_SIZE, ranked.size())));
		model.addAttribute("hasNext", ranked.size() > PAGE_SIZE);
		model.addAttribute("page", current);
		model.addAttribute("band", least);
		model.addAttribute("bands", this.profiles.bands());
		model.addAttribute("allBands", RiskBand.values());
		model.addAttribute("timings", this.profiles.timings());
		return "oversight/register";
	}

	/** Recomputes every service now (it also runs nightly and after every change). */
	@PostMapping("/risk/recompute")
	String recompute(RedirectAttributes redirect) {
		RiskProfiles.Recomputed done = this.profiles.recomputeAll();
		int raised = this.warnings.scan();
		redirect.addFlashAttribute("recomputed", done);
		redirect.addFlashAttribute("raised", raised);
		return "redirect:/oversight/risk";
	}

	@GetMapping("/risk/{serviceId}")
	String service(@PathVariable UUID serviceId, Model model) {
		var service = this.register.service(serviceId, ProviderScope.everything())
			.orElseThrow(() -> new RecordNotFoundException("No such service"));
		model.addAttribute("service", service);
		model.addAttribute("profile", this.profiles.profile(serviceId).orElse(null));
		List<RiskProfiles.Point> history = this.profiles.history(serviceId, HISTORY_DAYS);
		model.addAttribute("history", history);
		model.addAttribute("chart", RiskChart.of(history));
		model.addAttribute("values", this.values);
		model.addAttribute("warnings", this.warnings.ofService(serviceId));
		model.addAttribute("escalation", this.escalations.ofService(serviceId).orElse(null));
		model.addAttribute("returns", this.returns.ofService(ProviderScope.everything(), serviceId, 6));
		return "oversight/service-risk";
	}

	@GetMapping("/warnings")
	String warnings(@RequestParam(defaultValue = "1") int page, Model model) {
		var paged = this.warnings.open(Math.max(1, Math.min(page, 10_000)), WARNINGS_PAGE_SIZE);
		model.addAttribute("warnings", paged.items());
		model.addAttribute("page", paged);
		return "oversight/warnings";
	}

	@PostMapping("/warnings/{id}/acknowledge")
	String acknowledge(@PathVariable UUID id, @RequestParam(required = false) String decision,
			RedirectAttributes redirect) {
		String text = FormText.clean(decision);
		if (text == null) {
			redirect.addFlashAttribute("problemKey", "warning.decision.blank");
			redirect.addFlashAttribute("failed", id);
			return "redirect:/oversight/warnings#warning-" + id;
		}
		if (text.length() > 5_000) {
			redirect.addFlashAttribute("problemKey", "warning.decision.long");
			return "redirect:/oversight/warnings#warning-" + id;
		}
		try {
			this.warnings.acknowledge(id, text);
			redirect.addFlashAttribute("saved", "warning.saved");
		}
		catch (IllegalStateException ex) {
			redirect.addFlashAttribute("problemKey", "warning.already");
		}
		return "redirect:/oversight/warnings";
	}

}
