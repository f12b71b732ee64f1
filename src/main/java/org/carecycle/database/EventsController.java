package org.carecycle.database;

import java.time.Duration;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators see the work between modules that has not finished, and retry it. */
@Controller
@RequestMapping("/admin/events")
class EventsController {

	private static final int PAGE_SIZE = 50;

	private final EventPublications publications;

	EventsController(EventPublications publications) {
		this.publications = publications;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "1") int page, Model model) {
		model.addAttribute("tasks", this.publications.unfinished(Math.max(page, 1), PAGE_SIZE));
		model.addAttribute("counts", this.publications.counts());
		return "database/events";
	}

	@PostMapping("/retry")
	String retry(RedirectAttributes redirect) {
		redirect.addFlashAttribute("retried", this.publications.retryFailed(Duration.ZERO));
		return "redirect:/admin/events";
	}

}
