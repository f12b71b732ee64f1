package org.carecycle.quality.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.carecycle.quality.Framework;
import org.carecycle.quality.Frameworks;
import org.carecycle.quality.ReviewProgramme;
import org.carecycle.quality.ReviewProgramme.Plan;
import org.carecycle.quality.ReviewProgramme.Proposal;
import org.carecycle.quality.Reviews;
import org.carecycle.quality.AlreadyPlannedException;
import org.carecycle.web.FormText;
import org.carecycle.web.Paged;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The promise and the plan that keeps it: the coverage dashboard (every commissioned
 * service reviewed within twelve months, and every one that is not), the proposed
 * programme for the next twelve months that officers accept, and the officers' capacity.
 */
@Controller
@RequestMapping("/quality")
class ProgrammeController {

	private static final int PAGE_SIZE = 50;

	private final ReviewProgramme programme;

	private final Reviews reviews;

	private final Frameworks frameworks;

	ProgrammeController(ReviewProgramme programme, Reviews reviews, Frameworks frameworks) {
		this.programme = programme;
		this.reviews = reviews;
		this.frameworks = frameworks;
	}

	@GetMapping
	String coverage(Model model) {
		model.addAttribute("coverage", this.programme.coverage());
		return "quality/coverage";
	}

	@GetMapping("/programme")
	String programme(@RequestParam(required = false) String month, @RequestParam(required = false) String officer,
			@RequestParam(defaultValue = "1") int page, Model model, HttpServletResponse response) {
		Plan plan = this.programme.propose();
		// the planner's own time, for the benchmark and the browser's developer tools,
		// not the page
		response.setHeader("Server-Timing", "planner;dur=" + plan.millis());
		Optional<YearMonth> chosenMonth = parseMonth(month).filter(m -> plan.load().containsKey(m));
		Optional<UUID> chosenOfficer = FormText.uuid(officer);
		List<Proposal> shown = plan.proposals()
			.stream()
			.filter(p -> chosenMonth.isEmpty() || YearMonth.from(p.proposedFor()).equals(chosenMonth.get()))
			.filter(p -> chosenOfficer.isEmpty() || chosenOfficer.get().equals(p.officerId()))
			.toList();
		int current = Math.max(1, page);
		int from = Math.min(shown.size(), (current - 1) * PAGE_SIZE);
		List<Proposal> pageItems = shown.subList(from, Math.min(shown.size(), from + PAGE_SIZE));
		model.addAttribute("plan", plan);
		model.addAttribute("proposals", new Paged<>(pageItems, current, PAGE_SIZE, shown.size()));
		model.addAttribute("month", chosenMonth.orElse(null));
		model.addAttribute("officer", chosenOfficer.orElse(null));
		model.addAttribute("late", plan.proposals().stream().filter(Proposal::afterDueDate).count());
		model.addAttribute("unassigned", plan.proposals().stream().filter(p -> p.officerId() == null).count());
		return "quality/programme";
	}

	/**
	 * Accepts proposals: those ticked, or all of a month. Each becomes a planned review;
	 * one that has meanwhile been planned by someone else is skipped and counted.
	 */
	@PostMapping("/programme/accept")
	String accept(@RequestParam(name = "selected", required = false) List<UUID> selected,
			@RequestParam(required = false) String month, RedirectAttributes redirect) {
		Plan plan = this.programme.propose();
		Optional<YearMonth> wholeMonth = parseMonth(month);
		List<Proposal> chosen = plan.proposals()
			.stream()
			.filter(p -> (selected != null && selected.contains(p.service().serviceId()))
					|| (wholeMonth.isPresent() && YearMonth.from(p.proposedFor()).equals(wholeMonth.get())))
			.toList();
		if (chosen.isEmpty()) {
			redirect.addFlashAttribute("problemKey", "programme.accept.none");
			return "redirect:/quality/programme" + wholeMonth.map(m -> "?month=" + m).orElse("");
		}
		int planned = 0;
		int skipped = 0;
		for (Proposal proposal : chosen) {
			try {
				this.reviews.plan(proposal.service().serviceId(), proposal.kind(), proposal.proposedFor(),
						proposal.officerId(), null);
				planned++;
			}
			catch (AlreadyPlannedException ex) {
				skipped++;
			}
		}
		redirect.addFlashAttribute("accepted", planned);
		redirect.addFlashAttribute("skipped", skipped);
		return "redirect:/quality/programme" + wholeMonth.map(m -> "?month=" + m).orElse("");
	}

	@PostMapping("/programme/capacity")
	String capacity(@RequestParam UUID officer, @RequestParam(required = false) String perMonth,
			RedirectAttributes redirect) {
		if (this.programme.officers().stream().noneMatch(o -> o.id().equals(officer))) {
			redirect.addFlashAttribute("problemKey", "programme.capacity.officer");
			return "redirect:/quality/programme#capacity";
		}
		try {
			int n = Integer.parseInt((perMonth != null) ? perMonth.strip() : "");
			this.programme.setCapacity(officer, n);
			redirect.addFlashAttribute("saved", "programme.capacity.saved");
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("problemKey", "programme.capacity.invalid");
		}
		return "redirect:/quality/programme#capacity";
	}

	/** The framework in use, for everyone who reads reviews. */
	@GetMapping("/framework")
	String framework(Model model) {
		Framework current = this.frameworks.current();
		model.addAttribute("framework", current);
		model.addAttribute("editable", false);
		return "quality/framework";
	}

	private static Optional<YearMonth> parseMonth(String value) {
		try {
			return (value != null && value.length() <= 10) ? Optional.of(YearMonth.parse(value)) : Optional.empty();
		}
		catch (java.time.format.DateTimeParseException ex) {
			return Optional.empty();
		}
	}

}
